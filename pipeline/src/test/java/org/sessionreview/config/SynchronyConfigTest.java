package org.sessionreview.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SynchronyConfigTest {

    @Test
    void shouldCarryTheDomainDefaultsWhenBuiltWithoutChanges() {
        SynchronyConfig c = SynchronyConfig.defaults();
        assertEquals(30.0, c.windowS());
        assertEquals(5.0, c.stepS());
        assertEquals(5.0, c.maxLagS());
        assertEquals(10.0, c.zClamp());
        assertEquals(0.5, c.minValidShare());
        assertEquals(0.0, c.leaderMinPeakZ());
        assertEquals(30.0, c.segmentS());
        assertEquals(3.0, c.segmentMaxLagS());
        assertEquals(500, c.maxSurrogatePairs());
        assertEquals(1000, c.shuffles());
        assertEquals(20200101L, c.seed());
        assertEquals(95.0, c.significancePercentile());
        assertEquals(6, c.minSegments());
        assertEquals(0.5, c.dropEffectThreshold());
        assertEquals(6, c.dropMinWindows());
        assertEquals(300.0, c.dropPrecedingS());
        assertEquals(4.0, c.alignRateHz());
        assertEquals(0.5, c.alignMinValidShare());
    }

    @Test
    void shouldNameTheOptionWhenTheWindowIsShorterThanTwiceTheLag() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SynchronyConfig.builder().window(8, 5).build());
        assertEquals("Invalid synchrony configuration: window length (8.0 s) must be at least"
                + " twice the maximum lag (5.0 s)", e.getMessage());
    }

    @Test
    void shouldRejectFewerThanOneHundredShufflesWhenBuilt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SynchronyConfig.builder().shuffles(99).build());
        assertEquals("Invalid synchrony configuration: shuffles must be at least 100, got 99",
                e.getMessage());
    }

    @Test
    void shouldRejectASegmentShorterThanTwiceItsLagWhenBuilt() {
        assertThrows(IllegalArgumentException.class,
                () -> SynchronyConfig.builder().segment(5, 3).build());
    }

    @Test
    void shouldRejectSharesOutsideZeroToOneWhenBuilt() {
        assertThrows(IllegalArgumentException.class,
                () -> SynchronyConfig.builder().minValidShare(0).build());
        assertThrows(IllegalArgumentException.class,
                () -> SynchronyConfig.builder().alignMinValidShare(1.5).build());
        assertThrows(IllegalArgumentException.class,
                () -> SynchronyConfig.builder().significancePercentile(100).build());
    }

    @Test
    void shouldListEveryOptionWhenAskedForMetadata() {
        Map<String, String> m = SynchronyConfig.builder().window(15, 5).seed(7).build()
                .asMetadata();
        assertEquals(18, m.size());
        assertEquals("15.0", m.get("synchrony.window_s"));
        assertEquals("7", m.get("synchrony.seed"));
        assertEquals("3.0", m.get("synchrony.segment_max_lag_s"));
    }

    @Test
    void shouldSurviveJavaSerializationAndKeepValueEquality() throws Exception {
        SynchronyConfig c = SynchronyConfig.builder().window(60, 10).shuffles(200).build();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(c);
        }
        try (ObjectInputStream in =
                new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(c, in.readObject());
        }
        assertEquals(c, c.toBuilder().build());
        assertNotEquals(c, SynchronyConfig.defaults());
    }
}
