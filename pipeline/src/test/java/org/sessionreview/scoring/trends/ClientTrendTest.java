package org.sessionreview.scoring.trends;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sessionreview.scoring.trends.Rows.burden;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sessionreview.report.ClientRow;
import org.sessionreview.report.SessionRow;

class ClientTrendTest {
    private static final double EPS = 1e-9;

    private static List<ClientRow> trend(String client, double... anxietyTimeS) {
        List<SessionRow> in = new ArrayList<>();
        for (int i = 0; i < anxietyTimeS.length; i++) {
            in.add(burden(client, i + 1, anxietyTimeS[i]));
        }
        return ClientTrend.rows(in, TrendConfig.defaults());
    }

    private static ClientRow last(List<ClientRow> rows) {
        return rows.get(rows.size() - 1);
    }

    @Test
    void shouldFlagAPlateauWhenFourHighSessionsShowNoDecline() {
        List<ClientRow> rows = trend("c1", 300, 310, 290, 305);
        ClientRow r = last(rows);
        assertTrue(r.plateau);
        assertEquals("discuss in supervision: consider consultation", r.note);
        assertEquals(4, r.trendSessions);
        assertEquals(4, r.highBurdenSessions);
        assertEquals(-0.5, r.anxietyTrendSPerSession, EPS); // Sxy = -2.5, Sxx = 5
        for (ClientRow early : rows.subList(0, 3)) {
            assertFalse(early.plateau, "fewer than 4 sessions so far: " + early.sessionNumber);
            assertNull(early.note);
        }
    }

    @Test
    void shouldNotFlagAPlateauWhenTheBurdenClearlyDeclines() {
        ClientRow r = last(trend("c1", 400, 330, 260, 190));
        assertEquals(-70.0, r.anxietyTrendSPerSession, EPS);
        assertEquals(4, r.highBurdenSessions);
        assertEquals(0.0, r.declineP, 1e-6); // an exact linear decline
        assertFalse(r.plateau);
        assertNull(r.note);
    }

    @Test
    void shouldFlagAPlateauWhenTheSlopeIsNegativeButNotSignificant() {
        // 365, 185, 185, 180: slope -55.5 s/session, t = -1.81 with 2 df, one-sided p ~ 0.106
        ClientRow r = last(trend("c1", 365, 185, 185, 180));
        assertEquals(-55.5, r.anxietyTrendSPerSession, EPS);
        assertTrue(r.declineP > 0.05 && r.declineP < 0.2, "p = " + r.declineP);
        assertTrue(r.plateau);
        ClientRow strict = ClientTrend.rows(
                        List.of(burden("c1", 1, 365), burden("c1", 2, 185), burden("c1", 3, 185), burden("c1", 4, 180)),
                        new TrendConfig(4, 120, 0.2))
                .get(3);
        assertFalse(strict.plateau, "at alpha 0.2 the same slope is a decline");
    }

    @Test
    void shouldNotFlagAPlateauWhenOneOfTheLastSessionsIsBelowTheThreshold() {
        ClientRow r = last(trend("c1", 300, 119.9, 300, 300));
        assertEquals(3, r.highBurdenSessions);
        assertFalse(r.plateau);
        assertTrue(last(trend("c1", 300, 120, 300, 300)).plateau, "120 s is high burden");
    }

    @Test
    void shouldNotFlagAPlateauWithFewerSessionsThanTheWindow() {
        List<ClientRow> rows = trend("c1", 300, 300, 300);
        assertTrue(rows.stream().noneMatch(r -> r.plateau));
        assertEquals(0.0, last(rows).anxietyTrendSPerSession, EPS);
        assertNull(rows.get(0).anxietyTrendSPerSession, "no slope from one session");
        assertNull(rows.get(0).declineP);
        assertEquals(1, rows.get(0).trendSessions);
    }

    @Test
    void shouldSlideTheWindowOverTheLastFourSessions() {
        List<ClientRow> rows = trend("c1", 0, 200, 200, 200, 200);
        assertFalse(rows.get(3).plateau, "window 1-4 holds a calm session");
        assertTrue(rows.get(4).plateau, "window 2-5 is high and flat");
        assertEquals(4, rows.get(4).trendSessions);
        assertEquals(0.0, rows.get(4).anxietyTrendSPerSession, EPS);
        assertNull(rows.get(4).declineP, "no p-value for a slope that is not negative");
    }

    @Test
    void shouldCountASessionWithoutClientDataAsNeverRecorded() {
        // session 3 had no client wristband: unknown, not calm (before, its 0 s broke the plateau
        // of 1, 2, 4, 5 and pulled the trend down)
        List<SessionRow> in = new ArrayList<>();
        for (int n = 1; n <= 5; n++) {
            in.add(burden("c1", n, 300));
        }
        in.get(2).anxietyEpisodes = null;
        in.get(2).anxietyTimeS = null;
        List<ClientRow> rows = ClientTrend.rows(in, TrendConfig.defaults());
        ClientRow none = rows.get(2);
        assertNull(none.anxietyTimeS);
        assertNull(none.anxietyEpisodes);
        assertEquals(0, none.trendSessions);
        assertNull(none.anxietyTrendSPerSession);
        assertFalse(none.plateau);
        assertFalse(rows.get(3).plateau, "sessions 1, 2, 4: three measured");
        ClientRow fifth = rows.get(4);
        assertEquals(4, fifth.trendSessions, "1, 2, 4, 5");
        assertEquals(4, fifth.highBurdenSessions);
        assertTrue(fifth.plateau);
        assertEquals(0.0, fifth.anxietyTrendSPerSession, EPS);
    }

    @Test
    void shouldUseSessionNumbersAsTheTrendAxisWhenSessionsAreMissing() {
        List<SessionRow> in = List.of(burden("c1", 1, 120), burden("c1", 2, 180), burden("c1", 6, 420));
        ClientRow r = ClientTrend.rows(in, TrendConfig.defaults()).get(2);
        assertEquals(60.0, r.anxietyTrendSPerSession, EPS); // exact line 60 s per session
    }

    @Test
    void shouldCopyTheSessionsBurdenAndRupturesIntoTheRow() {
        SessionRow s = burden("c1", 3, 240);
        s.peakAnxietyIndex = 6.5;
        s.anxietyEpisodes = 2;
        s.rupturesWithdrawal = 1;
        s.rupturesConfrontation = 2;
        s.rupturesUnaddressed = 1;
        s.annotationCount = 12;
        ClientRow r = ClientTrend.rows(List.of(s), TrendConfig.defaults()).get(0);
        assertEquals("c1", r.clientKey);
        assertEquals(3, r.sessionNumber);
        assertEquals("c1-3", r.sessionId);
        assertEquals("T01", r.therapistId);
        assertEquals(s.sessionDate, r.sessionDate);
        assertEquals(240.0, r.anxietyTimeS, EPS);
        assertEquals(2, r.anxietyEpisodes);
        assertEquals(6.5, r.peakAnxietyIndex, EPS);
        assertEquals(1, r.rupturesWithdrawal);
        assertEquals(2, r.rupturesConfrontation);
        assertEquals(1, r.rupturesUnaddressed);
    }

    @Test
    void shouldLeaveRupturesNullInASessionWhoseVideoWasNotCoded() {
        SessionRow coded = burden("c1", 1, 240);
        coded.annotationCount = 3;
        coded.rupturesWithdrawal = 2;
        SessionRow uncoded = burden("c1", 2, 240);
        uncoded.annotationCount = 0; // its 0 ruptures are "not judged", not "none seen"
        List<ClientRow> rows = ClientTrend.rows(List.of(coded, uncoded), TrendConfig.defaults());
        assertEquals(2, rows.get(0).rupturesWithdrawal);
        assertEquals(0, rows.get(0).rupturesUnaddressed);
        assertNull(rows.get(1).rupturesWithdrawal);
        assertNull(rows.get(1).rupturesConfrontation);
        assertNull(rows.get(1).rupturesUnaddressed);
        assertEquals(240.0, rows.get(1).anxietyTimeS, EPS); // the wearable's part is still there
    }

    @Test
    void shouldSortByClientThenSessionNumberWhateverTheInputOrder() {
        List<SessionRow> in = new ArrayList<>();
        for (int n = 1; n <= 5; n++) {
            in.add(burden("b-client", n, 100 * n));
            in.add(burden("a-client", n, 300));
        }
        List<ClientRow> expected = ClientTrend.rows(in, TrendConfig.defaults());
        assertEquals(10, expected.size());
        for (int i = 0; i < 10; i++) {
            assertEquals(i < 5 ? "a-client" : "b-client", expected.get(i).clientKey);
            assertEquals(i % 5 + 1, expected.get(i).sessionNumber);
        }
        String text = expected.stream().map(Rows::fields).toList().toString();
        for (int seed = 1; seed <= 5; seed++) {
            Collections.shuffle(in, new Random(seed));
            assertEquals(
                    text,
                    ClientTrend.rows(in, TrendConfig.defaults()).stream()
                            .map(Rows::fields)
                            .toList()
                            .toString());
        }
    }

    @Test
    void shouldHonourAConfiguredWindowAndThreshold() {
        List<SessionRow> in = List.of(burden("c1", 1, 90), burden("c1", 2, 95), burden("c1", 3, 100));
        assertFalse(ClientTrend.rows(in, TrendConfig.defaults()).get(2).plateau);
        assertTrue(ClientTrend.rows(in, new TrendConfig(3, 60, 0.05)).get(2).plateau);
    }

    @Test
    void shouldRejectAnInvalidConfigurationNamingTheOption() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TrendConfig(2, 120, 0.05));
        assertTrue(e.getMessage().contains("trends.client.last_n"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TrendConfig(4, -1, 0.05));
        assertThrows(IllegalArgumentException.class, () -> new TrendConfig(4, 120, 1.0));
        assertEquals(4, TrendConfig.defaults().lastN());
    }

    @Test
    void shouldNameTheSessionWhenItHasNoClientKey() {
        SessionRow s = burden("c1", 1, 0);
        s.clientKey = null;
        NullPointerException e =
                assertThrows(NullPointerException.class, () -> ClientTrend.rows(List.of(s), TrendConfig.defaults()));
        assertTrue(e.getMessage().contains("c1-1"), e.getMessage());
    }
}
