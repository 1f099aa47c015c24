package org.sessionreview.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.sessionreview.config.ScoringConfig;

class RiseKernelTest {
    @Test
    void shouldAverageTheRiseOverTheSpanEndingAtTheLeadingEdge() {
        // p = 1: the mean of (t - t0)+ over [e - S, e]
        assertEquals(0.0, RiseKernel.at(10, 30, 10, 1), 1e-12); // the edge has just reached the onset
        assertEquals(15.0, RiseKernel.at(30, 30, 0, 1), 1e-12); // mean of t over [0, 30]
        assertEquals(45.0, RiseKernel.at(60, 30, 0, 1), 1e-12); // mean of t over [30, 60]
        assertEquals(0.625, RiseKernel.at(10, 20, 5, 1), 1e-12); // (5^2 / 2) / 20: the rise fills a quarter of the span
        // p = 2: the mean of t^2 over [0, 30] is 300
        assertEquals(300.0, RiseKernel.at(30, 30, 0, 2), 1e-9);
    }

    @Test
    void shouldAverageARiseThatLevelsOffAfterItsRampTime() {
        // A step at t0 = 0 (R = 0): the share of [e - 30, e] after t0
        assertEquals(0.0, RiseKernel.at(0, 30, 0, 1.2, 0), 1e-12);
        assertEquals(1.0 / 3, RiseKernel.at(10, 30, 0, 1.2, 0), 1e-12);
        assertEquals(1.0, RiseKernel.at(45, 30, 0, 1.2, 0), 1e-12);
        // p = 1, R = 10: t / 10 up to 10 s, then 1; the mean over [0, 30] is (5 + 20) / 30
        assertEquals(25.0 / 30, RiseKernel.at(30, 30, 0, 1, 10), 1e-12);
        // over [-20, 10]: the integral of t / 10 over [0, 10] is 5
        assertEquals(5.0 / 30, RiseKernel.at(10, 30, 0, 1, 10), 1e-12);
        // p = 2, R = 10, e = 5: the integral of (t / 10)^2 over [0, 5] is 125 / 300
        assertEquals(125.0 / 300 / 30, RiseKernel.at(5, 30, 0, 2, 10), 1e-12);
        // infinite R: the still-climbing power law
        assertEquals(RiseKernel.at(40, 30, 3, 1.2), RiseKernel.at(40, 30, 3, 1.2, Double.POSITIVE_INFINITY), 0.0);
        // a long ramp seen only during its rise is the power law up to a factor R^-p
        assertEquals(RiseKernel.at(40, 30, 3, 1.2) / Math.pow(100, 1.2), RiseKernel.at(40, 30, 3, 1.2, 100), 1e-12);
    }

    @Test
    void shouldDescribeTheExponentAndRampTimesThatRunInTheFooterMethods() {
        StringBuilder ramps = new StringBuilder();
        int finite = 0;
        for (double r : RiseKernel.RAMPS_S) {
            if (Double.isFinite(r)) {
                finite++;
            }
        }
        int i = 0;
        for (double r : RiseKernel.RAMPS_S) {
            if (Double.isFinite(r)) {
                i++;
                ramps.append(i == 1 ? "" : i == finite ? " or " : ", ").append((long) r);
            }
        }
        String methods = org.sessionreview.config.PipelineConfig.METHODS;
        assertEquals(true, methods.contains("exponent " + RiseKernel.EXPONENT), methods);
        assertEquals(true, methods.contains("levelling off after " + ramps + " s or not at all"), ramps.toString());
    }

    @Test
    void shouldTakeTheConfiguredSpansWhenTheFeatureConfigurationChangesThem() {
        ScoringConfig cfg = ScoringConfig.defaults().withWindow(5, 20, 90);
        assertEquals(90.0, RiseKernel.spanS(Feature.HR, cfg), 0.0);
        assertEquals(90.0, RiseKernel.spanS(Feature.RMSSD, cfg), 0.0);
        assertEquals(20.0, RiseKernel.spanS(Feature.SCL, cfg), 0.0);
        assertEquals(60.0, RiseKernel.spanS(Feature.HR, ScoringConfig.defaults()), 0.0);
        assertEquals(30.0, RiseKernel.spanS(Feature.SCL, ScoringConfig.defaults()), 0.0);
    }
}
