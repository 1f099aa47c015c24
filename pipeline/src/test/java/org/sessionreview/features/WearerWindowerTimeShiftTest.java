package org.sessionreview.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sessionreview.config.FeatureConfig;
import org.sessionreview.ingest.e4.BlockSplitter;
import org.sessionreview.ingest.e4.E4Reader;
import org.sessionreview.ingest.e4.E4Recording;
import org.sessionreview.model.Role;
import org.sessionreview.model.SampleBlock;
import org.sessionreview.model.WindowFeatures;
import org.sessionreview.testing.SharedData;

/**
 * A metamorphic check on real E4 recordings: moving the whole recording and the video together
 * (every sample and media start by the same offset, here a quarter of a second, as a media start
 * with a fractional second does) must leave every window and every SCR, beat and artifact row,
 * in video time, unchanged. Before the gross-movement segments followed the recording, they were
 * cut on the epoch-second grid and such a shift changed {@code fidget_freq_hz} and moved the
 * {@code acc_gross_movement} rows.
 */
class WearerWindowerTimeShiftTest {
    private static final FeatureConfig CONFIG = FeatureConfig.defaults();
    /** Fields that hold epoch times or arrival bookkeeping, which move with the shift by design. */
    private static final Set<String> EPOCH_FIELDS = Set.of("startMillis", "arrivalMillis");

    private record Run(List<String> windows, List<String> scrs, List<String> beats, List<String> artifacts) {}

    private static Run run(E4Recording rec, long shiftMillis) {
        long media = rec.startMillis() + shiftMillis;
        List<SampleBlock> blocks = new BlockSplitter(CONFIG).stream(rec, Role.CLIENT, rec.startMillis());
        for (SampleBlock b : blocks) {
            b.startMillis += shiftMillis;
            b.mediaStartMillis += shiftMillis;
        }
        WearerWindower w = new WearerWindower(CONFIG, "real", Role.CLIENT, media);
        List<WindowFeatures> windows = new ArrayList<>();
        WearerEvents events = new WearerEvents();
        for (SampleBlock b : blocks) {
            windows.addAll(b.endOfStream ? w.finish(b.startMillis) : w.add(b));
            w.drainEvents(events);
        }
        return new Run(
                windows.stream().map(WearerWindowerTimeShiftTest::fields).toList(),
                events.scrs.stream().map(WearerWindowerTimeShiftTest::fields).toList(),
                events.beats.stream().map(WearerWindowerTimeShiftTest::fields).toList(),
                events.artifacts.stream()
                        .map(WearerWindowerTimeShiftTest::fields)
                        .sorted()
                        .toList());
    }

    /** Every public instance field but the epoch times, doubles printed exactly. */
    static String fields(Object o) {
        StringBuilder s = new StringBuilder();
        for (Field f : o.getClass().getFields()) {
            if (Modifier.isStatic(f.getModifiers()) || EPOCH_FIELDS.contains(f.getName())) {
                continue;
            }
            try {
                s.append(f.getName()).append('=').append(f.get(o)).append(' ');
            } catch (IllegalAccessException e) {
                throw new AssertionError(e);
            }
        }
        return s.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"e4/msr2023", "e4/stress-predict-S04"})
    void shouldGiveTheSameRowsWhenRecordingAndVideoMoveTogetherByASubSecondOffset(String folder) throws Exception {
        E4Recording rec = E4Reader.read(SharedData.resolve(folder), "real");
        Run before = run(rec, 0);
        Run shifted = run(rec, 250);
        assertTrue(before.windows().size() > 500, "windows: " + before.windows().size());
        assertTrue(
                before.artifacts().stream().anyMatch(a -> a.contains("acc_gross_movement")),
                "the recording moves: gross-movement rows are compared");
        assertTrue(
                before.windows().stream()
                                .filter(x -> !x.contains("fidgetFreqHz=null"))
                                .count()
                        > 50,
                "windows with a dominant fidget frequency are compared");
        assertLines(before.windows(), shifted.windows(), "window");
        assertLines(before.artifacts(), shifted.artifacts(), "artifact");
        assertLines(before.scrs(), shifted.scrs(), "scr");
        assertLines(before.beats(), shifted.beats(), "beat");
    }

    private static void assertLines(List<String> expected, List<String> actual, String what) {
        long differing = 0;
        String first = null;
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            if (!expected.get(i).equals(actual.get(i))) {
                differing++;
                if (first == null) {
                    first = what + " " + i + "\n  unshifted: " + expected.get(i) + "\n  shifted:   " + actual.get(i);
                }
            }
        }
        assertEquals(0, differing, differing + " of " + expected.size() + " " + what + " rows differ; first: " + first);
        assertEquals(expected.size(), actual.size(), what + " count");
    }
}
