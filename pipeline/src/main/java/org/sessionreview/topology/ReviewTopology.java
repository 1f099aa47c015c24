package org.sessionreview.topology;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.sessionreview.config.LiveMomentsConfig;
import org.sessionreview.config.PipelineConfig;
import org.sessionreview.model.Annotation;
import org.sessionreview.model.SampleBlock;
import org.sessionreview.model.SessionInfo;
import org.sessionreview.model.WindowFeatures;
import org.sessionreview.operators.SampleBlockTypeInfo;
import org.sessionreview.operators.SessionEvent;
import org.sessionreview.operators.SessionReviewFunction;
import org.sessionreview.operators.WearerWindowFunction;
import org.sessionreview.report.SessionRow;
import org.sessionreview.scoring.CodedBaselineProvider;

/**
 * The review pipeline as a function from streams to streams, with no sources or sinks, so that
 * the same topology serves a batch over an archive of files, a streaming replay and (later) a
 * live stream:
 *
 * <pre>
 * blocks --(event time)--> keyBy(session, wearer) --wearer-windows--> feature windows --+
 * session metadata ----------------------------------------------------------------------+--> keyBy(session)
 * annotations ---------------------------------------------------------------------------+    --session-review-->
 *                                                                   sessions, moments, scored windows
 * </pre>
 *
 * <p>With a {@link LiveMomentsConfig}, the session review also sends candidate moments while a
 * session is still running ({@link ReviewStreams#liveMoments()}).
 */
public final class ReviewTopology {
    private ReviewTopology() {}

    /** The review of files: no live moments ({@link ReviewStreams#liveMoments()} stays empty). */
    public static ReviewStreams build(
            DataStream<SampleBlock> blocks,
            DataStream<SessionInfo> sessions,
            DataStream<Annotation> annotations,
            PipelineConfig config) {
        return build(blocks, sessions, annotations, config, null);
    }

    /**
     * @param live live-moments settings (provisional moments while a session runs, see {@link
     *     SessionReviewFunction}); null for none, which is {@link #build(DataStream, DataStream,
     *     DataStream, PipelineConfig)}
     */
    public static ReviewStreams build(
            DataStream<SampleBlock> blocks,
            DataStream<SessionInfo> sessions,
            DataStream<Annotation> annotations,
            PipelineConfig config,
            LiveMomentsConfig live) {
        Duration outOfOrder = Duration.ofMillis((long) (config.features().blockSeconds() * 2000));
        DataStream<SampleBlock> timed = blocks.assignTimestampsAndWatermarks(
                        WatermarkStrategy.<SampleBlock>forBoundedOutOfOrderness(outOfOrder)
                                .withTimestampAssigner((b, previous) -> b.startMillis))
                .returns(SampleBlockTypeInfo.INSTANCE) // bulk sample arrays through the keyed shuffle and sort
                .name("block-event-time")
                .uid("block-event-time");

        SingleOutputStreamOperator<WindowFeatures> windows = timed.keyBy(WearerWindowFunction::key)
                .process(new WearerWindowFunction(config.features()))
                .name("wearer-windows")
                .uid("wearer-windows");

        DataStream<SessionEvent> fromWindows = windows.map(SessionEvent::of)
                .returns(SessionEvent.class)
                .name("windows-as-events")
                .uid("windows-as-events");
        DataStream<SessionEvent> fromInfo = sessions.map(SessionEvent::of)
                .returns(SessionEvent.class)
                .name("sessions-as-events")
                .uid("sessions-as-events");
        DataStream<SessionEvent> fromAnnotations = annotations
                .map(SessionEvent::of)
                .returns(SessionEvent.class)
                .name("annotations-as-events")
                .uid("annotations-as-events");

        DataStream<SessionEvent> fromChunks = windows.getSideOutput(WearerWindowFunction.CHUNKS)
                .map(SessionEvent::of)
                .returns(SessionEvent.class)
                .name("chunks-as-events")
                .uid("chunks-as-events");
        SingleOutputStreamOperator<SessionRow> rows = fromWindows
                .union(fromInfo, fromAnnotations, fromChunks)
                .keyBy(e -> e.sessionId)
                .process(new SessionReviewFunction(
                        config.scoring(),
                        new CodedBaselineProvider(config.storedBaselines()),
                        config.synchrony(),
                        config.rupture(),
                        live))
                .name("session-review")
                .uid("session-review");

        return new ReviewStreams(
                rows,
                rows.getSideOutput(SessionReviewFunction.MOMENTS),
                rows.getSideOutput(SessionReviewFunction.WINDOWS),
                rows.getSideOutput(SessionReviewFunction.BASELINES),
                windows.getSideOutput(WearerWindowFunction.SCRS),
                windows.getSideOutput(WearerWindowFunction.BEATS),
                windows.getSideOutput(WearerWindowFunction.ARTIFACTS),
                rows.getSideOutput(SessionReviewFunction.SYNCHRONY),
                rows.getSideOutput(SessionReviewFunction.RUPTURES),
                rows.getSideOutput(SessionReviewFunction.SEGMENTS),
                windows.getSideOutput(WearerWindowFunction.REJECTS)
                        .union(rows.getSideOutput(SessionReviewFunction.REJECTS)),
                rows.getSideOutput(SessionReviewFunction.LIVE_MOMENTS));
    }
}
