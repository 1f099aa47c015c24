package org.sessionreview.signal.temperature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.sessionreview.signal.temperature.SyntheticTemp.RATE_HZ;
import static org.sessionreview.signal.temperature.SyntheticTemp.START_MILLIS;
import static org.sessionreview.signal.temperature.SyntheticTemp.millis;
import static org.sessionreview.signal.temperature.SyntheticTemp.of;
import static org.sessionreview.signal.temperature.SyntheticTemp.takenOff;

import org.junit.jupiter.api.Test;

class TemperatureSlopeTest {
    private static final TemperatureSlope DEFAULTS = TemperatureSlope.defaults();

    @Test
    void shouldRecoverTheSlopeExactlyWhenTemperatureRampsLinearly() {
        double[] t = of(300, s -> 33.2 - 0.17 * s / 60);
        TemperatureSlope.Result r = DEFAULTS.at(t, RATE_HZ, START_MILLIS, millis(200));
        assertEquals(-0.17, r.slopeCPerMin(), 1e-10);
        assertEquals(1.0, r.validShare());
        assertEquals(240, r.validSamples(), "60 s at 4 Hz");
        assertEquals(0, r.maskedSamples());

        TemperatureSlope longer = new TemperatureSlope(120, 0.5, OffWristGuard.defaults());
        assertEquals(-0.17, longer.at(t, RATE_HZ, START_MILLIS, millis(300)).slopeCPerMin(), 1e-10);
    }

    @Test
    void shouldUseOnlyTheWindowWhenTheTrendChangesBefore() {
        // flat until 120 s, then warming at 0.3 degC/min: the trailing 60 s sees only the warming
        double[] t = of(300, s -> 32 + 0.3 * Math.max(0, s - 120) / 60);
        assertEquals(0.3, DEFAULTS.at(t, RATE_HZ, START_MILLIS, millis(240)).slopeCPerMin(), 1e-10);
        assertEquals(0.0, DEFAULTS.at(t, RATE_HZ, START_MILLIS, millis(120)).slopeCPerMin(), 1e-12);
    }

    @Test
    void shouldGiveNoSlopeWhenTheBandWasTakenOffInTheWindow() {
        double[] t = of(600, takenOff(33.5, 300, 27, 30));
        // the raw fit would see a steep fall
        TemperatureSlope unguarded = new TemperatureSlope(60, 0.5, OffWristGuard.defaults());
        boolean[] none = new boolean[t.length];
        assertEquals(
                true, unguarded.at(t, none, RATE_HZ, START_MILLIS, millis(330)).slopeCPerMin() < -3);

        // 30 of the 60 s are masked (the last worn sample is at 300 s): share 121 / 240 passes
        TemperatureSlope.Result half = DEFAULTS.at(t, RATE_HZ, START_MILLIS, millis(330));
        assertEquals(121 / 240.0, half.validShare(), 1e-12);
        assertEquals(0.0, half.slopeCPerMin(), 1e-12, "only the worn, flat part is fitted");

        TemperatureSlope.Result mostlyOff = DEFAULTS.at(t, RATE_HZ, START_MILLIS, millis(340));
        assertEquals(81 / 240.0, mostlyOff.validShare(), 1e-12);
        assertNull(mostlyOff.slopeCPerMin());
        assertEquals(159, mostlyOff.maskedSamples());
    }

    @Test
    void shouldFitAroundOutOfRangeAndMissingSamplesWhenEnoughAreLeft() {
        double[] t = of(120, s -> 31 + 0.25 * s / 60);
        for (int i = 300; i < 340; i++) {
            t[i] = 22; // 10 s off the wrist
        }
        for (int i = 400; i < 420; i++) {
            t[i] = Double.NaN; // 5 s missing
        }
        TemperatureSlope.Result r = DEFAULTS.at(t, RATE_HZ, START_MILLIS, millis(120));
        assertEquals(0.25, r.slopeCPerMin(), 1e-10);
        assertEquals((240 - 40 - 20) / 240.0, r.validShare(), 1e-12);
        assertEquals(40, r.maskedSamples());

        assertNull(DEFAULTS.at(t, RATE_HZ, START_MILLIS, millis(0.25)).slopeCPerMin(), "one sample in the window");
    }
}
