package org.sessionreview.operators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;
import org.sessionreview.model.SampleBlock;

/**
 * {@link SampleBlockSerializer} against the POJO serializer Flink chose for {@link SampleBlock}
 * before (kept as the reference): every field of every block comes back bit for bit as the POJO
 * serializer gives it, whichever way the record travels (serialize/deserialize, the byte copy of
 * the batch sort, the object copy between chained operators).
 */
class SampleBlockSerializerTest {
    private static final long[] NAN_BITS = {0x7ff8000000000000L, 0x7ff0000000000001L, 0xfff8000000000123L};

    private static double[] values(Random rnd, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            int k = rnd.nextInt(20);
            v[i] = k == 0
                    ? Double.longBitsToDouble(NAN_BITS[rnd.nextInt(NAN_BITS.length)])
                    : k == 1
                            ? -0.0
                            : k == 2
                                    ? Double.POSITIVE_INFINITY
                                    : k == 3
                                            ? Double.MIN_VALUE
                                            : rnd.nextGaussian() * Math.pow(10, rnd.nextInt(12) - 6);
        }
        return v;
    }

    static List<SampleBlock> blocks(long seed) {
        Random rnd = new Random(seed);
        List<SampleBlock> blocks = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            SampleBlock b = new SampleBlock();
            int kind = i % 6;
            b.sessionId = kind == 5 ? null : "S" + rnd.nextInt(1000);
            b.role = kind == 4 ? null : rnd.nextBoolean() ? "client" : "therapist";
            b.channel = kind == 3 ? "IBI" : rnd.nextBoolean() ? "ACC" : "BVP";
            b.startMillis = rnd.nextLong();
            b.mediaStartMillis = rnd.nextLong();
            b.rateHz = kind == 3 ? 0 : rnd.nextDouble() * 64;
            b.width = kind == 1 ? 3 : 1;
            // lengths around the serializer's 1024-double chunks, and the E4 block sizes
            int[] lengths = {0, 1, 7, 120, 1023, 1024, 1025, 1920, 2880, 4097};
            b.values = kind == 2 && rnd.nextBoolean() ? null : values(rnd, lengths[rnd.nextInt(lengths.length)]);
            b.offsetsS = kind == 3 ? values(rnd, b.values == null ? 3 : b.values.length) : null;
            b.firstIndex = rnd.nextLong();
            b.endOfStream = rnd.nextInt(10) == 0;
            b.streamBlockCount = rnd.nextInt();
            b.arrivalMillis = rnd.nextLong();
            blocks.add(b);
        }
        blocks.add(SampleBlock.endMarker("S1", "client", 123L));
        blocks.add(new SampleBlock());
        return blocks;
    }

    @SuppressWarnings("unchecked")
    private static TypeSerializer<SampleBlock> pojo() {
        TypeInformation<SampleBlock> info = TypeInformation.of(SampleBlock.class);
        assertInstanceOf(PojoTypeInfo.class, info, "SampleBlock is a POJO for Flink");
        return info.createSerializer(new SerializerConfigImpl());
    }

    private static SampleBlock roundTrip(TypeSerializer<SampleBlock> s, SampleBlock b) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(64);
        s.serialize(b, out);
        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
        SampleBlock back = s.deserialize(in);
        assertEquals(0, in.available(), "every byte read");
        return back;
    }

    private static SampleBlock byteCopy(TypeSerializer<SampleBlock> s, SampleBlock b) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(64);
        s.serialize(b, out);
        DataOutputSerializer copied = new DataOutputSerializer(64);
        s.copy(new DataInputDeserializer(out.getCopyOfBuffer()), copied);
        assertArrayEquals(out.getCopyOfBuffer(), copied.getCopyOfBuffer());
        return s.deserialize(new DataInputDeserializer(copied.getCopyOfBuffer()));
    }

    static void assertSameBits(SampleBlock expected, SampleBlock actual) {
        assertEquals(expected.sessionId, actual.sessionId);
        assertEquals(expected.role, actual.role);
        assertEquals(expected.channel, actual.channel);
        assertEquals(expected.startMillis, actual.startMillis);
        assertEquals(expected.mediaStartMillis, actual.mediaStartMillis);
        assertEquals(Double.doubleToRawLongBits(expected.rateHz), Double.doubleToRawLongBits(actual.rateHz));
        assertEquals(expected.width, actual.width);
        assertRawBits(expected.values, actual.values);
        assertRawBits(expected.offsetsS, actual.offsetsS);
        assertEquals(expected.firstIndex, actual.firstIndex);
        assertEquals(expected.endOfStream, actual.endOfStream);
        assertEquals(expected.streamBlockCount, actual.streamBlockCount);
        assertEquals(expected.arrivalMillis, actual.arrivalMillis);
    }

    private static void assertRawBits(double[] expected, double[] actual) {
        if (expected == null) {
            assertNull(actual);
            return;
        }
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(actual[i]), "value " + i);
        }
    }

    @Test
    void shouldGiveWhatThePojoSerializerGivesWhenBlocksTravel() throws Exception {
        TypeSerializer<SampleBlock> reference = pojo();
        TypeSerializer<SampleBlock> bulk = SampleBlockTypeInfo.INSTANCE.createSerializer(new SerializerConfigImpl());
        for (SampleBlock b : blocks(20261204L)) {
            SampleBlock expected = roundTrip(reference, b);
            assertSameBits(expected, roundTrip(bulk, b));
            assertSameBits(expected, byteCopy(bulk, b));
            assertSameBits(reference.copy(b), bulk.copy(b));
            assertSameBits(reference.copy(b), bulk.duplicate().copy(b, new SampleBlock()));
        }
    }

    @Test
    void shouldRestoreTheSerializerFromItsSnapshotWhenCheckpointed() {
        SampleBlockSerializer s = new SampleBlockSerializer();
        assertEquals(s, s.snapshotConfiguration().restoreSerializer());
        assertEquals(SampleBlockTypeInfo.INSTANCE.createSerializer(new SerializerConfigImpl()), s);
    }
}
