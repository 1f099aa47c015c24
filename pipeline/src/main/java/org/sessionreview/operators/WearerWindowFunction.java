package org.sessionreview.operators;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.sessionreview.config.FeatureConfig;
import org.sessionreview.features.WearerEvents;
import org.sessionreview.features.WearerWindower;
import org.sessionreview.model.Reject;
import org.sessionreview.model.Role;
import org.sessionreview.model.SampleBlock;
import org.sessionreview.model.SignalChunk;
import org.sessionreview.model.WindowFeatures;
import org.sessionreview.report.ArtifactRow;
import org.sessionreview.report.BeatRow;
import org.sessionreview.report.ScrRow;

/**
 * Keyed by session and wearer: feeds the wearer's sample blocks to a {@link WearerWindower} and
 * emits each feature window as soon as it is complete.
 *
 * <p>The wearer's end marker says how many data blocks the stream holds; once that many have
 * arrived and the marker too (in either order: batch execution sorts keyed input, a live source
 * may reorder), the last windows are flushed, an end-of-stream record carrying the number of
 * windows emitted follows them, and all state of the key is cleared.
 *
 * <p>A failure while processing one wearer's stream (an exception from the plain steps, which
 * validated input should never cause) does not fail the job: the wearer gets a rejects row and an
 * end-of-stream record marked {@code failed}, the rest of its blocks are counted and dropped, and
 * the state is cleared when the stream is complete, as usual. Event rows (SCRs, beats, artifacts)
 * emitted before the failure stay in their tables.
 */
public class WearerWindowFunction extends KeyedProcessFunction<String, SampleBlock, WindowFeatures> {
    private static final long serialVersionUID = 1L;

    public static final OutputTag<ScrRow> SCRS = new OutputTag<>("scrs") {};
    public static final OutputTag<BeatRow> BEATS = new OutputTag<>("beats") {};
    public static final OutputTag<ArtifactRow> ARTIFACTS = new OutputTag<>("artifacts") {};
    public static final OutputTag<SignalChunk> CHUNKS = new OutputTag<>("signal-chunks") {};
    /** A wearer whose processing failed: one row for the rejects table. */
    public static final OutputTag<Reject> REJECTS = new OutputTag<>("wearer-failures") {};

    private final FeatureConfig config;
    private transient ValueState<WearerWindower> windower;
    private transient ValueState<Integer> blocksSeen;
    private transient ValueState<Integer> windowsEmitted;
    private transient ValueState<SampleBlock> endMarker;
    private transient ValueState<Integer> chunksEmitted;
    /** Set when this wearer's processing failed: the rest of its blocks are only counted. */
    private transient ValueState<Boolean> failed;

    public WearerWindowFunction(FeatureConfig config) {
        this.config = config;
    }

    /** The key of a block: session and wearer. */
    public static String key(SampleBlock b) {
        return b.sessionId + "|" + b.role;
    }

    @Override
    public void open(OpenContext openContext) {
        windower = getRuntimeContext()
                .getState(new ValueStateDescriptor<>("wearer-windower", TypeInformation.of(WearerWindower.class)));
        blocksSeen = getRuntimeContext().getState(new ValueStateDescriptor<>("blocks-seen", Types.INT));
        windowsEmitted = getRuntimeContext().getState(new ValueStateDescriptor<>("windows-emitted", Types.INT));
        endMarker = getRuntimeContext().getState(new ValueStateDescriptor<>("end-marker", SampleBlock.class));
        chunksEmitted = getRuntimeContext().getState(new ValueStateDescriptor<>("chunks-emitted", Types.INT));
        failed = getRuntimeContext().getState(new ValueStateDescriptor<>("failed", Types.BOOLEAN));
    }

    @Override
    public void processElement(SampleBlock block, Context ctx, Collector<WindowFeatures> out) throws Exception {
        try (StageClock.Scope stage = StageClock.enter(StageClock.Stage.WEARER)) {
            process(block, ctx, out);
        }
    }

    private void process(SampleBlock block, Context ctx, Collector<WindowFeatures> out) throws Exception {
        if (block.endOfStream) {
            endMarker.update(block);
        } else {
            blocksSeen.update(count(blocksSeen) + 1);
        }
        SampleBlock end = endMarker.value();
        boolean complete = end != null && count(blocksSeen) >= end.streamBlockCount;
        if (failed.value() == null) {
            // Only the plain steps are guarded: an exception from a downstream operator (a sink
            // that cannot write) must fail the job, not pass for this wearer's failure.
            Step step;
            try {
                step = compute(block, complete, end);
            } catch (RuntimeException e) {
                // One wearer's failure must not fail the run: reject it, tell the session operator
                // at once (with the counts emitted so far), and ignore the rest of this stream.
                failed.update(true);
                windower.clear();
                ctx.output(REJECTS, ProcessingFailures.wearer(block, e));
                out.collect(endRecord(block, true, block.arrivalMillis));
                step = null;
            }
            if (step != null) {
                emit(step, complete, end, block.arrivalMillis, ctx, out);
            }
        }
        if (complete) {
            windower.clear();
            blocksSeen.clear();
            windowsEmitted.clear();
            endMarker.clear();
            chunksEmitted.clear();
            failed.clear();
        }
    }

    /** What one block produced, computed before anything is emitted. */
    private record Step(WearerWindower windower, List<WindowFeatures> windows, WearerEvents events) {}

    private Step compute(SampleBlock block, boolean complete, SampleBlock end) throws Exception {
        WearerWindower w = windower.value();
        if (w == null) {
            w = new WearerWindower(
                    config,
                    block.sessionId,
                    Role.parse(block.role).orElseThrow(() -> new IllegalArgumentException("unknown wearer role")),
                    block.mediaStartMillis);
        }
        List<WindowFeatures> windows = new ArrayList<>();
        if (!block.endOfStream) {
            windows.addAll(w.add(block));
        }
        if (complete) {
            windows.addAll(w.finish(end.startMillis));
        }
        WearerEvents events = new WearerEvents();
        w.drainEvents(events);
        return new Step(w, windows, events);
    }

    /** Emits what one block produced; {@code arrivalMillis}: the block's, set on each record emitted. */
    private void emit(
            Step step,
            boolean complete,
            SampleBlock end,
            long arrivalMillis,
            Context ctx,
            Collector<WindowFeatures> out)
            throws Exception {
        step.windows().forEach(w -> w.arrivalMillis = arrivalMillis);
        emit(step.windows(), out);
        WearerEvents events = step.events();
        events.scrs.forEach(r -> ctx.output(SCRS, r));
        events.beats.forEach(r -> ctx.output(BEATS, r));
        events.artifacts.forEach(r -> ctx.output(ARTIFACTS, r));
        events.chunks.forEach(c -> ctx.output(CHUNKS, c));
        if (!events.chunks.isEmpty()) {
            chunksEmitted.update(count(chunksEmitted) + events.chunks.size());
        }
        if (complete) {
            out.collect(endRecord(end, false, arrivalMillis));
        } else {
            windower.update(step.windower());
        }
    }

    /**
     * The wearer's end-of-stream record with the counts emitted so far; {@code arrivalMillis}: that
     * of the block being processed (live input; 0 for files).
     */
    private WindowFeatures endRecord(SampleBlock b, boolean failedStream, long arrivalMillis) throws Exception {
        WindowFeatures last = new WindowFeatures();
        last.sessionId = b.sessionId;
        last.role = b.role;
        last.startMillis = b.startMillis;
        last.endOfStream = true;
        last.failed = failedStream;
        last.windowCount = count(windowsEmitted);
        last.chunkCount = count(chunksEmitted);
        last.arrivalMillis = arrivalMillis;
        return last;
    }

    private void emit(List<WindowFeatures> windows, Collector<WindowFeatures> out) throws Exception {
        for (WindowFeatures f : windows) {
            out.collect(f);
        }
        if (!windows.isEmpty()) {
            windowsEmitted.update(count(windowsEmitted) + windows.size());
        }
    }

    private static int count(ValueState<Integer> s) throws Exception {
        Integer v = s.value();
        return v == null ? 0 : v;
    }
}
