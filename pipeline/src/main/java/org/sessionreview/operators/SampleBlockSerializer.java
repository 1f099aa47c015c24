package org.sessionreview.operators;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.StringSerializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.sessionreview.model.SampleBlock;

/**
 * Flink serializer of {@link SampleBlock}: every public field, as the POJO serializer keeps them,
 * with the sample arrays written in bulk ({@link DoubleArrays}). A block is mostly its {@code
 * values}: through the keyed shuffle and, in a batch run, the sort of the keyed input, the POJO
 * serializer wrote and read them one {@code double} per call. Used on the streams between the
 * ingest and the wearer operator ({@link SampleBlockTypeInfo}); keyed state still declares
 * {@code SampleBlock.class} and keeps the POJO serializer, so checkpoints are unchanged.
 */
public final class SampleBlockSerializer extends TypeSerializer<SampleBlock> {
    private static final long serialVersionUID = 1L;

    private transient DoubleArrays arrays;

    private DoubleArrays arrays() {
        if (arrays == null) {
            arrays = new DoubleArrays();
        }
        return arrays;
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public TypeSerializer<SampleBlock> duplicate() {
        return new SampleBlockSerializer(); // holds a buffer
    }

    @Override
    public SampleBlock createInstance() {
        return new SampleBlock();
    }

    @Override
    public SampleBlock copy(SampleBlock from) {
        SampleBlock b = new SampleBlock();
        b.sessionId = from.sessionId;
        b.role = from.role;
        b.channel = from.channel;
        b.startMillis = from.startMillis;
        b.mediaStartMillis = from.mediaStartMillis;
        b.rateHz = from.rateHz;
        b.width = from.width;
        b.values = from.values == null ? null : from.values.clone();
        b.offsetsS = from.offsetsS == null ? null : from.offsetsS.clone();
        b.firstIndex = from.firstIndex;
        b.endOfStream = from.endOfStream;
        b.streamBlockCount = from.streamBlockCount;
        b.arrivalMillis = from.arrivalMillis;
        return b;
    }

    @Override
    public SampleBlock copy(SampleBlock from, SampleBlock reuse) {
        return copy(from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(SampleBlock b, DataOutputView out) throws IOException {
        StringSerializer.INSTANCE.serialize(b.sessionId, out);
        StringSerializer.INSTANCE.serialize(b.role, out);
        StringSerializer.INSTANCE.serialize(b.channel, out);
        out.writeLong(b.startMillis);
        out.writeLong(b.mediaStartMillis);
        out.writeDouble(b.rateHz);
        out.writeInt(b.width);
        out.writeLong(b.firstIndex);
        out.writeBoolean(b.endOfStream);
        out.writeInt(b.streamBlockCount);
        out.writeLong(b.arrivalMillis);
        arrays().write(b.values, out);
        arrays().write(b.offsetsS, out);
    }

    @Override
    public SampleBlock deserialize(DataInputView in) throws IOException {
        SampleBlock b = new SampleBlock();
        b.sessionId = StringSerializer.INSTANCE.deserialize(in);
        b.role = StringSerializer.INSTANCE.deserialize(in);
        b.channel = StringSerializer.INSTANCE.deserialize(in);
        b.startMillis = in.readLong();
        b.mediaStartMillis = in.readLong();
        b.rateHz = in.readDouble();
        b.width = in.readInt();
        b.firstIndex = in.readLong();
        b.endOfStream = in.readBoolean();
        b.streamBlockCount = in.readInt();
        b.arrivalMillis = in.readLong();
        b.values = arrays().read(in);
        b.offsetsS = arrays().read(in);
        return b;
    }

    @Override
    public SampleBlock deserialize(SampleBlock reuse, DataInputView in) throws IOException {
        return deserialize(in);
    }

    @Override
    public void copy(DataInputView in, DataOutputView out) throws IOException {
        for (int i = 0; i < 3; i++) {
            StringSerializer.INSTANCE.copy(in, out);
        }
        out.writeLong(in.readLong());
        out.writeLong(in.readLong());
        out.writeDouble(in.readDouble());
        out.writeInt(in.readInt());
        out.writeLong(in.readLong());
        out.writeBoolean(in.readBoolean());
        out.writeInt(in.readInt());
        out.writeLong(in.readLong());
        arrays().copy(in, out);
        arrays().copy(in, out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SampleBlockSerializer;
    }

    @Override
    public int hashCode() {
        return SampleBlockSerializer.class.hashCode();
    }

    @Override
    public TypeSerializerSnapshot<SampleBlock> snapshotConfiguration() {
        return new Snapshot();
    }

    /** The format has no parameters: any instance reads what another wrote. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<SampleBlock> {
        public Snapshot() {
            super(SampleBlockSerializer::new);
        }
    }
}
