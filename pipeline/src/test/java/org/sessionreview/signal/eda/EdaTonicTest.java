package org.sessionreview.signal.eda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EdaTonicTest {

    @Test
    void shouldIgnoreInvalidSamplesWhenFilteringTheTonic() {
        double[] clean = new double[240];
        Arrays.fill(clean, 2.0);
        double[] withArtifact = clean.clone();
        boolean[] valid = new boolean[240];
        Arrays.fill(valid, true);
        for (int i = 100; i < 120; i++) {
            withArtifact[i] = 0.0;
            valid[i] = false;
        }
        for (EdaTonicMethod m : EdaTonicMethod.values()) {
            double[] tonic = EdaTonic.tonic(withArtifact, valid, 4, 0.05, m);
            assertArrayEquals(clean, tonic, 1e-12, m + ": the dropout must not pull the tonic down");
        }
    }

    @Test
    void shouldLagTheStepWhenCausalAndCentreItWhenZeroPhase() {
        double[] x = new double[400];
        for (int i = 0; i < x.length; i++) {
            x[i] = i < 200 ? 1.0 : 2.0;
        }
        boolean[] valid = new boolean[x.length];
        Arrays.fill(valid, true);
        double[] causal = EdaTonic.tonic(x, valid, 4, 0.05, EdaTonicMethod.CAUSAL_BUTTERWORTH);
        double[] zero = EdaTonic.tonic(x, valid, 4, 0.05, EdaTonicMethod.ZERO_PHASE_BUTTERWORTH);
        assertEquals(1.0, causal[199], 1e-12, "causal: nothing before the step moves");
        assertTrue(zero[190] > 1.05, "zero-phase sees the step coming");
        assertEquals(1.5, zero[200], 0.05, "zero-phase crosses half-way at the step");
        assertTrue(causal[215] < 1.5, "causal lags (group delay ~4.5 s = 18 samples)");
        double[] phasic = EdaTonic.phasic(x, causal);
        assertEquals(x[250] - causal[250], phasic[250], 0.0);
    }

    @Test
    void shouldReturnNaNWhenNoSampleIsValid() {
        double[] tonic = EdaTonic.tonic(new double[8], new boolean[8], 4, 0.05, EdaTonicMethod.CAUSAL_BUTTERWORTH);
        assertTrue(Arrays.stream(tonic).allMatch(Double::isNaN));
    }
}
