package org.sessionreview.signal.synchrony;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.util.FastMath;
import org.junit.jupiter.api.Test;

/**
 * {@link LaggedCorrelation#atanh} against Commons Math's {@link FastMath#atanh}, the code it
 * replaced: the same double for |r| <= 0.15 (FastMath's own series), and within 2 ulps of it above
 * (the same formula with {@link Math#log} for FastMath.log, each within 1 ulp of the exact
 * logarithm); odd, and close to the textbook {@code 0.5 log((1 + r) / (1 - r))} everywhere.
 */
class FisherZTest {

    @Test
    void shouldEqualFastMathAtanhForSmallCorrelationsAndStayWithinTwoUlpsAboveThem() {
        RandomGenerator rng = new Well19937c(20261205);
        int logBranch = 0;
        for (int i = 0; i < 200_000; i++) {
            double r = i < 1000 ? -1 + (i + 0.5) / 500.0 : 2 * rng.nextDouble() - 1;
            double fast = FastMath.atanh(r);
            double ours = LaggedCorrelation.atanh(r);
            if (Math.abs(r) <= 0.15) {
                assertEquals(fast, ours, 0.0, "r = " + r);
            } else {
                logBranch++;
                assertEquals(fast, ours, 2 * Math.ulp(fast), "r = " + r);
            }
            assertEquals(-ours, LaggedCorrelation.atanh(-r), 0.0, "odd at r = " + r);
        }
        assertEquals(true, logBranch > 150_000, "most draws take the logarithm branch: " + logBranch);
    }

    @Test
    void shouldGiveKnownValuesAndClampWhenTheCorrelationIsPerfect() {
        assertEquals(0.5493061443340548, LaggedCorrelation.fisherZ(0.5, 10), 2e-16);
        assertEquals(-1.4722194895832204, LaggedCorrelation.fisherZ(-0.9, 10), 4e-16);
        assertEquals(0.10033534773107558, LaggedCorrelation.fisherZ(0.1, 10), 3e-17);
        assertEquals(3.8002011672501994, LaggedCorrelation.fisherZ(0.999, 10), 2e-15);
        assertEquals(2.0, LaggedCorrelation.fisherZ(0.999, 2), 0.0);
        assertEquals(-10.0, LaggedCorrelation.fisherZ(-1, 10), 0.0);
        assertEquals(0.0, LaggedCorrelation.fisherZ(0.0, 10), 0.0);
    }
}
