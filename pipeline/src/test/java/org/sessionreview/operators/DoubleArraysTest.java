package org.sessionreview.operators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.apache.flink.api.common.typeutils.base.array.DoublePrimitiveArraySerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/**
 * {@link DoubleArrays} against Flink's {@link DoublePrimitiveArraySerializer} (one {@code
 * writeDouble} per value, the obvious version it replaces): the same bytes, and the same values
 * read back bit for bit, NaN payloads included.
 */
class DoubleArraysTest {
    @Test
    void shouldWriteTheBytesOfFlinksArraySerializerWhenGivenAnyDoubles() throws Exception {
        Random rnd = new Random(42);
        DoubleArrays fast = new DoubleArrays();
        for (int length : new int[] {0, 1, 2, 1023, 1024, 1025, 2048, 2880, 5000}) {
            for (int round = 0; round < 5; round++) {
                double[] v = new double[length];
                for (int i = 0; i < length; i++) {
                    int k = rnd.nextInt(8);
                    v[i] = k == 0
                            ? Double.longBitsToDouble(0x7ff0000000000000L | (rnd.nextLong() & 0xfffffffffffffL) | 1L)
                            : k == 1
                                    ? Double.longBitsToDouble(0xfff8000000000000L | rnd.nextInt(1000))
                                    : k == 2 ? -0.0 : Double.longBitsToDouble(rnd.nextLong());
                }
                DataOutputSerializer expected = new DataOutputSerializer(16);
                DoublePrimitiveArraySerializer.INSTANCE.serialize(v, expected);
                DataOutputSerializer actual = new DataOutputSerializer(16);
                fast.write(v, actual);
                assertArrayEquals(expected.getCopyOfBuffer(), actual.getCopyOfBuffer(), "length " + length);

                double[] reference = DoublePrimitiveArraySerializer.INSTANCE.deserialize(
                        new DataInputDeserializer(expected.getCopyOfBuffer()));
                double[] back = fast.read(new DataInputDeserializer(actual.getCopyOfBuffer()));
                assertEquals(reference.length, back.length);
                for (int i = 0; i < back.length; i++) {
                    assertEquals(Double.doubleToRawLongBits(reference[i]), Double.doubleToRawLongBits(back[i]));
                }
            }
        }
    }
}
