package org.sessionreview.signal.eda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EdaPhasicTest {
    private static final EdaConfig NEUROKIT = EdaConfig.neurokit();
    private static final EdaConfig STREAMING = EdaConfig.defaults();

    private static double[] withResponses(double rateHz, double seconds) {
        double[] x = EdaSignals.driftingTonic((int) (seconds * rateHz), rateHz, 0.001, 9);
        for (double t = 20; t < seconds - 20; t += 23) {
            EdaSignals.plant(x, rateHz, t, 0.4);
        }
        return x;
    }

    @Test
    void shouldKeepAConstantInTheTonicAndNothingInThePhasic() {
        double[] x = new double[400];
        Arrays.fill(x, 12.5);
        for (EdaConfig cfg : new EdaConfig[] {NEUROKIT, STREAMING}) {
            EdaPhasic.Components c = EdaPhasic.decompose(x, 4, cfg);
            assertArrayEquals(x, c.tonicUs(), 1e-9, cfg.phasicMethod().name());
            assertArrayEquals(
                    new double[400], c.phasicUs(), 1e-9, cfg.phasicMethod().name());
        }
    }

    /** Butterworth low- and high-pass are power complementary: |H_lp|^2 + |H_hp|^2 = 1. */
    @Test
    void shouldAddUpToTheSignalAwayFromTheEndsWhenNeurokitHighpass() {
        double[] x = withResponses(4, 1200);
        EdaPhasic.Components c = EdaPhasic.decompose(x, 4, NEUROKIT);
        for (int i = 1200; i < 3600; i++) {
            assertEquals(x[i], c.tonicUs()[i] + c.phasicUs()[i], 1e-8, "sample " + i);
        }
    }

    @Test
    void shouldFollowTheNeurokitPhasicWhenStreaming() {
        double[] x = withResponses(4, 1200);
        EdaPhasic.Components streaming = EdaPhasic.decompose(x, 4, STREAMING);
        EdaPhasic.Components batch = EdaPhasic.decompose(x, 4, NEUROKIT);
        double worst = 0;
        for (int i = 0; i < x.length; i++) {
            assertEquals(x[i] - streaming.tonicUs()[i], streaming.phasicUs()[i], 0.0);
            if (i >= 240 && i < x.length - 240) {
                worst = Math.max(worst, Math.abs(streaming.phasicUs()[i] - batch.phasicUs()[i]));
            }
        }
        // responses of 0.4 uS: the cut and tapered kernel moves the phasic by a few percent
        assertTrue(worst < 0.02, "largest difference " + worst + " uS");
        assertEquals(60, EdaPhasic.supportSamples(4, STREAMING));
    }
}
