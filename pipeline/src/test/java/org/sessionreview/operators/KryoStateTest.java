package org.sessionreview.operators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.java.typeutils.runtime.kryo.KryoSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;
import org.sessionreview.config.FeatureConfig;
import org.sessionreview.features.WearerWindower;
import org.sessionreview.ingest.e4.BlockSplitter;
import org.sessionreview.ingest.e4.E4Channel;
import org.sessionreview.ingest.e4.E4Recording;
import org.sessionreview.model.Channel;
import org.sessionreview.model.Role;
import org.sessionreview.model.SampleBlock;
import org.sessionreview.model.WindowFeatures;

/**
 * Keyed state that Flink keeps with Kryo (the wearer's windower, with its configuration) must
 * survive a checkpoint's copy: a streaming run checkpointed mid-session could not snapshot it
 * while the configuration's checks were part of it.
 */
class KryoStateTest {
    private static final long MEDIA = 1_700_000_000_000L;

    private static List<SampleBlock> blocks(int seconds) {
        Random rnd = new Random(7);
        Map<Channel, E4Channel> channels = new EnumMap<>(Channel.class);
        for (Channel c : List.of(Channel.EDA, Channel.BVP, Channel.ACC, Channel.TEMP)) {
            double rate = c == Channel.BVP ? 64 : c == Channel.ACC ? 32 : 4;
            double[] v = new double[(int) (seconds * rate) * c.width()];
            for (int i = 0; i < v.length; i++) {
                v[i] = c == Channel.TEMP ? 33 + 0.01 * rnd.nextGaussian() : 1 + 0.1 * rnd.nextGaussian();
            }
            channels.put(c, E4Channel.regular(c, MEDIA, rate, v));
        }
        E4Recording rec = new E4Recording("S", channels, Map.of());
        List<SampleBlock> all = new BlockSplitter(FeatureConfig.defaults()).stream(rec, Role.CLIENT, MEDIA);
        return all.subList(0, all.size() - 1);
    }

    @SuppressWarnings("unchecked")
    private static <T> T kryoCopy(T value) throws Exception {
        KryoSerializer<T> s = new KryoSerializer<>((Class<T>) value.getClass(), new SerializerConfigImpl());
        DataOutputSerializer out = new DataOutputSerializer(1 << 16);
        s.serialize(value, out);
        return s.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
    }

    @Test
    void shouldContinueFromAKryoCopyOfTheWearerWindowerWithTheSameWindows() throws Exception {
        List<SampleBlock> blocks = blocks(300);
        WearerWindower original = new WearerWindower(FeatureConfig.defaults(), "S", Role.CLIENT, MEDIA);
        int half = blocks.size() / 2;
        for (SampleBlock b : blocks.subList(0, half)) {
            original.add(b);
        }
        WearerWindower copy = kryoCopy(original);
        List<WindowFeatures> a = new ArrayList<>();
        List<WindowFeatures> b = new ArrayList<>();
        for (SampleBlock block : blocks.subList(half, blocks.size())) {
            a.addAll(original.add(block));
            b.addAll(copy.add(block));
        }
        a.addAll(original.finish(MEDIA + 300_000));
        b.addAll(copy.finish(MEDIA + 300_000));
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).toString(), b.get(i).toString(), "window " + i);
        }
    }
}
