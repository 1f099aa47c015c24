package org.sessionreview.operators;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.sessionreview.config.FeatureConfig;
import org.sessionreview.features.WearerWindower;
import org.sessionreview.model.Role;
import org.sessionreview.model.SampleBlock;
import org.sessionreview.model.WindowFeatures;

/**
 * Keyed by session and wearer: feeds the wearer's sample blocks to a {@link WearerWindower} and
 * emits each feature window as soon as it is complete. The wearer's end marker flushes the last
 * windows, emits an end-of-stream window record and clears the state.
 */
public class WearerWindowFunction extends KeyedProcessFunction<String, SampleBlock, WindowFeatures> {
    private static final long serialVersionUID = 1L;

    private final FeatureConfig config;
    private transient ValueState<WearerWindower> windower;

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
    }

    @Override
    public void processElement(SampleBlock block, Context ctx, Collector<WindowFeatures> out)
            throws Exception {
        WearerWindower w = windower.value();
        if (w == null) {
            w = new WearerWindower(config, block.sessionId, Role.parse(block.role)
                    .orElseThrow(() -> new IllegalArgumentException("unknown wearer role '" + block.role + "'")),
                    block.mediaStartMillis);
        }
        if (block.endOfStream) {
            for (WindowFeatures f : w.finish(block.startMillis)) {
                out.collect(f);
            }
            WindowFeatures end = new WindowFeatures();
            end.sessionId = block.sessionId;
            end.role = block.role;
            end.startMillis = block.startMillis;
            end.endOfStream = true;
            out.collect(end);
            windower.clear();
            return;
        }
        for (WindowFeatures f : w.add(block)) {
            out.collect(f);
        }
        windower.update(w);
    }
}
