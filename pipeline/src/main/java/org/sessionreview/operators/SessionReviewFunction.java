package org.sessionreview.operators;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.sessionreview.config.LiveMomentsConfig;
import org.sessionreview.config.RuptureConfig;
import org.sessionreview.config.ScoringConfig;
import org.sessionreview.config.SynchronyConfig;
import org.sessionreview.model.Annotation;
import org.sessionreview.model.Channel;
import org.sessionreview.model.Reject;
import org.sessionreview.model.SessionInfo;
import org.sessionreview.model.SignalChunk;
import org.sessionreview.model.WindowFeatures;
import org.sessionreview.report.BaselineRow;
import org.sessionreview.report.LiveMomentRow;
import org.sessionreview.report.MomentRow;
import org.sessionreview.report.RuptureRow;
import org.sessionreview.report.SegmentRow;
import org.sessionreview.report.SessionRow;
import org.sessionreview.report.SynchronyRow;
import org.sessionreview.scoring.BaselineProvider;
import org.sessionreview.scoring.BaselineRows;
import org.sessionreview.scoring.CodedEventsStep;
import org.sessionreview.scoring.DyadSynchrony;
import org.sessionreview.scoring.LiveMoments;
import org.sessionreview.scoring.SessionReview;
import org.sessionreview.scoring.SessionReviewer;

/**
 * Keyed by session: gathers the session's metadata, annotations and both wearers' windows, and
 * when the session is complete (metadata seen, every wearer's end marker seen, and as many
 * annotations as the metadata announces) scores it with {@link SessionReviewer}, emits the
 * session row, its moments and its scored windows, and clears all state for the session.
 *
 * <p>Completeness is decided by counts carried in the data rather than by arrival order or the
 * watermark: each wearer's end-of-stream record says how many windows precede it, the metadata
 * says how many annotations to expect. So the result is the same in batch execution (which
 * sorts keyed input) and streaming, whatever order the three inputs interleave in.
 *
 * <p>A wearer whose processing failed upstream (its end-of-stream record is marked {@code
 * failed}) is left out of the review and its channels are listed as missing. A failure while
 * scoring the session emits a rejects row and nothing else for the session; the other sessions
 * are unaffected. State is cleared either way.
 *
 * <p><b>Live mode</b> (a {@link LiveMomentsConfig}; off by default, and then nothing of this
 * paragraph happens): while a session runs, each time its data horizon passes a multiple of
 * {@link LiveMomentsConfig#everyS()} the data received so far is reviewed provisionally ({@link
 * LiveMoments#provisional}: no synchrony, nothing stored is modified, a failure skips the round)
 * and its settled moments not sent before go to {@link #LIVE_MOMENTS} as {@code live} records
 * ({@link LiveMomentsTracker} says when). When the session completes, after its other outputs,
 * {@link #LIVE_MOMENTS} gets the final moments not sent live ({@code final}) and the sent ones the
 * final review does not confirm ({@code withdrawn}; all of them when the final scoring fails).
 */
public class SessionReviewFunction extends KeyedProcessFunction<String, SessionEvent, SessionRow> {
    private static final long serialVersionUID = 1L;

    public static final OutputTag<MomentRow> MOMENTS = new OutputTag<>("moments") {};
    public static final OutputTag<WindowFeatures> WINDOWS = new OutputTag<>("scored-windows") {};
    public static final OutputTag<BaselineRow> BASELINES = new OutputTag<>("baselines") {};
    public static final OutputTag<SynchronyRow> SYNCHRONY = new OutputTag<>("synchrony") {};
    public static final OutputTag<RuptureRow> RUPTURES = new OutputTag<>("ruptures") {};
    public static final OutputTag<SegmentRow> SEGMENTS = new OutputTag<>("segments") {};
    /** A session whose scoring failed: one row for the rejects table (no other rows). */
    public static final OutputTag<Reject> REJECTS = new OutputTag<>("session-failures") {};
    /** Live mode only: moments sent while the session runs, then the final review's difference. */
    public static final OutputTag<LiveMomentRow> LIVE_MOMENTS = new OutputTag<>("live-moments") {};

    private final ScoringConfig config;
    private final BaselineProvider baselines;
    private final SynchronyConfig synchrony;
    private final RuptureConfig rupture;
    /** Null: live mode off. */
    private final LiveMomentsConfig liveConfig;
    /** Null when live mode is off. */
    private transient LiveMomentsTracker live;

    private transient ListState<SignalChunk> chunks;
    private transient MapState<String, Integer> chunksSeen;
    private transient MapState<String, Integer> chunksExpected;
    private transient SessionReviewer reviewer;
    private transient ValueState<SessionInfo> info;
    private transient ListState<WindowFeatures> windows;
    private transient ListState<Annotation> annotations;
    private transient MapState<String, Integer> windowsSeen;
    private transient MapState<String, Integer> windowsExpected;
    private transient ValueState<Integer> annotationsSeen;
    private transient MapState<String, Boolean> failedWearers;

    public SessionReviewFunction(
            ScoringConfig config, BaselineProvider baselines, SynchronyConfig synchrony, RuptureConfig rupture) {
        this(config, baselines, synchrony, rupture, null);
    }

    /**
     * @param live live-mode settings; null for none (a review of files: the outputs are exactly
     *     those of the constructor without it)
     */
    public SessionReviewFunction(
            ScoringConfig config,
            BaselineProvider baselines,
            SynchronyConfig synchrony,
            RuptureConfig rupture,
            LiveMomentsConfig live) {
        this.config = config;
        this.baselines = baselines;
        this.synchrony = synchrony;
        this.rupture = rupture;
        this.liveConfig = live;
    }

    @Override
    public void open(OpenContext openContext) {
        reviewer = new SessionReviewer(baselines);
        info = getRuntimeContext().getState(new ValueStateDescriptor<>("info", SessionInfo.class));
        windows = getRuntimeContext().getListState(new ListStateDescriptor<>("windows", WindowFeatures.class));
        annotations = getRuntimeContext().getListState(new ListStateDescriptor<>("annotations", Annotation.class));
        windowsSeen =
                getRuntimeContext().getMapState(new MapStateDescriptor<>("windows-seen", Types.STRING, Types.INT));
        windowsExpected =
                getRuntimeContext().getMapState(new MapStateDescriptor<>("windows-expected", Types.STRING, Types.INT));
        annotationsSeen = getRuntimeContext().getState(new ValueStateDescriptor<>("annotations-seen", Types.INT));
        chunks = getRuntimeContext().getListState(new ListStateDescriptor<>("chunks", SignalChunk.class));
        chunksSeen = getRuntimeContext().getMapState(new MapStateDescriptor<>("chunks-seen", Types.STRING, Types.INT));
        chunksExpected =
                getRuntimeContext().getMapState(new MapStateDescriptor<>("chunks-expected", Types.STRING, Types.INT));
        failedWearers = getRuntimeContext()
                .getMapState(new MapStateDescriptor<>("failed-wearers", Types.STRING, Types.BOOLEAN));
        live = liveConfig == null ? null : new LiveMomentsTracker(liveConfig, getRuntimeContext());
    }

    @Override
    public void processElement(SessionEvent e, Context ctx, Collector<SessionRow> out) throws Exception {
        try (StageClock.Scope stage = StageClock.enter(StageClock.Stage.SCORING)) {
            process(e, ctx, out);
        }
    }

    private void process(SessionEvent e, Context ctx, Collector<SessionRow> out) throws Exception {
        if (live != null) {
            live.arrived(e.info != null ? e.info.arrivalMillis : e.window != null ? e.window.arrivalMillis : 0);
        }
        if (e.info != null) {
            info.update(e.info);
        } else if (e.annotation != null) {
            annotations.add(e.annotation);
            annotationsSeen.update(count(annotationsSeen) + 1);
        } else if (e.chunk != null) {
            chunks.add(e.chunk);
            Integer seen = chunksSeen.get(e.chunk.role);
            chunksSeen.put(e.chunk.role, seen == null ? 1 : seen + 1);
        } else if (e.window != null) {
            if (e.window.endOfStream) {
                windowsExpected.put(e.window.role, e.window.windowCount);
                chunksExpected.put(e.window.role, e.window.chunkCount);
                if (e.window.failed) {
                    failedWearers.put(e.window.role, true);
                }
            } else {
                windows.add(e.window);
                Integer seen = windowsSeen.get(e.window.role);
                windowsSeen.put(e.window.role, seen == null ? 1 : seen + 1);
                if (live != null) {
                    live.window(e.window);
                }
            }
        }
        SessionInfo i = info.value();
        if (i != null && !i.provisional && count(annotationsSeen) >= i.annotationCount && wearersComplete(i)) {
            emit(i, ctx, out);
        } else if (live != null && i != null && e.window != null && !e.window.endOfStream) {
            liveRound(i, e.window.arrivalMillis, ctx);
        }
    }

    /**
     * Live mode: a provisional review when one is due, its newly settled moments sent, stamped
     * with {@code arrivalMillis} (that of the window that triggered the round).
     */
    private void liveRound(SessionInfo stored, long arrivalMillis, Context ctx) throws Exception {
        Set<String> ended = new HashSet<>();
        windowsExpected.keys().forEach(ended::add);
        OptionalDouble horizon = live.due(stored, ended);
        if (horizon.isEmpty()) {
            return;
        }
        List<MomentRow> found;
        try {
            SessionInfo i = withoutFailedWearers(stored);
            found = LiveMoments.provisional(
                    reviewer, i, windowsOf(i), annotationList(), horizon.getAsDouble(), config, rupture, synchrony);
        } catch (RuntimeException e) {
            // too little data yet (no baseline) or a bug: a provisional round must not fail the
            // session or the job; the next round starts from the data again
            return;
        }
        live.send(found, horizon.getAsDouble(), arrivalMillis).forEach(r -> ctx.output(LIVE_MOMENTS, r));
    }

    private boolean wearersComplete(SessionInfo i) throws Exception {
        for (String role : i.wearers) {
            Integer expected = windowsExpected.get(role);
            Integer seen = windowsSeen.get(role);
            if (expected == null || (seen == null ? 0 : seen) < expected) {
                return false;
            }
            Integer chunkExpected = chunksExpected.get(role);
            Integer chunkSeen = chunksSeen.get(role);
            if (chunkExpected == null || (chunkSeen == null ? 0 : chunkSeen) < chunkExpected) {
                return false;
            }
        }
        return true;
    }

    /** Everything a session's review emits, computed before any of it is emitted. */
    private record Outputs(
            SessionReview review,
            List<BaselineRow> baselines,
            DyadSynchrony.Result sync,
            CodedEventsStep.Result coded,
            SessionRow row) {}

    private void emit(SessionInfo stored, Context ctx, Collector<SessionRow> out) throws Exception {
        Outputs o;
        try {
            o = compute(stored);
        } catch (RuntimeException e) {
            // only the scoring is guarded: an exception from a downstream operator (a sink that
            // cannot write) must fail the job, not pass for this session's failure
            ctx.output(REJECTS, ProcessingFailures.session(ctx.getCurrentKey(), stored, e));
            o = null;
        }
        if (o != null) {
            o.review().scoredWindows().forEach(w -> ctx.output(WINDOWS, w));
            o.review().moments().forEach(m -> ctx.output(MOMENTS, m));
            o.baselines().forEach(b -> ctx.output(BASELINES, b));
            o.sync().windows().forEach(r -> ctx.output(SYNCHRONY, r));
            o.coded().moments().forEach(m -> ctx.output(MOMENTS, m));
            o.coded().ruptures().forEach(r -> ctx.output(RUPTURES, r));
            o.coded().review().segmentRows().forEach(r -> ctx.output(SEGMENTS, r));
            out.collect(o.row());
        }
        if (live != null) {
            List<MomentRow> finalMoments = new ArrayList<>();
            if (o != null) {
                finalMoments.addAll(o.review().moments());
                finalMoments.addAll(o.coded().moments());
            }
            live.finish(finalMoments, stored.durationS).forEach(r -> ctx.output(LIVE_MOMENTS, r));
            live.clear();
        }
        info.clear();
        windows.clear();
        annotations.clear();
        windowsSeen.clear();
        windowsExpected.clear();
        chunks.clear();
        chunksSeen.clear();
        chunksExpected.clear();
        annotationsSeen.clear();
        failedWearers.clear();
    }

    private Outputs compute(SessionInfo stored) throws Exception {
        SessionInfo i = withoutFailedWearers(stored);
        List<WindowFeatures> ws = windowsOf(i);
        List<Annotation> as = annotationList();
        List<SignalChunk> cs = new ArrayList<>();
        chunks.get().forEach(c -> {
            if (i.wearers.contains(c.role)) {
                cs.add(c);
            }
        });
        SessionReview review = reviewer.review(i, ws, as, config);
        DyadSynchrony.Result sync;
        try (StageClock.Scope stage = StageClock.enter(StageClock.Stage.SYNCHRONY)) {
            sync = DyadSynchrony.compute(i.sessionId, i.mediaStartMillis, cs, synchrony);
        }
        SessionRow row = review.sessionRow();
        CodedEventsStep.Result coded = CodedEventsStep.apply(i, review, as, sync, row, rupture, synchrony);
        List<BaselineRow> baselineRows = BaselineRows.of(i, review.baselines());
        if (sync.session() != null && "ok".equals(sync.session().status())) {
            row.synchronyEs = finite(sync.session().es());
            row.synchronyPercentile = finite(sync.session().percentile());
            row.clientLeadsShare = finite(sync.session().clientLeadsShare());
            row.synchronyEsClientLeads = finite(sync.session().esClientLeads());
            row.synchronyEsTherapistLeads = finite(sync.session().esTherapistLeads());
            row.synchronyShareAbovePseudo = finite(sync.session().shareOfLagsAbovePseudo());
            row.synchronySurrogateEs = finite(sync.session().surrogateEs());
        }
        row.missingChannels = new ArrayList<>(i.missingChannels);
        return new Outputs(review, baselineRows, sync, coded, row);
    }

    /** The stored windows of the wearers of {@code i}, in arrival order. */
    private List<WindowFeatures> windowsOf(SessionInfo i) throws Exception {
        List<WindowFeatures> ws = new ArrayList<>();
        windows.get().forEach(w -> {
            if (i.wearers.contains(w.role)) {
                ws.add(w);
            }
        });
        return ws;
    }

    /** The stored annotations, in arrival order. */
    private List<Annotation> annotationList() throws Exception {
        List<Annotation> as = new ArrayList<>();
        annotations.get().forEach(as::add);
        // one total order, whatever order the shuffle or a live stream delivered them in
        as.sort(Annotation.ORDER);
        return as;
    }

    /** The session as reviewed: a wearer whose processing failed is left out, its channels missing. */
    private SessionInfo withoutFailedWearers(SessionInfo i) throws Exception {
        if (failedWearers.isEmpty()) {
            return i;
        }
        SessionInfo copy = i.copy();
        for (String role : failedWearers.keys()) {
            copy.wearers.remove(role);
            for (Channel c : Channel.values()) {
                String missing = role + ":" + c.name();
                if (!copy.missingChannels.contains(missing)) {
                    copy.missingChannels.add(missing);
                }
            }
        }
        return copy;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static int count(ValueState<Integer> s) throws Exception {
        Integer v = s.value();
        return v == null ? 0 : v;
    }
}
