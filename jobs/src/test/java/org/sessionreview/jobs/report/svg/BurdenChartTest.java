package org.sessionreview.jobs.report.svg;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BurdenChartTest {
    @Test
    void shouldLabelASessionWithoutClientDataNoDataNotZero() {
        String svg = BurdenChart.svg(
                List.of(
                        new BurdenChart.Bar(1, 190, true),
                        new BurdenChart.Bar(2, 0, false),
                        new BurdenChart.Bar(3, 0, true)),
                120);
        assertTrue(svg.contains(">3.2</text>"), svg);
        assertTrue(svg.contains(">no data</text>"), svg);
        // a measured session without episodes still reads 0.0; before, the unmeasured one did too
        assertTrue(svg.contains(">0.0</text>"), svg);
        assertFalse(svg.split(">0.0</text>", -1).length > 2, "one 0.0 only: " + svg);
        // the tooltip too (the report audit: it said "session 2: 0.0 min")
        assertTrue(svg.contains("<title>session 2: no client data</title>"), svg);
    }
}
