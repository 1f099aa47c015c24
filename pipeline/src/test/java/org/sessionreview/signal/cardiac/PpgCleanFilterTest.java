package org.sessionreview.signal.cardiac;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.sessionreview.signal.filter.Butterworth;

/** {@link PpgClean#filter} keeps the last design: the coefficients a fresh design gives, for any rate. */
class PpgCleanFilterTest {
    @Test
    void shouldGiveTheFreshDesignsCoefficientsWhenTheRateChangesOrRepeats() {
        for (double rate : new double[] {64, 64, 100, 64, 32.5, 100, 1000, 64}) {
            double[][] fresh = Butterworth.bandPass(PpgClean.ORDER, PpgClean.LOW_HZ, PpgClean.HIGH_HZ, rate)
                    .sections();
            double[][] kept = PpgClean.filter(rate).sections();
            for (int s = 0; s < fresh.length; s++) {
                assertArrayEquals(fresh[s], kept[s], 0.0, rate + " Hz, section " + s);
            }
        }
        assertSame(PpgClean.filter(64), PpgClean.filter(64), "designed once for a stream's rate");
    }
}
