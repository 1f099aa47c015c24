package org.sessionreview.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrendViewsTest {
    @Test
    void shouldRecomputeATraineesRatesWithoutTheirWithheldSession() {
        ReportTables t = Fixtures.tables(
                List.of(
                        Fixtures.session("S1", "T1", "k1", 1, "2026-03-01", 900, 0, true),
                        Fixtures.session("S2", "T1", "k1", 2, "2026-03-08", 900, 1, false),
                        Fixtures.session("S3", "T1", "k1", 3, "2026-04-08", 900, 0, true)),
                List.of());
        TrendViews v = new TrendViews(t, QueueView.of(t));
        TrendViews.TraineeView tv = v.trainees().get("T1");
        assertTrue(tv.recomputed());
        assertEquals(
                List.of("all", "2026-03", "2026-04"),
                tv.periods().stream().map(TrendViews.PeriodLine::period).toList());
        assertEquals(2, tv.periods().get(0).sessions());
        assertEquals("0", tv.periods().get(0).safetyEvents());
        assertEquals(1, tv.periods().get(1).sessions());
        assertEquals(
                List.of("S1", "S3"),
                tv.sessions().stream().map(QueueView.Row::sessionId).sorted().toList());
    }

    @Test
    void shouldRecomputeAClientsTrendFromConsentedSessionsOnly() {
        ReportTables t = Fixtures.tables(
                List.of(
                        Fixtures.session("S1", "T1", "k1", 1, "2026-03-01", 900, 0, true),
                        Fixtures.session("S2", "T1", "k1", 2, "2026-03-08", 900, 0, true),
                        Fixtures.session("S3", "T1", "k1", 3, "2026-03-15", 900, 0, false),
                        Fixtures.session("S4", "T1", "k1", 4, "2026-03-22", 900, 0, true),
                        Fixtures.session("S5", "T1", "k1", 5, "2026-03-29", 900, 0, true)),
                List.of());
        TrendViews.ClientView c = new TrendViews(t, QueueView.of(t)).clients().get("k1");
        assertTrue(c.recomputed());
        assertEquals(
                List.of(1, 2, 4, 5),
                c.sessions().stream().map(TrendViews.ClientLine::sessionNumber).toList());
        // every consented session has 200 s >= 120 s and the trend is flat: a plateau over the last 4 consented ones
        assertTrue(c.sessions().get(3).plateau());
        assertEquals("discuss in supervision: consider consultation", c.latestNote());
        assertEquals(
                "discuss in supervision: consider consultation",
                c.sessions().get(3).note());
        // twenty-second audit: a session row without a note had an empty Note cell; now a dash
        assertEquals("\u2014", c.sessions().get(0).note());
        assertFalse(c.burdenSvg().contains("#3<"), "the withheld session number is not drawn");
    }

    @Test
    void shouldKeepThePlateauNoteWhenTheLatestSessionHasNoClientData() {
        java.util.Map<String, Object> noBand =
                new java.util.HashMap<>(Fixtures.session("S6", "T1", "k1", 6, "2026-04-05", 900, 0, true));
        noBand.put("anxiety_episodes", null);
        noBand.put("anxiety_time_s", null);
        noBand.put("peak_anxiety_index", null);
        ReportTables t = Fixtures.tables(
                List.of(
                        Fixtures.session("S1", "T1", "k1", 1, "2026-03-01", 900, 0, false),
                        Fixtures.session("S2", "T1", "k1", 2, "2026-03-08", 900, 0, true),
                        Fixtures.session("S3", "T1", "k1", 3, "2026-03-15", 900, 0, true),
                        Fixtures.session("S4", "T1", "k1", 4, "2026-03-22", 900, 0, true),
                        Fixtures.session("S5", "T1", "k1", 5, "2026-03-29", 900, 0, true),
                        noBand),
                List.of());
        TrendViews.ClientView c = new TrendViews(t, QueueView.of(t)).clients().get("k1");
        assertTrue(c.sessions().get(3).plateau(), "#5 ends a plateau");
        assertFalse(c.sessions().get(4).plateau(), "#6 has no client data: no trend of its own");
        // before: the note came from the last row, #6, and vanished (a withheld #6 kept it)
        assertEquals("discuss in supervision: consider consultation", c.latestNote());
    }

    @Test
    void shouldShowUnknownRupturesAndSafetyEventsForATraineeWithoutACodedSession() {
        java.util.Map<String, Object> uncoded =
                new java.util.HashMap<>(Fixtures.session("S1", "T1", "k1", 1, "2026-03-01", 900, 0, true));
        uncoded.put("annotation_count", 0);
        uncoded.put("missed_opportunities", null);
        ReportTables t = Fixtures.tables(
                List.of(uncoded, Fixtures.session("S2", "T1", "k1", 2, "2026-03-08", 900, 0, false)), List.of());
        TrendViews.PeriodLine all = new TrendViews(t, QueueView.of(t))
                .trainees()
                .get("T1")
                .periods()
                .get(0);
        // before: "0 / 0" ruptures and 0 safety events for a video nobody coded
        assertEquals("\u2014", all.withdrawal());
        assertEquals("\u2014", all.escalated());
        assertEquals("\u2014", all.safetyEvents());
        assertEquals("\u2014", all.missed());
        // and the session lists of the trainee and client pages (before: "0 / 0", "0 / 0 (0)", 0)
        QueueView.Row row = new TrendViews(t, QueueView.of(t))
                .trainees().get("T1").sessions().stream()
                        .filter(r -> r.sessionId().equals("S1"))
                        .findFirst()
                        .orElseThrow();
        assertEquals(SessionViews.NOT_CODED, row.ruptures());
        assertEquals(SessionViews.NOT_CODED, row.safetyEvents());
        TrendViews.ClientView c = new TrendViews(t, QueueView.of(t)).clients().get("k1");
        assertEquals(SessionViews.NOT_CODED, c.sessions().get(0).ruptures());
    }
}
