package org.sessionreview.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class QueueViewTest {
    @Test
    void shouldPutSafetyFirstThenPriorityThenSessionId() {
        ReportTables t = Fixtures.tables(
                List.of(
                        Fixtures.session("S-b", "T1", "k1", 1, "2026-03-01", 900, 0, true),
                        Fixtures.session("S-safe", "T2", "k2", 1, "2026-03-02", 10, 1, true),
                        Fixtures.session("S-a", "T1", "k1", 2, "2026-03-08", 900, 0, true),
                        Fixtures.session("S-high", "T1", "k3", 1, "2026-03-09", 2000, 0, true),
                        Fixtures.session("S-calm", "T2", "k2", 2, "2026-03-10", 0, 0, true)),
                List.of());
        QueueView q = QueueView.of(t);
        assertEquals(
                List.of("S-safe", "S-high", "S-a", "S-b"),
                q.flagged().stream().map(QueueView.Row::sessionId).toList());
        assertEquals(
                List.of(1, 2, 3, 4),
                q.flagged().stream().map(QueueView.Row::rank).toList());
        assertEquals(
                List.of("S-calm"),
                q.unflagged().stream().map(QueueView.Row::sessionId).toList());
        assertTrue(q.flagged().get(0).safety());
    }

    @Test
    void shouldListASessionWithoutSupervisionConsentOnlyByIdAndCountItNowhere() {
        ReportTables t = Fixtures.tables(
                List.of(
                        Fixtures.session("S-ok", "T1", "k1", 1, "2026-03-01", 900, 0, true),
                        Fixtures.session("S-no", "T9", "k9", 2, "2026-03-08", 5000, 1, false)),
                List.of(
                        Fixtures.moment("S-ok", "anxiety_episode", 100, 300),
                        Fixtures.moment("S-no", "safety", 50, 50)));
        QueueView q = QueueView.of(t);
        assertEquals(List.of("S-no"), q.withheld());
        assertEquals(
                List.of("S-ok"),
                q.flagged().stream().map(QueueView.Row::sessionId).toList());
        assertEquals(
                List.of("T1"), q.trainees().stream().map(QueueView.Link::id).toList());
        assertEquals(List.of("k1"), q.clients().stream().map(QueueView.Link::id).toList());
        assertTrue(t.rows("S-no", "moments").isEmpty());
        assertFalse(t.sessions().stream().anyMatch(s -> "S-no".equals(s.get("session_id"))));
    }

    @Test
    void shouldStartAtTheSafetyEventBeforeAnEarlierEpisode() {
        List<java.util.Map<String, Object>> moments = SessionViews.sorted(List.of(
                Fixtures.moment("S", "anxiety_episode", 100, 300),
                Fixtures.moment("S", "safety", 960, 960),
                Fixtures.moment("S", "missed_opportunity", 90, 130)));
        assertEquals(3, QueueView.startHere(moments));
        QueueView.Row row = QueueView.row(
                1,
                Fixtures.session("S", "T", "k", 1, "2026-03-01", 5000, 1, true),
                0.5,
                true,
                true,
                moments,
                PageNames.DISTINCT);
        assertEquals("16:00", row.startAt());
        assertEquals("m-3", row.startAnchor());
        assertEquals("coded safety event", row.startWhat());
    }

    @Test
    void shouldStartAtWhatTheFlagReasonsNameBeforeAResolvedRuptureOrATherapistsEpisode() {
        java.util.Map<String, Object> resolved = new java.util.HashMap<>(Fixtures.moment("S", "rupture", 420, 450));
        resolved.put("evidence", "candidate withdrawal rupture W1 (07:00-07:30): markers ...; outcome resolved");
        java.util.Map<String, Object> therapist =
                new java.util.HashMap<>(Fixtures.moment("S", "anxiety_episode", 60, 200));
        therapist.put("role", "therapist");
        java.util.Map<String, Object> client = Fixtures.moment("S", "anxiety_episode", 900, 1100);
        // before: the resolved rupture (not a flag reason) and the therapist's episode came first
        assertEquals(3, QueueView.startHere(SessionViews.sorted(List.of(resolved, therapist, client))));
        java.util.Map<String, Object> escalated = new java.util.HashMap<>(resolved);
        escalated.put("evidence", "candidate withdrawal rupture W1 (07:00-07:30): ...; outcome escalated");
        assertEquals(2, QueueView.startHere(SessionViews.sorted(List.of(therapist, escalated, client))));
        assertEquals(1, QueueView.startHere(SessionViews.sorted(List.of(therapist))), "context when nothing else");
    }

    @Test
    void shouldStartAtAnEscalatedRuptureBeforeAMissedOpportunityAsTheReadmeSays() throws java.io.IOException {
        java.util.Map<String, Object> escalated = new java.util.HashMap<>(Fixtures.moment("S", "rupture", 900, 990));
        escalated.put("evidence", "candidate confrontation rupture C1 (15:00-16:30): ...; outcome escalated");
        java.util.Map<String, Object> missed = Fixtures.moment("S", "missed_opportunity", 400, 410);
        // the flag reasons' order (escalated ruptures before missed opportunities), not the priority tier's
        assertEquals(2, QueueView.startHere(SessionViews.sorted(List.of(missed, escalated))));
        // the fifth audit read the README's "(the safety event, else an unaddressed rupture, a missed
        // opportunity, ...)" as putting the missed opportunity (at 06:40) first: the README names the order
        String readme = java.nio.file.Files.readString(
                org.sessionreview.jobs.Paths.projectRoot().resolve("README.md"));
        int at = readme.indexOf("moment to start at (");
        assertTrue(at >= 0, "the README's review queue names the moment to start at");
        String order = readme.substring(at, readme.indexOf(')', at)).replaceAll("\\s+", " ");
        int esc = order.indexOf("an escalated one");
        int mo = order.indexOf("a missed opportunity");
        assertTrue(esc > 0 && mo > esc, "README names escalated ruptures before missed opportunities: " + order);
    }

    @Test
    void shouldSayNoneForAWearerWithoutDataNotZeroPercent() {
        java.util.Map<String, Object> s =
                new java.util.HashMap<>(Fixtures.session("S", "T", "k", 1, "2026-03-01", 1000, 0, true));
        s.put("data_quality_client", 0.0);
        s.put("data_quality_therapist", 0.98);
        QueueView.Row row = QueueView.row(1, s, 0.5, true, true, List.of(), PageNames.DISTINCT);
        // before: "0 %", which reads as a measured 0 %; a session without client data stays marked LOW
        assertEquals("none", row.qualityClient());
        assertTrue(row.lowClient());
        assertFalse(row.lowTherapist());
        assertEquals(
                "no valid wearable data",
                SessionViews.header(s, true, true, PageNames.DISTINCT, 0.5).qualityClient());
        // the session page marks LOW as the queue does (twenty-second audit: it never did)
        SessionView.Header h = SessionViews.header(s, true, true, PageNames.DISTINCT, 0.5);
        assertTrue(h.lowClient());
        assertFalse(h.lowTherapist());
        s.put("data_quality_therapist", 0.4);
        assertTrue(SessionViews.header(s, true, true, PageNames.DISTINCT, 0.5).lowTherapist());
        assertFalse(SessionViews.header(s, true, true, PageNames.DISTINCT, 0.3).lowTherapist());
        assertFalse(SessionViews.header(s, true, false, PageNames.DISTINCT, 0.5).lowTherapist(), "no band: no LOW");
    }

    @Test
    void shouldMarkATherapistWearableWithoutValidDataLowButNotASessionWithoutOne() {
        java.util.Map<String, Object> s =
                new java.util.HashMap<>(Fixtures.session("S", "T", "k", 1, "2026-03-01", 1000, 0, true));
        s.put("data_quality_therapist", 0.0);
        s.put("missing_channels", List.of());
        // no therapist wearable declared: a legitimate set-up, not a LOW (and not "no valid data")
        assertFalse(SessionViews.hasWearable(s, "therapist", List.of()));
        QueueView.Row none = QueueView.row(1, s, 0.5, true, false, List.of(), PageNames.DISTINCT);
        assertEquals("no wearable", none.qualityTherapist());
        assertFalse(none.lowTherapist());
        assertFalse(none.lowClient());
        assertEquals(
                "no wearable",
                SessionViews.header(s, true, false, PageNames.DISTINCT, 0.5).qualityTherapist());
        // a therapist wristband that was declared (a window of it, or a channel missing) but
        // recorded nothing valid: before, its 0 was never marked LOW
        java.util.Map<String, Object> window = Fixtures.row("role", "therapist");
        assertTrue(SessionViews.hasWearable(s, "therapist", List.of(window)));
        s.put("missing_channels", List.of("therapist:TEMP"));
        assertTrue(SessionViews.hasWearable(s, "therapist", List.of()));
        QueueView.Row worn = QueueView.row(1, s, 0.5, true, true, List.of(), PageNames.DISTINCT);
        assertEquals("none", worn.qualityTherapist());
        assertTrue(worn.lowTherapist());
        assertFalse(worn.lowClient());
        assertEquals(
                "no valid wearable data",
                SessionViews.header(s, true, true, PageNames.DISTINCT, 0.5).qualityTherapist());
        s.put("data_quality_therapist", 0.3);
        assertTrue(QueueView.row(1, s, 0.5, true, true, List.of(), PageNames.DISTINCT)
                .lowTherapist());
        assertFalse(QueueView.row(1, s, 0.25, true, true, List.of(), PageNames.DISTINCT)
                .lowTherapist());
    }

    @Test
    void shouldSayNoWearableForAClientWithoutABandNotALowNone() {
        java.util.Map<String, Object> s =
                new java.util.HashMap<>(Fixtures.session("S", "T", "k", 1, "2026-03-01", 1000, 0, true));
        s.put("data_quality_client", 0.0);
        s.put("data_quality_therapist", 0.98);
        s.put("missing_channels", List.of());
        assertFalse(SessionViews.hasWearable(s, "client", List.of()));
        // before: "LOW none", which sent a supervisor after a sensor problem
        QueueView.Row row = QueueView.row(1, s, 0.5, false, true, List.of(), PageNames.DISTINCT);
        assertEquals("no wearable", row.qualityClient());
        assertFalse(row.lowClient());
        assertEquals(
                "no wearable",
                SessionViews.header(s, false, true, PageNames.DISTINCT, 0.5).qualityClient());
    }

    @Test
    void shouldSayNotCodedForRupturesAndSafetyEventsOfASessionWithoutAcceptedAnnotations() {
        java.util.Map<String, Object> s =
                new java.util.HashMap<>(Fixtures.session("S", "T", "k", 1, "2026-03-01", 1000, 0, true));
        s.put("ruptures_withdrawal", 2);
        s.put("ruptures_confrontation", 1);
        s.put("safety_events", 0);
        s.put("missed_opportunities", 3);
        QueueView.Row coded = QueueView.row(1, s, 0.5, true, true, List.of(), PageNames.DISTINCT);
        assertEquals("2 / 1", coded.ruptures());
        assertEquals("0", coded.safetyEvents());
        assertEquals("3", coded.missed());
        s.put("annotation_count", 0);
        s.put("ruptures_withdrawal", 0);
        s.put("ruptures_confrontation", 0);
        s.put("missed_opportunities", null);
        // before: "0 / 0" and "0", which read as a calm, coded session
        QueueView.Row uncoded = QueueView.row(1, s, 0.5, true, true, List.of(), PageNames.DISTINCT);
        assertEquals(SessionViews.NOT_CODED, uncoded.ruptures());
        assertEquals(SessionViews.NOT_CODED, uncoded.safetyEvents());
        assertEquals(SessionViews.NOT_CODED, uncoded.missed());
    }
}
