package org.sessionreview.signal.eda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class EdaConfigTest {
    @Test
    void shouldUseTheDocumentedDefaults() {
        EdaConfig d = EdaConfig.defaults();
        assertEquals(EdaCleanMethod.NEUROKIT, d.cleanMethod());
        assertEquals(EdaPhasicMethod.STREAMING, d.phasicMethod());
        assertEquals(ScrMethod.ABSOLUTE, d.scrMethod());
        assertEquals(0.05, d.tonicCutoffHz());
        assertEquals(0.01, d.minAmplitudeUs());
        assertEquals(0.5, d.minRiseSeconds());
        assertEquals(5, d.maxRiseSeconds());
        assertEquals(80, d.lookAheadSamples(4));
        assertEquals(120, d.contextSamples(4));
        assertEquals(EdaPhasicMethod.NEUROKIT_HIGHPASS, EdaConfig.neurokit().phasicMethod());
        assertEquals(ScrMethod.NEUROKIT, EdaConfig.neurokit().scrMethod());
        assertEquals("ABSOLUTE", d.asMetadata().get("eda.scr_method"));
    }

    @Test
    void shouldRejectValuesOutsideTheirRange() {
        EdaConfig d = EdaConfig.defaults();
        assertThrows(IllegalArgumentException.class, () -> d.withMinAmplitudeUs(0));
        assertThrows(IllegalArgumentException.class, () -> d.withMinAmplitudeUs(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> d.withSegmentMargins(10, 20));
        assertThrows(IllegalArgumentException.class, () -> d.withSegmentMargins(30, 14));
        assertThrows(NullPointerException.class, () -> d.withScrMethod(null));
        assertThrows(
                IllegalArgumentException.class,
                () -> new EdaConfig(
                        d.cleanMethod(), d.phasicMethod(), 0.05, d.scrMethod(), 0.1, 0.01, 6, 5, 15, 30, 20));
    }
}
