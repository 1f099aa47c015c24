package org.sessionreview.operators;

import java.util.Locale;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.sessionreview.live.LiveAssembler;
import org.sessionreview.live.LiveMessage;
import org.sessionreview.live.LiveSession;
import org.sessionreview.model.Annotation;
import org.sessionreview.model.Reject;
import org.sessionreview.model.SampleBlock;
import org.sessionreview.model.SessionInfo;

/**
 * Keyed by session id in lower case ({@link #key}): a live session's messages in, what the review topology takes out (sample
 * blocks; metadata, annotations and rejects as side outputs), through a {@link LiveAssembler}.
 *
 * <p>A session ends on its {@code session_end} message or after {@link #silenceMillis} without a
 * message, on the event-time clock of the Kafka record timestamps (one event-time timer per
 * session, re-armed when it fires early); either way its state is cleared. A short tombstone
 * (cleared by a timer after {@link #retentionMillis}) remembers that the id has ended, so that a
 * late or replayed message does not start the session again.
 *
 * <p>Rejects that refuse a whole message go to {@link #DEAD_LETTERS} as well as {@link #REJECTS}.
 *
 * <p>Every message is counted once as read and once as accepted or refused (the accumulators
 * {@link #READ}, {@link #ACCEPTED}, {@link #REFUSED}, summed over subtasks by the JobManager and
 * shown in Flink's web UI): read = accepted + refused, and each refused message has its dead letter
 * and its {@code rejects/} row. A message is refused when it produced a dead letter; rejects that
 * concern a session rather than a message (gaps filled, an end by silence) refuse nothing.
 */
public class LiveIngestFunction extends KeyedProcessFunction<String, LiveMessage, SampleBlock> {
    private static final long serialVersionUID = 1L;

    public static final OutputTag<SessionInfo> SESSIONS = new OutputTag<>("live-sessions") {};
    public static final OutputTag<Annotation> ANNOTATIONS = new OutputTag<>("live-annotations") {};
    /** Every rejects row of the live input (messages, gaps filled, events outside the session). */
    public static final OutputTag<Reject> REJECTS = new OutputTag<>("live-rejects") {};
    /** The rejects that refuse a whole message: for the dead-letter topic. */
    public static final OutputTag<Reject> DEAD_LETTERS = new OutputTag<>("live-dead-letters") {};
    /** Accumulator: input messages read since the job (re)started. */
    public static final String READ = "live.messages_read";
    /** Accumulator: messages taken into a session. */
    public static final String ACCEPTED = "live.messages_accepted";
    /** Accumulator: messages refused (dead letter and rejects/ row). */
    public static final String REFUSED = "live.messages_refused";

    private final LiveAssembler assembler;
    private final long silenceMillis;
    private final long retentionMillis;
    private transient ValueState<LiveSession> session;
    private transient ValueState<Long> timer;
    private transient ValueState<Long> endedAt;
    private transient LongCounter read;
    private transient LongCounter accepted;
    private transient LongCounter refused;

    /**
     * @param silenceMillis a session without a message for this long has ended, ms
     * @param retentionMillis how long an ended session's id is remembered, ms
     */
    public LiveIngestFunction(LiveAssembler assembler, long silenceMillis, long retentionMillis) {
        this.assembler = assembler;
        this.silenceMillis = silenceMillis;
        this.retentionMillis = retentionMillis;
    }

    /**
     * The key of a message: its session id in lower case ("" when it has none, e.g. a record that is
     * not JSON), so that ids differing only in case ({@code S1}, {@code s1}) meet one session's
     * state, where the first one's messages are taken and the other's refused, as {@code review}
     * rejects a folder repeating an earlier one's id in another case.
     */
    public static String key(LiveMessage m) {
        return m.sessionId == null ? "" : m.sessionId.toLowerCase(Locale.ROOT);
    }

    @Override
    public void open(OpenContext openContext) {
        session = getRuntimeContext()
                .getState(new ValueStateDescriptor<>("live-session", TypeInformation.of(LiveSession.class)));
        timer = getRuntimeContext().getState(new ValueStateDescriptor<>("silence-timer", Types.LONG));
        endedAt = getRuntimeContext().getState(new ValueStateDescriptor<>("ended-at", Types.LONG));
        read = counter(READ);
        accepted = counter(ACCEPTED);
        refused = counter(REFUSED);
    }

    private LongCounter counter(String name) {
        LongCounter c = new LongCounter();
        getRuntimeContext().addAccumulator(name, c);
        return c;
    }

    @Override
    public void processElement(LiveMessage m, Context ctx, Collector<SampleBlock> out) throws Exception {
        try (StageClock.Scope stage = StageClock.enter(StageClock.Stage.INGEST)) {
            Output o = new Output(ctx, out);
            process(m, ctx, o);
            read.add(1);
            (o.refused ? refused : accepted).add(1);
        }
    }

    private void process(LiveMessage m, Context ctx, Output o) throws Exception {
        LiveSession s = session.value();
        if (s == null && endedAt.value() != null && m.problem == null) {
            o.reject(
                    new Reject(
                            m.sessionId,
                            m.source(),
                            m.offset,
                            (m.type == null ? "record" : m.type)
                                    + ": the session has already ended (a session id is used once); ignored",
                            null),
                    true);
            return;
        }
        if (m.sessionId == null && m.problem != null) {
            o.reject(new Reject(null, m.source(), m.offset, "record: " + m.problem, null), true);
            return;
        }
        if (s != null && s.info != null && m.sessionId != null && !m.sessionId.equals(s.info.sessionId)) {
            o.reject(
                    new Reject(
                            m.sessionId,
                            m.source(),
                            m.offset,
                            (m.type == null ? "record" : m.type) + ": its session_id differs only in case from"
                                    + " that of a running live session (one session in any case, as in review);"
                                    + " ignored",
                            null),
                    true);
            return;
        }
        LiveSession next = assembler.accept(s, m, o);
        if (next == null) {
            if (s != null) {
                ended(ctx, m.timestampMillis);
            }
            return;
        }
        session.update(next);
        if (timer.value() == null) {
            long at = next.lastMessageMillis + silenceMillis;
            ctx.timerService().registerEventTimeTimer(at);
            timer.update(at);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<SampleBlock> out) throws Exception {
        LiveSession s = session.value();
        if (s == null) {
            Long ended = endedAt.value();
            if (ended != null && timestamp >= ended + retentionMillis) {
                endedAt.clear();
            }
            return;
        }
        long due = s.lastMessageMillis + silenceMillis;
        if (due > timestamp) {
            ctx.timerService().registerEventTimeTimer(due);
            timer.update(due);
            return;
        }
        Output o = new Output(ctx, out);
        o.reject(
                new Reject(
                        s.info.sessionId,
                        s.source,
                        s.lastOffset,
                        String.format(
                                Locale.ROOT,
                                "session ended by silence: no message for %.0f s and no session_end",
                                silenceMillis / 1000.0),
                        null),
                false);
        assembler.finish(s, timestamp, o); // the timer's time stands for the arrival of what ended it
        ended(ctx, timestamp);
    }

    private void ended(Context ctx, long at) throws Exception {
        session.clear();
        Long t = timer.value();
        if (t != null) {
            ctx.timerService().deleteEventTimeTimer(t);
            timer.clear();
        }
        endedAt.update(at);
        ctx.timerService().registerEventTimeTimer(at + retentionMillis);
    }

    /** The assembler's results as this operator's outputs. */
    private static final class Output implements LiveAssembler.Output {
        private final Context ctx;
        private final Collector<SampleBlock> out;
        /** Whether a reject refused the message being processed (a dead letter). */
        boolean refused;

        Output(Context ctx, Collector<SampleBlock> out) {
            this.ctx = ctx;
            this.out = out;
        }

        @Override
        public void block(SampleBlock block) {
            out.collect(block);
        }

        @Override
        public void session(SessionInfo info) {
            ctx.output(SESSIONS, info);
        }

        @Override
        public void annotation(Annotation annotation) {
            ctx.output(ANNOTATIONS, annotation);
        }

        @Override
        public void reject(Reject reject, boolean message) {
            ctx.output(REJECTS, reject);
            if (message) {
                ctx.output(DEAD_LETTERS, reject);
                refused = true;
            }
        }
    }
}
