package org.sessionreview.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.sessionreview.signal.eda.EdaTonicMethod;

class FeatureConfigTest {

    @Test
    void shouldHoldTheDocumentedDefaultsWhenBuiltWithoutOptions() {
        FeatureConfig c = FeatureConfig.defaults();
        assertEquals(30, c.windowSeconds());
        assertEquals(5, c.hopSeconds());
        assertEquals(60, c.contextSeconds());
        assertEquals(30, c.blockSeconds());
        assertEquals(0.5, c.minQuality());
        assertEquals(0.05, c.scrMinAmplitudeUs());
        assertEquals(0.5, c.scrMinRiseSeconds());
        assertEquals(5, c.scrMaxRiseSeconds());
        assertEquals(0.05, c.edaTonicCutoffHz());
        assertEquals(EdaTonicMethod.CAUSAL_BUTTERWORTH, c.edaTonicMethod());
        assertEquals(0.05, c.edaMinUs());
        assertEquals(10, c.edaMaxJumpUsPerS());
        assertEquals(2, c.fidgetBandLowHz());
        assertEquals(6, c.fidgetBandHighHz());
        assertEquals(4, c.fftFrameSeconds());
        assertEquals(25, c.tempValidMinC());
        assertEquals(40, c.tempValidMaxC());
        assertEquals(0.3, c.ibiMinS());
        assertEquals(2.0, c.ibiMaxS());
        assertEquals(0.2, c.ibiMaxDeviation());
        assertEquals(60, c.maxChannelSkewSeconds());
        assertEquals(30_000, c.windowMillis());
        assertEquals(5_000, c.hopMillis());
    }

    @Test
    void shouldNameTheOptionWhenAValueIsInvalid() {
        assertMessage(b -> b.windowSeconds(0), "windowSeconds must be a finite number > 0, got 0.0");
        assertMessage(b -> b.hopSeconds(40), "hopSeconds must be <= windowSeconds (30.0), got 40.0");
        assertMessage(b -> b.contextSeconds(-1), "contextSeconds must be a finite number >= 0, got -1.0");
        assertMessage(b -> b.minQuality(1.5), "minQuality must be within 0..1, got 1.5");
        assertMessage(b -> b.minQuality(Double.NaN), "minQuality must be within 0..1, got NaN");
        assertMessage(b -> b.scrRiseSeconds(5, 0.5), "scrMaxRiseSeconds (0.5) must be > scrMinRiseSeconds (5.0)");
        assertMessage(b -> b.fidgetBandHz(6, 2), "fidgetBandHighHz (2.0) must be > fidgetBandLowHz (6.0)");
        assertMessage(b -> b.fftFrameSeconds(60), "fftFrameSeconds (60.0) must be <= windowSeconds (30.0)");
        assertMessage(b -> b.tempValidRangeC(40, 25), "tempValidMaxC (25.0) must be > tempValidMinC (40.0)");
        assertMessage(b -> b.ibiRangeS(0.3, 0.2), "ibiMaxS (0.2) must be > ibiMinS (0.3)");
        assertMessage(b -> b.ibiMaxDeviation(1), "ibiMaxDeviation must be within (0, 1), got 1.0");
        assertMessage(b -> b.edaTonicMethod(null), "edaTonicMethod must not be null");
        assertMessage(b -> b.maxChannelSkewSeconds(20),
                "maxChannelSkewSeconds (20.0) must be >= blockSeconds (30.0)");
        assertMessage(b -> b.maxChannelSkewSeconds(Double.POSITIVE_INFINITY),
                "maxChannelSkewSeconds must be a finite number >= 0, got Infinity");
    }

    private static void assertMessage(UnaryOperator<FeatureConfigBuilder> change, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> change.apply(FeatureConfig.builder()).build());
        assertEquals(message, e.getMessage());
    }

    @Test
    void shouldSurviveJavaSerializationWhenShippedToOperators() throws Exception {
        FeatureConfig c = FeatureConfig.builder().windowSeconds(60).hopSeconds(10)
                .edaTonicMethod(EdaTonicMethod.ZERO_PHASE_BUTTERWORTH).build();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(c);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            FeatureConfig back = (FeatureConfig) in.readObject();
            assertEquals(c, back);
            assertEquals(60, back.windowSeconds());
            assertEquals(EdaTonicMethod.ZERO_PHASE_BUTTERWORTH, back.edaTonicMethod());
        }
    }

    @Test
    void shouldKeepOtherValuesWhenCopiedWithToBuilder() {
        FeatureConfig c = FeatureConfig.builder().scrMinAmplitudeUs(0.01).build();
        FeatureConfig d = c.toBuilder().hopSeconds(10).build();
        assertEquals(0.01, d.scrMinAmplitudeUs());
        assertEquals(10, d.hopSeconds());
        assertNotEquals(c, d);
        assertTrue(d.toString().contains("hopSeconds=10.0"), d.toString());
    }
}
