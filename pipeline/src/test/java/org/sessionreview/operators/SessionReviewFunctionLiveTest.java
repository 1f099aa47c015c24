package org.sessionreview.operators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.OutputTag;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sessionreview.config.LiveMomentsConfig;
import org.sessionreview.config.PipelineConfig;
import org.sessionreview.features.WearerEvents;
import org.sessionreview.features.WearerWindower;
import org.sessionreview.ingest.IngestedSession;
import org.sessionreview.ingest.SessionIngestor;
import org.sessionreview.ingest.session.Pseudonymizer;
import org.sessionreview.model.Annotation;
import org.sessionreview.model.Role;
import org.sessionreview.model.SampleBlock;
import org.sessionreview.model.SessionInfo;
import org.sessionreview.model.WindowFeatures;
import org.sessionreview.report.LiveMomentRow;
import org.sessionreview.report.MomentRow;
import org.sessionreview.report.SessionRow;
import org.sessionreview.scoring.BaselineProvider;
import org.sessionreview.scoring.LiveMoments;

/**
 * Live mode of {@link SessionReviewFunction} on a real sample session replayed as a live one: a
 * provisional metadata record first, then both wearers' windows and signal chunks in the order
 * their blocks were recorded, each annotation once its event has ended, the final metadata last.
 * The session (2026-03-26) has two planted client anxiety episodes and an unaddressed
 * confrontation rupture (markers at 11:40 and 12:25).
 */
class SessionReviewFunctionLiveTest {
    private static final PipelineConfig CONFIG = PipelineConfig.defaults();
    private static final LiveMomentsConfig LIVE = LiveMomentsConfig.defaults();
    private static IngestedSession session;
    /** Both wearers' windows, chunks and end records, each at the session time it is known. */
    private static List<Timed> wearerData;

    private record Timed(double atS, SessionEvent event) {}

    @BeforeAll
    static void replay() {
        session = new SessionIngestor(CONFIG, Pseudonymizer.demo(), null)
                .ingest(Path.of("..", "sample-data").toAbsolutePath().normalize(), "2026-03-26_T02_0900");
        assertTrue(session.info != null && session.info.wearers.size() == 2, "sample session not readable");
        long media = session.info.mediaStartMillis;
        Map<Role, WearerWindower> windowers = new EnumMap<>(Role.class);
        Map<String, int[]> counts = new HashMap<>(); // role -> {windows, chunks}
        wearerData = new ArrayList<>();
        for (SampleBlock b : session.blocks) {
            Role role = Role.parse(b.role).orElseThrow();
            WearerWindower w = windowers.computeIfAbsent(
                    role, r -> new WearerWindower(CONFIG.features(), session.info.sessionId, r, media));
            double atS = (b.startMillis - media) / 1000.0;
            List<WindowFeatures> ws = w.add(b);
            WearerEvents events = new WearerEvents();
            w.drainEvents(events);
            int[] c = counts.computeIfAbsent(b.role, r -> new int[2]);
            ws.forEach(x -> wearerData.add(new Timed(atS, SessionEvent.of(x))));
            events.chunks.forEach(x -> wearerData.add(new Timed(atS, SessionEvent.of(x))));
            c[0] += ws.size();
            c[1] += events.chunks.size();
            if (b.endOfStream) {
                WindowFeatures end = new WindowFeatures();
                end.sessionId = b.sessionId;
                end.role = b.role;
                end.startMillis = b.startMillis;
                end.endOfStream = true;
                end.windowCount = c[0];
                end.chunkCount = c[1];
                wearerData.add(new Timed(atS, SessionEvent.of(end)));
            }
        }
    }

    /** The whole live replay with these annotations: provisional info, data in time order, final info. */
    private static List<SessionEvent> liveEvents(List<Annotation> annotations) {
        return liveEvents(annotations, wearerData);
    }

    /**
     * The therapist's data arriving {@code lagS} late, and ending (its end record sent) once the
     * client's data passes {@code stopS}: its windows and chunks after that are not sent.
     */
    private static List<Timed> therapistLateAndStopping(double lagS, double stopS) {
        List<Timed> out = new ArrayList<>();
        int windows = 0;
        int chunks = 0;
        for (Timed t : wearerData) {
            SessionEvent e = t.event();
            boolean therapist =
                    "therapist".equals(e.window != null ? e.window.role : e.chunk != null ? e.chunk.role : null);
            if (!therapist) {
                out.add(t);
            } else if (e.window != null && e.window.endOfStream) {
                WindowFeatures end = new WindowFeatures();
                end.sessionId = e.window.sessionId;
                end.role = e.window.role;
                end.startMillis = e.window.startMillis;
                end.endOfStream = true;
                end.windowCount = windows;
                end.chunkCount = chunks;
                out.add(new Timed(Math.min(t.atS(), stopS), SessionEvent.of(end)));
            } else if (t.atS() <= stopS - lagS) {
                out.add(new Timed(t.atS() + lagS, e));
                windows += e.window != null ? 1 : 0;
                chunks += e.chunk != null ? 1 : 0;
            }
        }
        return out;
    }

    private static List<SessionEvent> liveEvents(List<Annotation> annotations, List<Timed> wearerData) {
        SessionInfo provisional = session.info.copy();
        provisional.provisional = true;
        provisional.annotationCount = 0;
        provisional.durationS = 0;
        provisional.missingChannels = new ArrayList<>();
        List<Timed> timed = new ArrayList<>(wearerData);
        annotations.forEach(a -> timed.add(new Timed(a.endOrStartS(), SessionEvent.of(a))));
        timed.sort(Comparator.comparingDouble(Timed::atS)); // stable: wearer data keeps its order
        List<SessionEvent> events = new ArrayList<>();
        events.add(SessionEvent.of(provisional));
        timed.forEach(t -> events.add(t.event()));
        SessionInfo last = session.info.copy();
        last.annotationCount = annotations.size();
        events.add(SessionEvent.of(last));
        return events;
    }

    /** The sample's annotations plus a repair attempt of the rupture at 15:00, coded too late for it to settle live. */
    /**
     * The session's codes with a repair at 900 s of the rupture at 700 s coded as a stretch to
     * 1300 s, so it arrives (at its end) after the episode closed at 1000 s: the rupture is sent as
     * unaddressed and the final review, which has the repair, withdraws it.
     */
    private static List<Annotation> withRepairArrivingLate() {
        List<Annotation> out = withLateRepair();
        out.get(out.size() - 1).endS = 1300.0;
        return out;
    }

    private static List<Annotation> withLateRepair() {
        Annotation repair = new Annotation();
        repair.sessionId = session.info.sessionId;
        repair.code = "RES_ACK_OWN_CONTRIBUTION";
        repair.family = "RES";
        repair.actor = "therapist";
        repair.startS = 900;
        repair.label = repair.code;
        repair.sourceFile = "live";
        repair.sourceLine = 1;
        List<Annotation> out = new ArrayList<>(session.annotations);
        out.add(repair);
        return out;
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, SessionEvent, SessionRow> harness(
            LiveMomentsConfig live, BaselineProvider baselines) throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, SessionEvent, SessionRow> h =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new SessionReviewFunction(
                                CONFIG.scoring(), baselines, CONFIG.synchrony(), CONFIG.rupture(), live)),
                        (SessionEvent e) -> e.sessionId,
                        Types.STRING);
        return h;
    }

    private static <T> List<T> side(
            KeyedOneInputStreamOperatorTestHarness<String, SessionEvent, SessionRow> h, OutputTag<T> tag) {
        Queue<StreamRecord<T>> q = h.getSideOutput(tag);
        return q == null ? List.of() : q.stream().map(StreamRecord::getValue).toList();
    }

    /** Every field of a moment, so that rows compare by value. */
    private static String text(MomentRow m) {
        return String.format(
                Locale.ROOT,
                "%s|%s|%s|%s|%s|%d|%s|%s",
                m.sessionId,
                m.kind,
                m.role,
                Double.toString(m.startS),
                Double.toString(m.endS),
                m.startMillis,
                Double.toString(m.severity),
                m.evidence);
    }

    /** Every public field of a row as text, by name. */
    private static Map<String, String> fields(Object row) throws IllegalAccessException {
        Map<String, String> out = new java.util.TreeMap<>();
        for (java.lang.reflect.Field f : row.getClass().getFields()) {
            if (!java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                out.put(f.getName(), String.valueOf(f.get(row)));
            }
        }
        return out;
    }

    private static String text(LiveMomentRow m) {
        return String.format(
                Locale.ROOT,
                "%s|%s|%s|%s|%s|%d|%s|%s",
                m.sessionId,
                m.kind,
                m.role,
                Double.toString(m.startS),
                Double.toString(m.endS),
                m.startMillis,
                Double.toString(m.severity),
                m.evidence);
    }

    /** What a run emitted: session rows, moments, the live feed, and the feed's size before the final metadata. */
    private record Run(
            List<SessionRow> rows,
            List<MomentRow> moments,
            List<LiveMomentRow> feed,
            int feedBeforeEnd,
            int stateEntriesAfter) {}

    private static Run run(List<SessionEvent> events, LiveMomentsConfig live, BaselineProvider baselines)
            throws Exception {
        try (var h = harness(live, baselines)) {
            h.open();
            int before = 0;
            for (int i = 0; i < events.size(); i++) {
                if (i == events.size() - 1) {
                    before = side(h, SessionReviewFunction.LIVE_MOMENTS).size();
                }
                h.processElement(new StreamRecord<>(events.get(i), 0L));
            }
            return new Run(
                    h.extractOutputValues(),
                    side(h, SessionReviewFunction.MOMENTS),
                    side(h, SessionReviewFunction.LIVE_MOMENTS),
                    before,
                    h.numKeyedStateEntries());
        }
    }

    /** The session's end: its declared duration, or its last window's end when the data runs past it. */
    private static double sessionEndS(List<SessionEvent> events) {
        double end = session.info.durationS;
        for (SessionEvent e : events) {
            if (e.window != null && !e.window.endOfStream) {
                end = Math.max(end, e.window.endS);
            }
        }
        return end;
    }

    private static List<LiveMomentRow> phase(List<LiveMomentRow> feed, String phase) {
        return feed.stream().filter(r -> r.phase.equals(phase)).toList();
    }

    @Test
    void shouldSendSettledMomentsBeforeTheSessionEndsWhenLiveModeIsOn() throws Exception {
        List<SessionEvent> events = liveEvents(session.annotations);
        Run run = run(events, LIVE, BaselineProvider.CALIBRATION);
        List<LiveMomentRow> live = phase(run.feed(), LiveMomentRow.LIVE);
        System.out.println("[SessionReviewFunctionLiveTest] feed:\n  "
                + run.feed().stream().map(Object::toString).collect(Collectors.joining("\n  ")));
        assertTrue(
                live.stream().anyMatch(r -> r.kind.equals("anxiety_episode")),
                "a planted episode is sent live: " + live);
        assertEquals(live.size(), run.feedBeforeEnd(), "every live record precedes the final metadata");
        assertTrue(run.feed().subList(0, live.size()).stream().allMatch(r -> r.phase.equals(LiveMomentRow.LIVE)));
        for (LiveMomentRow r : live) {
            assertTrue(r.knownAtS >= r.endS + LIVE.settleS(), r + " sent before it settled");
            assertTrue(r.knownAtS <= sessionEndS(events), r + " known after the session's end");
        }
        assertEquals(0, run.stateEntriesAfter(), "live state not cleared at the session's end");
    }

    /** The events with copies of their windows and metadata stamped as arriving 1 s apart. */
    private static List<SessionEvent> arrivingOneSecondApart(List<SessionEvent> events) throws IllegalAccessException {
        List<SessionEvent> out = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            SessionEvent e = events.get(i);
            long arrival = 1_800_000_000_000L + 1000L * i;
            if (e.window != null) {
                WindowFeatures w = new WindowFeatures();
                for (java.lang.reflect.Field f : WindowFeatures.class.getFields()) {
                    if (!java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                        f.set(w, f.get(e.window));
                    }
                }
                w.arrivalMillis = arrival;
                out.add(SessionEvent.of(w));
            } else if (e.info != null) {
                SessionInfo i2 = e.info.copy();
                i2.arrivalMillis = arrival;
                out.add(SessionEvent.of(i2));
            } else {
                out.add(e);
            }
        }
        return out;
    }

    @Test
    void shouldStampEachRecordWithTheArrivalOfTheInputThatTriggeredItWhenLive() throws Exception {
        List<SessionEvent> events = arrivingOneSecondApart(liveEvents(withRepairArrivingLate()));
        try (var h = harness(LIVE, BaselineProvider.CALIBRATION)) {
            h.open();
            int seen = 0;
            for (SessionEvent e : events) {
                h.processElement(new StreamRecord<>(e, 0L));
                List<LiveMomentRow> feed = side(h, SessionReviewFunction.LIVE_MOMENTS);
                for (LiveMomentRow r : feed.subList(seen, feed.size())) {
                    // a live round is triggered by a window; the end by the final metadata, the last input
                    long expected = e.window != null ? e.window.arrivalMillis : e.info.arrivalMillis;
                    assertEquals(expected, r.arrivalMillis, r.toString());
                    assertEquals(r.phase.equals(LiveMomentRow.LIVE), e.window != null, r.toString());
                }
                seen = feed.size();
            }
            List<LiveMomentRow> feed = side(h, SessionReviewFunction.LIVE_MOMENTS);
            assertTrue(
                    !phase(feed, LiveMomentRow.LIVE).isEmpty()
                            && !phase(feed, LiveMomentRow.WITHDRAWN).isEmpty(),
                    "live and end records: " + feed);
            assertEquals(0, h.numKeyedStateEntries(), "the arrival stamp is cleared with the session");
        }
    }

    /** The feed against the final moments: each final identity once as live or final, the rest withdrawn. */
    private static void assertFeedAccountsFor(List<MomentRow> finalMoments, List<LiveMomentRow> feed, double endS) {
        Map<LiveMoments.Key, List<LiveMomentRow>> sentOrFinal = feed.stream()
                .filter(r -> !r.phase.equals(LiveMomentRow.WITHDRAWN))
                .collect(Collectors.groupingBy(LiveMoments.Key::of));
        Map<LiveMoments.Key, MomentRow> finals = new HashMap<>();
        finalMoments.forEach(m -> finals.put(LiveMoments.Key.of(m), m));
        assertEquals(finalMoments.size(), finals.size(), "final identities are distinct in this session");
        for (MomentRow m : finalMoments) {
            List<LiveMomentRow> got = sentOrFinal.getOrDefault(LiveMoments.Key.of(m), List.of());
            assertEquals(1, got.size(), "sent exactly once over live + final: " + m + " -> " + got);
            if (got.get(0).phase.equals(LiveMomentRow.FINAL)) {
                assertEquals(text(m), text(got.get(0)), "a final record carries the final values");
                assertEquals(endS, got.get(0).knownAtS);
            }
        }
        List<LiveMomentRow> withdrawn = phase(feed, LiveMomentRow.WITHDRAWN);
        for (LiveMomentRow r : phase(feed, LiveMomentRow.LIVE)) {
            boolean confirmed = finals.containsKey(LiveMoments.Key.of(r));
            List<LiveMomentRow> w = withdrawn.stream()
                    .filter(x -> LiveMoments.Key.of(x).equals(LiveMoments.Key.of(r)))
                    .toList();
            assertEquals(confirmed ? 0 : 1, w.size(), "withdrawn exactly when unconfirmed: " + r);
            if (!confirmed) {
                assertEquals(text(r), text(w.get(0)), "withdrawn with the values it was sent with");
                assertEquals(endS, w.get(0).knownAtS);
            }
        }
        assertEquals(sentOrFinal.size() - finals.size(), withdrawn.size(), "no other withdrawn records");
    }

    @Test
    void shouldEmitTheBatchMomentsAndAccountForEachInTheFeedWhenTheSessionEnds() throws Exception {
        List<SessionEvent> events = liveEvents(session.annotations);
        Run batch = run(events, null, BaselineProvider.CALIBRATION);
        Run live = run(events, LIVE, BaselineProvider.CALIBRATION);
        assertTrue(batch.moments().size() >= 3, "episodes and the rupture: " + batch.moments());
        assertEquals(
                batch.moments().stream()
                        .map(SessionReviewFunctionLiveTest::text)
                        .toList(),
                live.moments().stream().map(SessionReviewFunctionLiveTest::text).toList(),
                "live mode changes no final moment");
        assertEquals(1, live.rows().size());
        assertEquals(fields(batch.rows().get(0)), fields(live.rows().get(0)), "live mode changes no session column");
        assertFeedAccountsFor(live.moments(), live.feed(), sessionEndS(events));
    }

    @Test
    void shouldSendARuptureOnlyOnceItsEpisodeHasClosedSoARepairInItsWindowNeedsNoWithdrawal() throws Exception {
        List<SessionEvent> events = liveEvents(withLateRepair());
        Run live = run(events, LIVE, BaselineProvider.CALIBRATION);
        // before 2026-12-05 the rupture went out as unaddressed at 14:00 while its repair window
        // ran to 16:40, and the repair at 15:00 then withdrew it
        assertTrue(phase(live.feed(), LiveMomentRow.WITHDRAWN).isEmpty(), "nothing withdrawn: " + live.feed());
        List<LiveMomentRow> rupture =
                live.feed().stream().filter(r -> r.startS == 700).toList();
        assertEquals(1, rupture.size(), live.feed().toString());
        assertEquals("rupture", rupture.get(0).kind, "sent repaired");
        assertEquals(LiveMomentRow.LIVE, rupture.get(0).phase);
        assertTrue(rupture.get(0).knownAtS >= 1000, "not before the episode closed: " + rupture.get(0).knownAtS);
        assertFeedAccountsFor(live.moments(), live.feed(), sessionEndS(events));
    }

    @Test
    void shouldWithdrawTheUnaddressedRuptureWhenARepairArrivesAfterItsEpisodeClosed() throws Exception {
        List<SessionEvent> events = liveEvents(withRepairArrivingLate());
        Run live = run(events, LIVE, BaselineProvider.CALIBRATION);
        Run batch = run(events, null, BaselineProvider.CALIBRATION);
        assertEquals(
                batch.moments().stream()
                        .map(SessionReviewFunctionLiveTest::text)
                        .toList(),
                live.moments().stream().map(SessionReviewFunctionLiveTest::text).toList());
        List<LiveMomentRow> withdrawn = phase(live.feed(), LiveMomentRow.WITHDRAWN);
        assertTrue(
                withdrawn.stream().anyMatch(r -> r.kind.equals("unaddressed_rupture") && r.startS == 700),
                "the rupture sent as unaddressed is withdrawn: " + live.feed());
        assertTrue(
                live.feed().stream()
                        .anyMatch(r -> r.kind.equals("rupture")
                                && r.startS == 700
                                && !r.phase.equals(LiveMomentRow.WITHDRAWN)),
                "and comes back repaired: " + live.feed());
        assertFeedAccountsFor(live.moments(), live.feed(), sessionEndS(events));
    }

    @Test
    void shouldEmitNoLiveMomentsWhenLiveModeIsOff() throws Exception {
        Run batch = run(liveEvents(session.annotations), null, BaselineProvider.CALIBRATION);
        assertEquals(1, batch.rows().size());
        assertTrue(!batch.moments().isEmpty());
        assertEquals(List.of(), batch.feed());
    }

    @Test
    void shouldSkipTheRoundAndStillReviewWhenProvisionalScoringFails() throws Exception {
        BaselineProvider failsWhileRunning = (info, role, ws, as, cfg) -> {
            if (info.provisional) {
                throw new IllegalStateException("a bug in provisional scoring");
            }
            return BaselineProvider.CALIBRATION.baselineFor(info, role, ws, as, cfg);
        };
        List<SessionEvent> events = liveEvents(session.annotations);
        Run run = run(events, LIVE, failsWhileRunning);
        Run batch = run(events, null, BaselineProvider.CALIBRATION);
        assertEquals(1, run.rows().size(), "the session is still reviewed");
        assertEquals(0, run.feedBeforeEnd(), "no round succeeded");
        assertEquals(
                batch.moments().size(), phase(run.feed(), LiveMomentRow.FINAL).size(), "all come at the end");
        assertEquals(run.feed().size(), phase(run.feed(), LiveMomentRow.FINAL).size());
    }

    private static int firstWindowEndingAfter(List<SessionEvent> events, double endS) {
        for (int i = 0; i < events.size(); i++) {
            WindowFeatures w = events.get(i).window;
            if (w != null && !w.endOfStream && w.endS > endS) {
                return i;
            }
        }
        throw new AssertionError("no window ends after " + endS);
    }

    @Test
    void shouldSendTheSameFeedWhenRestoredFromACheckpointMidSession() throws Exception {
        List<SessionEvent> events = liveEvents(withLateRepair());
        Run straight = run(events, LIVE, BaselineProvider.CALIBRATION);
        // after the rupture was sent as unaddressed (horizon 840 s), before its repair (900 s)
        int cut = firstWindowEndingAfter(events, 870);
        List<LiveMomentRow> feed = new ArrayList<>();
        OperatorSubtaskState snapshot;
        try (var h = harness(LIVE, BaselineProvider.CALIBRATION)) {
            h.open();
            for (SessionEvent e : events.subList(0, cut)) {
                h.processElement(new StreamRecord<>(e, 0L));
            }
            snapshot = h.snapshot(1L, 1L);
            feed.addAll(side(h, SessionReviewFunction.LIVE_MOMENTS));
            // what the failed task emits after the checkpoint is replayed after the restore
            for (SessionEvent e : events.subList(cut, cut + 50)) {
                h.processElement(new StreamRecord<>(e, 0L));
            }
        }
        assertTrue(!feed.isEmpty(), "the cut falls after some live records");
        try (var h = harness(LIVE, BaselineProvider.CALIBRATION)) {
            h.setup();
            h.initializeState(snapshot);
            h.open();
            for (SessionEvent e : events.subList(cut, events.size())) {
                h.processElement(new StreamRecord<>(e, 0L));
            }
            feed.addAll(side(h, SessionReviewFunction.LIVE_MOMENTS));
            assertEquals(0, h.numKeyedStateEntries());
        }
        assertEquals(
                straight.feed().stream().map(r -> r + " " + text(r)).toList(),
                feed.stream().map(r -> r + " " + text(r)).toList());
    }

    /**
     * The rounds the cadence rule gives, as {@code eventIndex@horizon}: the horizon is the earliest
     * (or, to show that the choice matters here, the latest) latest window end over the wearers
     * whose stream has not ended; a round is due when it enters a later multiple of {@code everyS}.
     */
    private static List<String> expectedRounds(List<SessionEvent> events, double everyS, boolean earliest) {
        Map<String, Double> latest = new HashMap<>();
        java.util.Set<String> ended = new java.util.HashSet<>();
        List<String> out = new ArrayList<>();
        long last = 0;
        for (int i = 0; i < events.size(); i++) {
            WindowFeatures w = events.get(i).window;
            if (w == null) {
                continue;
            }
            if (w.endOfStream) {
                ended.add(w.role);
                continue;
            }
            latest.merge(w.role, w.endS, Math::max);
            java.util.stream.DoubleStream running = latest.entrySet().stream()
                    .filter(x -> !ended.contains(x.getKey()))
                    .mapToDouble(Map.Entry::getValue);
            double h = (earliest ? running.min() : running.max()).orElseThrow();
            if (Math.floor(h / everyS) > last) {
                last = (long) Math.floor(h / everyS);
                out.add(i + "@" + h);
            }
        }
        return out;
    }

    @Test
    void shouldRescoreOncePerEverySWhenTheEarliestRunningWearerPassesAMultiple() throws Exception {
        LiveMomentsConfig every60 =
                LiveMomentsConfig.builder().set(LiveMomentsConfig.EVERY_S, 60.0).build();
        List<Double> horizons = new ArrayList<>();
        BaselineProvider spy = (info, role, ws, as, cfg) -> {
            if (info.provisional) {
                horizons.add(info.durationS); // a round's info has durationS = its horizon
            }
            return BaselineProvider.CALIBRATION.baselineFor(info, role, ws, as, cfg);
        };
        List<SessionEvent> events = liveEvents(session.annotations, therapistLateAndStopping(95, 900));
        List<String> rounds = new ArrayList<>();
        try (var h = harness(every60, spy)) {
            h.open();
            for (int i = 0; i < events.size() - 1; i++) { // all but the final metadata
                int before = horizons.size();
                h.processElement(new StreamRecord<>(events.get(i), 0L));
                if (horizons.size() > before) {
                    rounds.add(i + "@" + horizons.get(horizons.size() - 1));
                }
            }
        }
        List<String> expected = expectedRounds(events, 60, true);
        assertEquals(expected, rounds);
        assertTrue(expected.size() >= 15, "a 20-minute session has about one round a minute: " + expected);
        assertTrue(!expected.equals(expectedRounds(events, 60, false)), "the late therapist holds the horizon back");
        assertTrue(
                rounds.get(rounds.size() - 1).endsWith("@1200.0"),
                "the client goes on alone once the therapist ended: " + rounds);
    }

    @Test
    void shouldNotRegisterLiveStateWhenLiveModeIsOff() throws Exception {
        List<SessionEvent> events = liveEvents(session.annotations);
        try (var off = harness(null, BaselineProvider.CALIBRATION);
                var on = harness(LIVE, BaselineProvider.CALIBRATION)) {
            off.open();
            on.open();
            for (SessionEvent e : events.subList(0, events.size() / 2)) {
                off.processElement(new StreamRecord<>(e, 0L));
                on.processElement(new StreamRecord<>(e, 0L));
            }
            assertNull(off.getSideOutput(SessionReviewFunction.LIVE_MOMENTS));
            assertTrue(on.numKeyedStateEntries() > off.numKeyedStateEntries(), "live mode keeps its own state");
        }
    }
}
