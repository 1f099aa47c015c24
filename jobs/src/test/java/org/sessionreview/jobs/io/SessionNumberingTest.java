package org.sessionreview.jobs.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sessionreview.report.SessionRow;

class SessionNumberingTest {
    private static SessionRow session(String id, String client, int number, int day) {
        SessionRow s = new SessionRow();
        s.sessionId = id;
        s.clientKey = client;
        s.sessionNumber = number;
        s.mediaStartMillis = 1_767_225_600_000L + day * 86_400_000L;
        return s;
    }

    @Test
    void shouldNameClientsWhoseNumbersRepeatOrFallWithDateAndNoOther() {
        List<SessionNumbering.Finding> f = SessionNumbering.find(List.of(
                // consistent, with a gap: fine
                session("ok-1", "a", 1, 0),
                session("ok-3", "a", 3, 14),
                session("ok-2", "a", 2, 7),
                // two sessions numbered 3
                session("dup-3b", "b", 3, 21),
                session("dup-1", "b", 1, 0),
                session("dup-3a", "b", 3, 14),
                // moved to another trainee who numbered from 1 again
                session("tr-a1", "c", 1, 0),
                session("tr-a2", "c", 2, 7),
                session("tr-b1", "c", 1, 30),
                // a single session
                session("one", "d", 5, 0)));
        assertEquals(2, f.size());
        assertEquals(
                new SessionNumbering.Finding("b", List.of("dup-1", "dup-3a", "dup-3b"), List.of(1, 3, 3), "repeated"),
                f.get(0));
        assertEquals(
                new SessionNumbering.Finding("c", List.of("tr-a1", "tr-a2", "tr-b1"), List.of(1, 2, 1), "repeated"),
                f.get(1));
        assertEquals(
                "out of date order",
                SessionNumbering.find(List.of(session("x6", "e", 6, 0), session("x5", "e", 5, 7)))
                        .get(0)
                        .reason());
    }
}
