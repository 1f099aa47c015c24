package org.sessionreview.jobs.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The plain parts of {@link LiveBenchCommand}: which records count where, and the session-time arithmetic. */
class LiveBenchCommandTest {

    @Test
    void shouldSplitLatenciesByPhaseAndLeaveUnstampedRecordsOut() {
        List<MomentsReader.Received> records = List.of(
                new MomentsReader.Received("S1", "live", "anxiety_episode", 1_000, 900, 400, 0, 300, 0),
                new MomentsReader.Received("S1", "live", "rupture", 2_000, 1_700, 500, 0, 420, 0),
                new MomentsReader.Received("S1", "final", "rupture", 5_000, 4_990, 1500, 0, 800, 0),
                new MomentsReader.Received("S1", "withdrawn", "rupture", 5_000, 4_990, 1500, 0, 420, 0),
                new MomentsReader.Received("S2", "live", "rupture", 9_000, 0, 500, 0, 420, 0));
        var latencies = LiveBenchCommand.latencies(records);
        assertEquals(List.of("final", "live"), List.copyOf(latencies.keySet()));
        assertEquals(2, latencies.get("live").count(), "the unstamped record is left out");
        assertEquals(300, latencies.get("live").max(), 0);
        assertEquals(2, latencies.get("final").count(), "final and withdrawn: both sent at the session's end");
        assertEquals(10, latencies.get("final").p50(), 0);
        var delays = LiveBenchCommand.detectionDelays(records);
        assertEquals(100, delays.get("anxiety_episode").p50(), 0);
        assertEquals(2, delays.get("rupture").count(), "live records only");
        assertEquals(80, delays.get("rupture").max(), 0);
    }

    @Test
    void shouldPlaceTheCompletingMessageInSessionTimeFromItsArrivalAndTheSpeed() {
        RecordedSession rec = RecordedSession.of(
                SyntheticSessions.session("A", SyntheticSessions.MEDIA_START, 150, 1), SyntheticSessions.BLOCK_MILLIS);
        List<SessionReplay> replays = List.of(rec.replay(1), rec.replay(2));
        long wallStart = 1_900_000_000_000L;
        long due = rec.firstDueMillis();
        // a moment of A~2 from 100 s to 130 s of session time, whose media start is 60 s after the replay's start
        long media = due + 60_000;
        MomentsReader.Received r = new MomentsReader.Received(
                "A~2",
                "live",
                "anxiety_episode",
                wallStart + 30_000,
                wallStart + 25_000,
                220,
                100,
                130,
                media + 100_000);
        // at speed 10, 25 s of wall time are 250 s of session time: 250 - 60 - 130 = 60 s after the moment's end
        var delays = LiveBenchCommand.inputDelays(List.of(r), replays, wallStart, 10);
        assertEquals(60, delays.get("anxiety_episode").p50(), 1e-9);
        assertTrue(
                LiveBenchCommand.inputDelays(List.of(r), replays, wallStart, Pacer.MAX)
                        .isEmpty(),
                "speed max: no mapping");
    }

    @Test
    void shouldWriteAMissingFigureAsJsonNullNotAsText() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.JsonNode tree =
                json.readTree("{\"a\": 1.5, \"b\": [2, {\"c\": 3}], \"d\": \"NaN\"}");
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree).put("nan", Double.NaN);
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("b").get(1)).put("inf", Double.POSITIVE_INFINITY);
        ((com.fasterxml.jackson.databind.node.ArrayNode) tree.get("b")).add(Double.NaN);
        String text = json.writeValueAsString(LiveBenchFigures.finiteOrNull(tree));
        // a latency of no moment (live-bench at --speed max with none) was written as "NaN", a string
        org.junit.jupiter.api.Assertions.assertEquals(
                "{\"a\":1.5,\"b\":[2,{\"c\":3,\"inf\":null},null],\"d\":\"NaN\",\"nan\":null}", text);
    }
}
