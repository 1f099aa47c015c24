package org.sessionreview.operators;

import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.sessionreview.model.SampleBlock;

/**
 * The type of the sample-block streams ({@link SampleBlockSerializer}), declared with {@code
 * returns(SampleBlockTypeInfo.INSTANCE)} where blocks are made and where they are keyed.
 */
public final class SampleBlockTypeInfo extends TypeInformation<SampleBlock> {
    private static final long serialVersionUID = 1L;

    public static final SampleBlockTypeInfo INSTANCE = new SampleBlockTypeInfo();

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    public Class<SampleBlock> getTypeClass() {
        return SampleBlock.class;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<SampleBlock> createSerializer(SerializerConfig config) {
        return new SampleBlockSerializer();
    }

    @Override
    public String toString() {
        return "SampleBlock (bulk arrays)";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SampleBlockTypeInfo;
    }

    @Override
    public int hashCode() {
        return SampleBlockTypeInfo.class.hashCode();
    }

    @Override
    public boolean canEqual(Object o) {
        return o instanceof SampleBlockTypeInfo;
    }
}
