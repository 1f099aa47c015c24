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
    void shouldTakeTheConfiguredSpansWhenTheFeatureConfigurationChangesThem() {
        ScoringConfig cfg = ScoringConfig.defaults().withWindow(5, 20, 90);
        assertEquals(90.0, RiseKernel.spanS(Feature.HR, cfg), 0.0);
        assertEquals(90.0, RiseKernel.spanS(Feature.RMSSD, cfg), 0.0);
        assertEquals(20.0, RiseKernel.spanS(Feature.SCL, cfg), 0.0);
        assertEquals(60.0, RiseKernel.spanS(Feature.HR, ScoringConfig.defaults()), 0.0);
        assertEquals(30.0, RiseKernel.spanS(Feature.SCL, ScoringConfig.defaults()), 0.0);
    }
}
