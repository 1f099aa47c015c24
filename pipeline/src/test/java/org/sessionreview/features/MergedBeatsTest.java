package org.sessionreview.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sessionreview.config.CardiacOptions;
import org.sessionreview.config.FeatureConfig;
import org.sessionreview.ingest.e4.BlockSplitter;
import org.sessionreview.ingest.e4.E4Reader;
import org.sessionreview.ingest.e4.E4Recording;
import org.sessionreview.model.Role;
import org.sessionreview.model.SampleBlock;
import org.sessionreview.signal.cardiac.Beat;
import org.sessionreview.testing.SharedData;

/**
 * {@link EventStage#mergedBeats()}, built once per change of the beats, against the merge the
 * windows did for themselves before (each window called {@link CardiacWindow#merge} on the stage's
 * device and pulse-wave beats): equal, beat for beat, whenever a window has been computed, on real
 * E4 sessions streamed block by block.
 */
class MergedBeatsTest {
    private static final FeatureConfig CONFIG = FeatureConfig.defaults();

    @Test
    void shouldEqualAFreshMergeWhenWindowsAreComputed() throws Exception {
        for (String folder : List.of("e4/stress-predict-S04", "e4/flirt-truncated")) {
            E4Recording rec = E4Reader.read(SharedData.resolve(folder), "real");
            long media = rec.startMillis();
            WearerWindower w = new WearerWindower(CONFIG, "real", Role.CLIENT, media);
            double cover = CONFIG.get(CardiacOptions.DEVICE_COVER_S) * 1000;
            int windows = 0;
            int calls = 0;
            List<Beat> previous = null;
            for (SampleBlock b : new BlockSplitter(CONFIG).stream(rec, Role.CLIENT, media)) {
                if (b.endOfStream) {
                    break;
                }
                int n = w.add(b).size();
                if (n == 0) {
                    continue;
                }
                EventStage stage = w.events();
                List<Beat> expected = CardiacWindow.merge(stage.deviceBeats(), stage.bvpBeats(), cover);
                List<Beat> actual = stage.mergedBeats();
                assertEquals(expected, actual, folder + " after " + windows + " windows");
                assertTrue(actual == stage.mergedBeats(), "built once until the beats change");
                calls++;
                previous = actual;
                windows += n;
            }
            // the windows come in bursts, one per core the event stage processes, and a burst shares one merge
            System.out.printf("[MergedBeatsTest] %s: %d windows from %d merges%n", folder, windows, calls);
            assertTrue(windows > 400, folder + ": " + windows + " windows");
            assertTrue(windows > 5 * calls, folder + ": " + windows + " windows from " + calls + " merges");
            assertTrue(!previous.isEmpty(), folder + " has beats");
            List<Beat> shared = previous;
            assertThrows(UnsupportedOperationException.class, () -> shared.remove(0), "the shared list is read-only");
        }
    }
}
