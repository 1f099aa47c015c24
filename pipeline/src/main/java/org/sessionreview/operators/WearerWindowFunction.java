package org.sessionreview.operators;

import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.sessionreview.config.FeatureConfig;
import org.sessionreview.features.WearerEvents;
import org.sessionreview.features.WearerWindower;
import org.apache.flink.util.OutputTag;
import org.sessionreview.report.ArtifactRow;
import org.sessionreview.report.BeatRow;
import org.sessionreview.report.ScrRow;
import org.sessionreview.model.Role;
import org.sessionreview.model.SampleBlock;
import org.sessionreview.model.SignalChunk;
import org.sessionreview.model.WindowFeatures;

/**
 * Keyed by session and wearer: feeds the wearer's sample blocks to a {@link WearerWindower} and
 * emits each feature window as soon as it is complete.
 *
 * <p>The wearer's end marker says how many data blocks the stream holds; once that many have
 * arrived and the marker too (in either order: batch execution sorts keyed input, a live source
 * may reorder), the last windows are flushed, an end-of-stream record carrying the number of
 * windows emitted follows them, and all state of the key is cleared.
 */
public class WearerWindowFunction extends KeyedProcessFunction<String, SampleBlock, WindowFeatures> {
    private static final long serialVersionUID = 1L;

    public static final OutputTag<ScrRow> SCRS = new OutputTag<>("scrs") {};
    public static final OutputTag<BeatRow> BEATS = new OutputTag<>("beats") {};
    public static final OutputTag<ArtifactRow> ARTIFACTS = new OutputTag<>("artifacts") {};
    public static final OutputTag<SignalChunk> CHUNKS = new OutputTag<>("signal-chunks") {};

    private final FeatureConfig config;
    private transient ValueState<WearerWindower> windower;
    private transient ValueState<Integer> blocksSeen;
    private transient ValueState<Integer> windowsEmitted;
    private transient ValueState<SampleBlock> endMarker;
    private transient ValueState<Integer> chunksEmitted;

    public WearerWindowFunction(FeatureConfig config) {
        this.config = config;
    }

    /** The key of a block: session and wearer. */
    public static String key(SampleBlock b) {
        return b.sessionId + "|" + b.role;
    }

    @Override
    public void open(OpenContext openContext) {
        windower = getRuntimeContext().getState(
                new ValueStateDescriptor<>("wearer-windower", TypeInformation.of(WearerWindower.class)));
        blocksSeen = getRuntimeContext().getState(new ValueStateDescriptor<>("blocks-seen", Types.INT));
        windowsEmitted = getRuntimeContext().getState(new ValueStateDescriptor<>("windows-emitted", Types.INT));
        endMarker = getRuntimeContext().getState(new ValueStateDescriptor<>("end-marker", SampleBlock.class));
        chunksEmitted = getRuntimeContext().getState(new ValueStateDescriptor<>("chunks-emitted", Types.INT));
    }

    @Override
    public void processElement(SampleBlock block, Context ctx, Collector<WindowFeatures> out) throws Exception {
        WearerWindower w = windower.value();
        if (w == null) {
            w = new WearerWindower(config, block.sessionId, Role.parse(block.role)
                    .orElseThrow(() -> new IllegalArgumentException("unknown wearer role '" + block.role + "'")),
                    block.mediaStartMillis);
        }
        if (block.endOfStream) {
            endMarker.update(block);
        } else {
            emit(w.add(block), out);
            blocksSeen.update(count(blocksSeen) + 1);
        }
        SampleBlock end = endMarker.value();
        boolean complete = end != null && count(blocksSeen) >= end.streamBlockCount;
        if (complete) {
            emit(w.finish(end.startMillis), out);
        }
        WearerEvents events = new WearerEvents();
        w.drainEvents(events);
        events.scrs.forEach(r -> ctx.output(SCRS, r));
        events.beats.forEach(r -> ctx.output(BEATS, r));
        events.artifacts.forEach(r -> ctx.output(ARTIFACTS, r));
        events.chunks.forEach(c -> ctx.output(CHUNKS, c));
        if (!events.chunks.isEmpty()) {
            chunksEmitted.update(count(chunksEmitted) + events.chunks.size());
        }
        if (complete) {
            WindowFeatures last = new WindowFeatures();
            last.sessionId = end.sessionId;
            last.role = end.role;
            last.startMillis = end.startMillis;
            last.endOfStream = true;
            last.windowCount = count(windowsEmitted);
            last.chunkCount = count(chunksEmitted);
            out.collect(last);
            windower.clear();
            blocksSeen.clear();
            windowsEmitted.clear();
            endMarker.clear();
            chunksEmitted.clear();
        } else {
            windower.update(w);
        }
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
