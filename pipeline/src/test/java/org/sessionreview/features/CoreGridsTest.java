package org.sessionreview.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.sessionreview.config.FeatureConfig;
import org.sessionreview.ingest.e4.BlockSplitter;
import org.sessionreview.ingest.e4.E4Reader;
import org.sessionreview.ingest.e4.E4Recording;
import org.sessionreview.model.Channel;
import org.sessionreview.model.Role;
import org.sessionreview.model.SampleBlock;
import org.sessionreview.model.WindowFeatures;
import org.sessionreview.testing.SharedData;

/**
 * The event cores' grids written into arrays kept per thread ({@link CoreGrids}) instead of new
 * ones: every window and every SCR, beat, artifact and signal-chunk row, doubles by their bits,
 * is the same when each wearer runs alone on a new thread, when the kept arrays are filled with
 * NaN or with garbage after every block (a grid read after its core, or a point left unwritten,
 * would see it), and when several wearers run interleaved on one thread, one of them restored
 * from Java serialization midway. {@code WearerWindowerFingerprintTest} pins the same output on
 * real recordings to what the code that allocated every grid gave.
 */
class CoreGridsTest {
    private static final FeatureConfig CONFIG = FeatureConfig.defaults();

    @Test
    void shouldGiveTheSameRowsWhateverTheKeptArraysHeldAndWhoeverSharedThem() throws IOException {
        List<Wearer> wearers = new ArrayList<>();
        E4Recording real = E4Reader.read(SharedData.resolve("e4/stress-predict-S01"), "S01");
        wearers.add(new Wearer(
                "S01", real.startMillis(), new BlockSplitter(CONFIG).stream(real, Role.CLIENT, real.startMillis())));
        wearers.add(synthetic(
                "notworn",
                new SyntheticWearer().duration(900).scr(100, 0.3).pulseWave().notWorn(300, 420)));
        wearers.add(synthetic(
                "gaps",
                new SyntheticWearer()
                        .duration(700)
                        .scr(200, 0.4)
                        .pulseWave()
                        .gap(150, 190)
                        .tapping(400, 460)));
        wearers.add(synthetic(
                "stops", new SyntheticWearer().duration(600).pulseWave().stop(Channel.ACC, 350)));

        List<String> alone = new ArrayList<>();
        for (Wearer w : wearers) {
            alone.add(onNewThread(() -> run(w, Double.NaN)));
        }
        for (int k = 0; k < wearers.size(); k++) {
            Wearer w = wearers.get(k);
            assertEquals(alone.get(k), run(w, Double.NaN), w.id + ", kept arrays filled with NaN after every block");
            assertEquals(alone.get(k), run(w, -1e300), w.id + ", kept arrays filled with garbage after every block");
            assertTrue(
                    alone.get(k).split("\n").length > 100,
                    w.id + ": " + alone.get(k).split("\n").length + " rows");
        }
        assertEquals(alone, interleaved(wearers), "wearers interleaved on one thread");
    }

    private record Wearer(String id, long mediaStartMillis, List<SampleBlock> blocks) {}

    private static Wearer synthetic(String id, SyntheticWearer w) {
        return new Wearer(id, SyntheticWearer.T0, WindowerRuns.blocks(w));
    }

    /** All rows of one wearer's run, the thread's kept arrays filled with {@code poison} after every block. */
    private static String run(Wearer w, double poison) {
        WearerWindower windower =
                new WearerWindower(CONFIG, w.blocks.get(0).sessionId, Role.CLIENT, w.mediaStartMillis);
        StringBuilder text = new StringBuilder();
        WearerEvents events = new WearerEvents();
        for (SampleBlock b : w.blocks) {
            for (WindowFeatures f : windower.add(b)) {
                append(text, f);
            }
            windower.drainEvents(events);
            CoreGrids.current().fill(poison);
        }
        return text.append(rows(events)).toString();
    }

    /** The wearers' blocks round robin through their own windowers on this thread; the second restored midway. */
    private static List<String> interleaved(List<Wearer> wearers) {
        List<WearerWindower> windowers = new ArrayList<>();
        List<StringBuilder> texts = new ArrayList<>();
        List<WearerEvents> events = new ArrayList<>();
        int longest = 0;
        for (Wearer w : wearers) {
            windowers.add(new WearerWindower(CONFIG, w.blocks.get(0).sessionId, Role.CLIENT, w.mediaStartMillis));
            texts.add(new StringBuilder());
            events.add(new WearerEvents());
            longest = Math.max(longest, w.blocks.size());
        }
        for (int i = 0; i < longest; i++) {
            for (int k = 0; k < wearers.size(); k++) {
                List<SampleBlock> blocks = wearers.get(k).blocks;
                if (i >= blocks.size()) {
                    continue;
                }
                if (k == 1 && i == blocks.size() / 2) {
                    windowers.set(k, restored(windowers.get(k)));
                }
                for (WindowFeatures f : windowers.get(k).add(blocks.get(i))) {
                    append(texts.get(k), f);
                }
                windowers.get(k).drainEvents(events.get(k));
            }
        }
        List<String> out = new ArrayList<>();
        for (int k = 0; k < wearers.size(); k++) {
            out.add(texts.get(k).append(rows(events.get(k))).toString());
        }
        return out;
    }

    private static String rows(WearerEvents events) {
        StringBuilder text = new StringBuilder();
        for (List<?> rows : List.of(events.scrs, events.beats, events.artifacts, events.chunks)) {
            for (Object row : rows) {
                append(text, row);
            }
        }
        return text.toString();
    }

    private static String onNewThread(java.util.function.Supplier<String> task) {
        AtomicReference<String> out = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                out.set(task.get());
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
        return out.get();
    }

    private static WearerWindower restored(WearerWindower w) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(w);
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                return (WearerWindower) in.readObject();
            }
        } catch (IOException | ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    /** One line: the row's class and each public instance field, doubles and arrays by their bits. */
    private static void append(StringBuilder out, Object row) {
        out.append(row.getClass().getSimpleName());
        for (Field f : row.getClass().getFields()) {
            if (Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            try {
                Object v = f.get(row);
                out.append(' ').append(f.getName()).append('=');
                if (v instanceof Double d) {
                    out.append(Long.toHexString(Double.doubleToRawLongBits(d)));
                } else if (v instanceof double[] a) {
                    for (double x : a) {
                        out.append(Long.toHexString(Double.doubleToRawLongBits(x)))
                                .append(',');
                    }
                } else {
                    out.append(v);
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        out.append('\n');
    }
}
