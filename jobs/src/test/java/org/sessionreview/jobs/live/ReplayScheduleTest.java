package org.sessionreview.jobs.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sessionreview.live.LiveMessage;

/** Sessions merged as if started together, and sent at offset / speed of wall time. */
class ReplayScheduleTest {
    /** A session a day later, whose data starts 72 s before its media start. */
    private static final long NEXT_DAY = SyntheticSessions.MEDIA_START + 86_400_000L + 3_333;

    /** A clock that moves only when slept on. */
    private static final class FakeClock implements Pacer.Clock {
        long now = 5_000_000_000L;
        int sleeps;

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleepNanos(long nanos) {
            sleeps++;
            now += nanos;
        }
    }

    private record Sent(long wallNanos, long offsetMillis, LiveMessage message) {}

    @Test
    void shouldMergeSessionsByTimeSinceTheirOwnStartAndKeepEachSessionsOrder() {
        List<RecordedSession> sessions = sessions();
        List<ReplaySchedule.Scheduled> merged = new ArrayList<>();
        new ReplaySchedule(replays(sessions, 2)).forEachRemaining(merged::add);

        Map<String, List<DueMessage>> alone = new LinkedHashMap<>();
        for (RecordedSession s : sessions) {
            for (int copy = 1; copy <= 2; copy++) {
                SessionReplay r = s.replay(copy);
                alone.put(r.sessionId(), SyntheticSessions.drain(r));
            }
        }
        assertEquals(List.of("A", "A~2", "B", "B~2"), List.copyOf(alone.keySet()));
        assertEquals(alone.values().stream().mapToInt(List::size).sum(), merged.size());
        for (int i = 1; i < merged.size(); i++) {
            assertTrue(merged.get(i).offsetMillis() >= merged.get(i - 1).offsetMillis(), "offset order at " + i);
        }
        for (Map.Entry<String, List<DueMessage>> e : alone.entrySet()) {
            long firstDue = e.getValue().get(0).dueMillis();
            List<ReplaySchedule.Scheduled> mine = merged.stream()
                    .filter(m -> m.message().sessionId.equals(e.getKey()))
                    .toList();
            assertEquals(e.getValue().size(), mine.size());
            for (int i = 0; i < mine.size(); i++) {
                assertEquals(
                        e.getValue().get(i).dueMillis() - firstDue, mine.get(i).offsetMillis(), e.getKey() + " #" + i);
                assertEquals(e.getValue().get(i).message().type, mine.get(i).message().type);
                assertEquals(
                        e.getValue().get(i).message().firstIndex, mine.get(i).message().firstIndex);
            }
        }
        // all four start together
        assertEquals(
                List.of(0L, 0L, 0L, 0L),
                merged.subList(0, 4).stream()
                        .map(ReplaySchedule.Scheduled::offsetMillis)
                        .toList());
    }

    @Test
    void shouldSendEachMessageAtItsOffsetWhenReplayedInRealTime() throws Exception {
        List<Sent> sent = replay(1);
        for (Sent s : sent) {
            assertEquals(s.offsetMillis() * 1_000_000L, s.wallNanos(), "wall time of " + s.message());
        }
        long lastOffset = sent.get(sent.size() - 1).offsetMillis();
        assertTrue(lastOffset > 100_000, "the sessions last " + lastOffset + " ms");
    }

    @Test
    void shouldSendTenTimesAsFastWhenTheSpeedIsTen() throws Exception {
        for (Sent s : replay(10)) {
            assertEquals(Math.round(s.offsetMillis() * 100_000.0), s.wallNanos(), "wall time of " + s.message());
        }
    }

    @Test
    void shouldNeverWaitAtMaxSpeedButKeepTheOrder() throws Exception {
        FakeClock clock = new FakeClock();
        List<Sent> sent = replay(Pacer.MAX, clock);
        assertEquals(0, clock.sleeps);
        sent.forEach(s -> assertEquals(0, s.wallNanos()));
        for (int i = 1; i < sent.size(); i++) {
            assertTrue(sent.get(i).offsetMillis() >= sent.get(i - 1).offsetMillis());
        }
    }

    @Test
    void shouldNotWaitForAMessageThatIsAlreadyLate() throws Exception {
        FakeClock clock = new FakeClock();
        Pacer pacer = new Pacer(1, clock);
        pacer.await(0);
        clock.now += 5_000_000_000L; // a slow send
        pacer.await(2_000);
        assertEquals(0, clock.sleeps);
        pacer.await(7_500);
        assertEquals(7_500_000_000L, pacer.elapsedNanos());
    }

    @Test
    void shouldStopAtTheLimitAndEndEverySessionThereWhenGivenASessionTimeLimit() throws Exception {
        FakeClock clock = new FakeClock();
        long start = clock.now;
        List<ReplaySchedule.Scheduled> all = new ArrayList<>();
        new ReplaySchedule(replays(sessions(), 2)).forEachRemaining(all::add);
        long limit = 60_000;
        List<LiveMessage> sent = new ArrayList<>();
        List<Long> wall = new ArrayList<>();
        Replayer.Totals totals = Replayer.run(
                new ReplaySchedule(replays(sessions(), 2)),
                new Pacer(1, clock),
                new Replayer.Publisher() {
                    @Override
                    public void send(LiveMessage m) {
                        sent.add(m);
                        wall.add(clock.now - start);
                    }

                    @Override
                    public void flush() {}
                },
                (offset, soFar) -> {},
                limit);
        List<ReplaySchedule.Scheduled> upToLimit =
                all.stream().filter(x -> x.offsetMillis() <= limit).toList();
        assertTrue(upToLimit.size() < all.size() - 4, "the limit cuts the sessions short");
        assertEquals(
                upToLimit.size() + 4, sent.size(), "the messages up to the limit, then one session_end per session");
        for (int i = 0; i < upToLimit.size(); i++) {
            LiveMessage m = upToLimit.get(i).message();
            assertEquals(
                    m.sessionId + m.type + m.firstIndex + m.channel,
                    sent.get(i).sessionId + sent.get(i).type + sent.get(i).firstIndex + sent.get(i).channel,
                    "message " + i);
        }
        List<LiveMessage> ends = sent.subList(upToLimit.size(), sent.size());
        assertEquals(
                List.of("A", "A~2", "B", "B~2"),
                ends.stream().map(m -> m.sessionId).sorted().toList());
        assertTrue(ends.stream().allMatch(m -> m.type.equals(LiveMessage.SESSION_END)));
        assertEquals(limit * 1_000_000L, wall.get(wall.size() - 1), "the ends are sent at the limit");
        assertEquals(4, totals.sessions());
        assertEquals(sent.size(), totals.messages());
    }

    @Test
    void shouldParseSpeedsAndRefuseOthers() {
        assertEquals(1.0, Pacer.parseSpeed("1"));
        assertEquals(100.0, Pacer.parseSpeed("100"));
        assertEquals(0.5, Pacer.parseSpeed("0.5"));
        assertEquals(Pacer.MAX, Pacer.parseSpeed("MAX"));
        for (String bad : List.of("0", "-1", "fast", "NaN", "Infinity", "")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Pacer.parseSpeed(bad), bad);
            assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
        }
    }

    private static List<Sent> replay(double speed) throws Exception {
        return replay(speed, new FakeClock());
    }

    /** Replays two sessions with two copies each; the wall time of each send is relative to the first. */
    private static List<Sent> replay(double speed, FakeClock clock) throws Exception {
        long start = clock.now;
        List<Sent> sent = new ArrayList<>();
        List<ReplaySchedule.Scheduled> expected = new ArrayList<>();
        new ReplaySchedule(replays(sessions(), 2)).forEachRemaining(expected::add);
        int[] flushes = {0};
        Replayer.Totals totals = Replayer.run(
                new ReplaySchedule(replays(sessions(), 2)),
                new Pacer(speed, clock),
                new Replayer.Publisher() {
                    @Override
                    public void send(LiveMessage m) {
                        ReplaySchedule.Scheduled s = expected.get(sent.size());
                        assertEquals(
                                s.message().sessionId + s.message().type + s.message().firstIndex,
                                m.sessionId + m.type + m.firstIndex,
                                "send order");
                        sent.add(new Sent(clock.now - start, s.offsetMillis(), m));
                    }

                    @Override
                    public void flush() {
                        flushes[0]++;
                    }
                },
                (offset, soFar) -> {});
        assertEquals(1, flushes[0]);
        assertEquals(expected.size(), sent.size());
        assertEquals(sent.size(), totals.messages());
        assertEquals(4, totals.sessions());
        assertEquals(4 * 5, totals.events());
        long samples = 0;
        for (RecordedSession s : sessions()) {
            samples += 2 * s.sampleCount();
        }
        assertEquals(samples, totals.samples());
        return sent;
    }

    private static List<RecordedSession> sessions() {
        return List.of(
                RecordedSession.of(
                        SyntheticSessions.session("A", SyntheticSessions.MEDIA_START, 150, 1),
                        SyntheticSessions.BLOCK_MILLIS),
                RecordedSession.of(SyntheticSessions.session("B", NEXT_DAY, 110, 2), SyntheticSessions.BLOCK_MILLIS));
    }

    private static List<SessionReplay> replays(List<RecordedSession> sessions, int copies) {
        List<SessionReplay> out = new ArrayList<>();
        for (RecordedSession s : sessions) {
            for (int copy = 1; copy <= copies; copy++) {
                out.add(s.replay(copy));
            }
        }
        return out;
    }
}
