package org.sessionreview.signal.synchrony;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sessionreview.report.SynchronyRow;

class SynchronyRowsTest {

    @Test
    void shouldCopyEveryValueWhenTheWindowWasAnalysed() {
        SynchronyWindow w =
                new SynchronyWindow(35, 65, WindowStatus.OK, 0.9, 0.4, 0.5, 3.0, 0.8, 0.6, 0.1, Leader.CLIENT);
        SynchronyRow r = SynchronyRows.of("s1", "eda", w);

        assertEquals("s1", r.sessionId);
        assertEquals("eda", r.signal);
        assertEquals(35.0, r.startS);
        assertEquals(65.0, r.endS);
        assertEquals(0.4, r.zLag0);
        assertEquals(0.5, r.meanAbsZ);
        assertEquals(3.0, r.peakLagS);
        assertEquals(0.8, r.peakZ);
        assertEquals(0.6, r.clientLeadsZ);
        assertEquals(0.1, r.therapistLeadsZ);
        assertEquals("client", r.leader);
        assertEquals(0.9, r.validShare);
        assertEquals("ok", r.status);
        assertNull(r.duringRupture, "filled by the integrator");
    }

    @Test
    void shouldWriteNullsAndTheReasonWhenTheWindowWasSkipped() {
        List<SynchronyRow> rows = SynchronyRows.of(
                "s1", "eda", List.of(SynchronyWindow.skipped(0, 30, WindowStatus.TOO_MANY_MASKED, 0.25)));

        SynchronyRow r = rows.get(0);
        assertNull(r.zLag0);
        assertNull(r.meanAbsZ);
        assertNull(r.peakLagS);
        assertEquals("none", r.leader);
        assertEquals("masked", r.status);
        assertEquals(0.25, r.validShare);
    }
}
