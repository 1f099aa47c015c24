package org.sessionreview.operators;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * A second stage over finished rows: keeps each key's rows and, when the input ends, hands them
 * to a plain step ({@link Step}) and emits what it returns; then clears the key's state.
 *
 * <p>"When the input ends" is an event-time timer at {@code Long.MAX_VALUE}: in BATCH mode it
 * fires after the key's last row, in STREAMING mode when the bounded input's final watermark
 * arrives. The rows of one key are few (one per session of a trainee, say), so they are buffered
 * in list state; the keys spread over the subtasks.
 *
 * @param <K> key
 * @param <IN> finished rows, e.g. session rows
 * @param <OUT> rows of the derived table
 */
public class GroupAtEndFunction<K, IN, OUT> extends KeyedProcessFunction<K, IN, OUT> {
    private static final long serialVersionUID = 1L;

    /** The plain computation over one key's rows (no Flink types). */
    @FunctionalInterface
    public interface Step<IN, OUT> extends Serializable {
        List<OUT> apply(List<IN> rows);
    }

    private final Step<IN, OUT> step;
    private final TypeInformation<IN> inType;
    private transient ListState<IN> rows;
    private transient ValueState<Boolean> armed;

    public GroupAtEndFunction(Step<IN, OUT> step, TypeInformation<IN> inType) {
        this.step = step;
        this.inType = inType;
    }

    @Override
    public void open(OpenContext ctx) {
        rows = getRuntimeContext().getListState(new ListStateDescriptor<>("rows", inType));
        armed = getRuntimeContext().getState(new ValueStateDescriptor<>("armed", Types.BOOLEAN));
    }

    @Override
    public void processElement(IN row, Context ctx, Collector<OUT> out) throws Exception {
        rows.add(row);
        if (armed.value() == null) {
            ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
            armed.update(Boolean.TRUE);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<OUT> out) throws Exception {
        List<IN> all = new ArrayList<>();
        for (IN r : rows.get()) {
            all.add(r);
        }
        rows.clear();
        armed.clear();
        for (OUT o : step.apply(all)) {
            out.collect(o);
        }
    }
}
