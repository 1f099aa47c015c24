package org.sessionreview.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sessionreview.jobs.report.svg.Timeline.Band;

class TimelineDataTest {
    private static Map<String, Object> row(String channel, String kind, double from, double to) {
        return Map.of("role", "client", "channel", channel, "kind", kind, "start_s", from, "end_s", to);
    }

    @Test
    void shouldLabelAStretchWithoutDataOrNotWornAsSuchNotAsPoorQuality() {
        // found by the report audit: both read "poor-quality stretch", unlabelled
        List<Band> bands = TimelineData.artifacts(
                List.of(
                        row("E4", "no_data", 300, 1200),
                        row("IBI", "ibi_gap", 299, 1200.7),
                        row("E4", "not_worn", 1300, 1400),
                        row("EDA", "eda_contact_loss", 1299, 1400),
                        row("IBI", "ibi_gap", 1500, 1510)),
                "client",
                1800);
        assertEquals(3, bands.size(), bands.toString());
        assertEquals("no data", bands.get(0).label());
        assertEquals(
                "client no data 04:59\u201320:00: E4 no_data, IBI ibi_gap",
                bands.get(0).title());
        assertEquals("not worn", bands.get(1).label());
        assertNull(bands.get(2).label());
        assertEquals(
                "client poor-quality stretch 25:00\u201325:10: IBI ibi_gap",
                bands.get(2).title());
    }

    @Test
    void shouldDrawASafetyEventDerivedFromAnotherCodeInTheSafetyLane() {
        // a severe ANX_CPD is a SAFE_SEVERE_DISSOCIATION safety moment (DOMAIN.md 2.7) but no SAFE_*
        // annotation: before, the safety lane (drawn from annotations) left it out
        Map<String, Object> derived = new java.util.HashMap<>(Fixtures.moment("S", "safety", 400, 400));
        derived.put(
                "evidence",
                "safety event SAFE_SEVERE_DISSOCIATION at 06:40 (client; coded as ANX_CPD at intensity 3): no therapist"
                        + " response coded within 60 s");
        Map<String, Object> s = Fixtures.session("S", "T", "k", 1, "2026-03-01", 5000, 1, true);
        ReportTables tables = Fixtures.tables(List.of(s), List.of(derived, Fixtures.moment("S", "safety", 900, 900)));
        var timeline = TimelineData.of(s, tables, MethodsView.of(tables.footers(), SessionViews.TABLES));
        assertEquals(1, timeline.safety().size(), "the derived one; a coded one is drawn from its annotation");
        assertEquals(400.0, timeline.safety().get(0).t());
        assertEquals(derived.get("evidence"), timeline.safety().get(0).title());
    }
}
