package org.sessionreview.signal.eda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sessionreview.ingest.e4.E4Channel;
import org.sessionreview.ingest.e4.E4Reader;
import org.sessionreview.model.Channel;
import org.sessionreview.testing.SharedData;

/**
 * The segment method (cores of 60 s with the default context and look-ahead) against the batch
 * zero-phase method (NeuroKit2's high-pass split over the whole recording), both with the default
 * absolute threshold, on full real E4 sessions (EDA 4 Hz), masked by {@link EdaQuality} with
 * DOMAIN.md 4.0's limits.
 */
class EdaE4StreamingVsBatchTest {
    static double[] maskedEda(String folder) throws IOException {
        E4Channel eda = E4Reader.read(SharedData.resolve(folder), folder)
                .channel(Channel.EDA)
                .orElseThrow();
        double[] x = eda.values();
        boolean[] valid = EdaQuality.validMask(x, eda.rateHz(), 0.05, 60, 10);
        for (int i = 0; i < x.length; i++) {
            x[i] = valid[i] ? x[i] : Double.NaN;
        }
        return x;
    }

    @ParameterizedTest
    @ValueSource(strings = {"e4/stress-predict-S01", "e4/stress-predict-S04", "e4/stress-predict-S06", "e4/msr2023"})
    void shouldCountWithinTenPercentOfBatchWhenSegmentingARealSession(String folder) throws IOException {
        double[] x = maskedEda(folder);
        EdaConfig streaming = EdaConfig.defaults();
        EdaConfig batch = streaming.withPhasicMethod(EdaPhasicMethod.NEUROKIT_HIGHPASS);

        List<ScrDetector.Scr> batchScrs = EdaProcess.whole(x, 4, batch).scrs();
        List<ScrDetector.Scr> segmentScrs = EdaSignals.bySegments(x, 4, 60, streaming);

        double relative = (segmentScrs.size() - batchScrs.size()) / (double) batchScrs.size();
        System.out.printf(
                "%s: %d samples (%.1f min), batch %d SCRs, segments %d SCRs (%+.1f %%)%n",
                folder, x.length, x.length / 4.0 / 60, batchScrs.size(), segmentScrs.size(), 100 * relative);
        assertTrue(batchScrs.size() > 20, "a real session has responses: " + batchScrs.size());
        assertEquals(0, relative, 0.10, folder);
    }
}
