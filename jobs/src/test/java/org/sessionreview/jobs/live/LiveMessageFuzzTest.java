package org.sessionreview.jobs.live;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sessionreview.config.PipelineConfig;
import org.sessionreview.ingest.IngestedSession;
import org.sessionreview.ingest.SessionIngestor;
import org.sessionreview.ingest.session.Pseudonymizer;
import org.sessionreview.live.LiveAssembler;
import org.sessionreview.live.LiveJson;
import org.sessionreview.live.LiveMessage;
import org.sessionreview.model.Reject;
import org.sessionreview.model.SampleBlock;
import org.sessionreview.model.SignalChunk;
import org.sessionreview.model.WindowFeatures;
import org.sessionreview.operators.LiveIngestFunction;
import org.sessionreview.operators.SessionEvent;
import org.sessionreview.operators.SessionReviewFunction;
import org.sessionreview.operators.WearerWindowFunction;
import org.sessionreview.report.SessionRow;
import org.sessionreview.scoring.BaselineProvider;

/**
 * A sample session's live messages (as {@code replay} sends them), one of them damaged at random
 * with a fixed seed, read as the live job reads Kafka records ({@link LiveJson#parse}) and run
 * through the live ingest operator and the two review operators. A live job that throws on a
 * record fails, restarts from its checkpoint and meets the same record again, so: no operator may
 * throw, no internal error may reject a wearer or the session, a damaged message costs at most
 * itself (and the messages that depend on it: a damaged start leaves the session unstarted), and
 * a session that started is reviewed once.
 *
 * <p>{@code -Dlivefuzz.cases=N} (default 40) and {@code -Dlivefuzz.seed=S}.
 */
class LiveMessageFuzzTest {
    private static final PipelineConfig CONFIG = PipelineConfig.defaults();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    private static final List<String> ODD = List.of(
            "",
            "NaN",
            "1e309",
            "-1e309",
            "-1",
            "0",
            "99999999999999999999",
            "9223372036854775807",
            "\"x\"",
            "null",
            "[]",
            "{}",
            "true",
            "1.5");

    private record Record(byte[] key, byte[] value, long dueMillis) {}

    private static final List<Record> MESSAGES = new ArrayList<>();
    /** Indexes of the messages other than samples: session_start, events, session_end. */
    private static final List<Integer> SPECIAL = new ArrayList<>();

    @BeforeAll
    static void replaySampleSession() {
        Path samples = Path.of("..", "sample-data").toAbsolutePath().normalize();
        IngestedSession s =
                new SessionIngestor(CONFIG, Pseudonymizer.demo(), null).ingest(samples, "2026-03-02_T01_1000");
        assertTrue(s.info != null && s.rejects.isEmpty(), "sample session not readable: " + s.rejects);
        RecordedSession recorded = RecordedSession.of(s, CONFIG.features().blockMillis());
        for (Iterator<DueMessage> it = recorded.replay(1); it.hasNext(); ) {
            DueMessage d = it.next();
            MESSAGES.add(new Record(
                    d.message().sessionId.getBytes(StandardCharsets.UTF_8),
                    LiveJson.write(d.message()),
                    d.dueMillis()));
            if (!d.message().type.equals(LiveMessage.SAMPLES)) {
                SPECIAL.add(MESSAGES.size() - 1);
            }
        }
    }

    @Test
    void shouldNeverThrowAndCostNoMoreThanTheDamagedMessage() throws Exception {
        int cases = Integer.getInteger("livefuzz.cases", 40);
        long seed = Long.getLong("livefuzz.seed", 20261205L);
        List<String> failures = new ArrayList<>();
        int refused = 0;
        for (int i = 0; i < cases; i++) {
            Random rnd = new Random(new SplittableRandom(seed + i).nextLong());
            List<Record> records = new ArrayList<>(MESSAGES);
            // one case in four damages a session_start, session_end or event: rare among the samples
            int at = rnd.nextInt(4) == 0 ? SPECIAL.get(rnd.nextInt(SPECIAL.size())) : rnd.nextInt(records.size());
            String what = damage(records, at, rnd);
            String label = "case " + i + " (message " + at + " of " + MESSAGES.size() + ", " + typeOf(MESSAGES.get(at))
                    + ", " + what + ")";
            String type = typeOf(MESSAGES.get(at));
            boolean boundary = type.equals(LiveMessage.SESSION_START) || type.equals(LiveMessage.SESSION_END);
            try {
                refused += run(label, records, boundary, failures) ? 1 : 0;
            } catch (Exception | AssertionError e) {
                failures.add(label + ": threw " + e);
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " problems:\n" + String.join("\n", failures));
        if (cases >= 20) {
            assertTrue(refused >= cases / 4, "only " + refused + " of " + cases + " damaged messages were refused");
        }
    }

    private static String typeOf(Record r) {
        try {
            return JSON.readTree(r.value()).path("type").asText();
        } catch (Exception e) {
            return "?";
        }
    }

    /** Damages the message at {@code at} in place (or drops, repeats or moves it); says what it did. */
    private static String damage(List<Record> records, int at, Random rnd) throws Exception {
        Record r = records.get(at);
        byte[] v = r.value();
        switch (rnd.nextInt(9)) {
            case 0 -> {
                byte[] c = v.clone();
                c[rnd.nextInt(c.length)] = (byte) rnd.nextInt(256);
                records.set(at, new Record(r.key(), c, r.dueMillis()));
                return "a byte changed";
            }
            case 1 -> {
                records.set(at, new Record(r.key(), Arrays.copyOf(v, rnd.nextInt(v.length)), r.dueMillis()));
                return "cut short";
            }
            case 2 -> {
                String text = new String(v, StandardCharsets.UTF_8);
                List<int[]> spans = new ArrayList<>();
                for (Matcher m = NUMBER.matcher(text); m.find(); ) {
                    spans.add(new int[] {m.start(), m.end()});
                }
                if (spans.isEmpty()) {
                    return "nothing (no number)";
                }
                int[] s = spans.get(rnd.nextInt(spans.size()));
                String odd = ODD.get(rnd.nextInt(ODD.size()));
                String t = text.substring(0, s[0]) + odd + text.substring(s[1]);
                records.set(at, new Record(r.key(), t.getBytes(StandardCharsets.UTF_8), r.dueMillis()));
                return "a number replaced by '" + odd + "'";
            }
            case 3 -> {
                records.remove(at);
                return "dropped";
            }
            case 4 -> {
                records.add(at, r);
                return "sent twice";
            }
            case 5 -> {
                int to = rnd.nextInt(records.size());
                records.remove(at);
                records.add(to, r);
                return "moved to position " + to;
            }
            case 6 -> {
                records.set(at, new Record("another-session".getBytes(StandardCharsets.UTF_8), v, r.dueMillis()));
                return "sent under another key";
            }
            case 7 -> {
                ObjectNode o = (ObjectNode) JSON.readTree(v);
                List<String> names = new ArrayList<>();
                o.fieldNames().forEachRemaining(names::add);
                String name = names.get(rnd.nextInt(names.size()));
                o.remove(name);
                records.set(at, new Record(r.key(), JSON.writeValueAsBytes(o), r.dueMillis()));
                return "field " + name + " removed";
            }
            default -> {
                ObjectNode o = (ObjectNode) JSON.readTree(v);
                List<String> names = new ArrayList<>();
                o.fieldNames().forEachRemaining(names::add);
                String name = names.get(rnd.nextInt(names.size()));
                String odd = ODD.get(rnd.nextInt(ODD.size()));
                JsonNode value = odd.isEmpty()
                        ? JSON.getNodeFactory().textNode("")
                        : odd.equals("NaN") ? JSON.getNodeFactory().numberNode(Double.NaN) : JSON.readTree(odd);
                o.set(name, value);
                records.set(at, new Record(r.key(), JSON.writeValueAsBytes(o), r.dueMillis()));
                return "field " + name + " set to " + (odd.isEmpty() ? "\"\"" : odd);
            }
        }
    }

    /** Runs the records through the live job's operators; true when some message was refused. */
    private static boolean run(String label, List<Record> records, boolean boundaryDamaged, List<String> failures)
            throws Exception {
        List<SampleBlock> blocks = new ArrayList<>();
        List<SessionEvent> events = new ArrayList<>();
        List<Reject> refusals = new ArrayList<>();
        List<Reject> deadLetters = new ArrayList<>();
        try (KeyedOneInputStreamOperatorTestHarness<String, LiveMessage, SampleBlock> h =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new LiveIngestFunction(
                                new LiveAssembler(
                                        CONFIG.features().blockMillis(),
                                        CONFIG.e4MaxDurationHours(),
                                        LiveJob.MAX_AHEAD_S),
                                60_000,
                                LiveJob.ENDED_RETENTION.toMillis())),
                        LiveIngestFunction::key,
                        Types.STRING)) {
            h.open();
            for (int k = 0; k < records.size(); k++) {
                Record r = records.get(k);
                LiveMessage m = LiveJson.parse(r.key(), r.value());
                m.topic = "sessions";
                m.partition = 0;
                m.offset = k;
                m.timestampMillis = r.dueMillis();
                h.processElement(new StreamRecord<>(m, r.dueMillis()));
            }
            h.processWatermark(Long.MAX_VALUE);
            blocks.addAll(h.extractOutputValues());
            if (h.getSideOutput(LiveIngestFunction.SESSIONS) != null) {
                h.getSideOutput(LiveIngestFunction.SESSIONS).forEach(x -> events.add(SessionEvent.of(x.getValue())));
            }
            if (h.getSideOutput(LiveIngestFunction.ANNOTATIONS) != null) {
                h.getSideOutput(LiveIngestFunction.ANNOTATIONS).forEach(x -> events.add(SessionEvent.of(x.getValue())));
            }
            if (h.getSideOutput(LiveIngestFunction.REJECTS) != null) {
                h.getSideOutput(LiveIngestFunction.REJECTS).forEach(x -> refusals.add(x.getValue()));
            }
            if (h.getSideOutput(LiveIngestFunction.DEAD_LETTERS) != null) {
                h.getSideOutput(LiveIngestFunction.DEAD_LETTERS).forEach(x -> deadLetters.add(x.getValue()));
            }
        }
        // the session's metadata is sent at its start and again, complete, at its end
        long sessions = events.stream()
                .filter(e -> e.info != null)
                .map(e -> e.info.sessionId)
                .distinct()
                .count();
        // one damaged message costs itself (a message sent twice: the copy; moved far: itself, and
        // the gap it leaves, given up as missing, is a reject but no dead letter). A session's
        // messages before its session_start, and after its session_end, are refused by contract
        if (deadLetters.size() > 1 && !boundaryDamaged) {
            failures.add(label + ": " + deadLetters.size() + " messages refused: "
                    + deadLetters.stream().limit(4).map(x -> x.reason).toList());
        }
        long internalErrors = refusals.stream()
                .filter(x -> x.reason != null && x.reason.contains("internal error"))
                .count();
        if (internalErrors > 0) {
            failures.add(label + ": internal error in the live ingest: " + refusals);
        }
        // blocks -> windows -> the session's review, as the live topology wires them
        try (KeyedOneInputStreamOperatorTestHarness<String, SampleBlock, WindowFeatures> h =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new WearerWindowFunction(CONFIG.features()), WearerWindowFunction::key, Types.STRING)) {
            for (SampleBlock b : blocks) {
                h.processElement(new StreamRecord<>(b, b.startMillis));
            }
            h.extractOutputValues().forEach(w -> events.add(SessionEvent.of(w)));
            if (h.getSideOutput(WearerWindowFunction.CHUNKS) != null) {
                for (StreamRecord<SignalChunk> c : h.getSideOutput(WearerWindowFunction.CHUNKS)) {
                    events.add(SessionEvent.of(c.getValue()));
                }
            }
            if (h.getSideOutput(WearerWindowFunction.REJECTS) != null) {
                failures.add(label + ": a wearer failed: " + h.getSideOutput(WearerWindowFunction.REJECTS));
            }
        }
        try (KeyedOneInputStreamOperatorTestHarness<String, SessionEvent, SessionRow> h =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new SessionReviewFunction(
                                CONFIG.scoring(), BaselineProvider.CALIBRATION, CONFIG.synchrony(), CONFIG.rupture()),
                        (SessionEvent e) -> e.sessionId,
                        Types.STRING)) {
            for (SessionEvent e : events) {
                h.processElement(new StreamRecord<>(e, 0L));
            }
            if (h.getSideOutput(SessionReviewFunction.REJECTS) != null) {
                failures.add(
                        label + ": the session's scoring failed: " + h.getSideOutput(SessionReviewFunction.REJECTS));
            }
            if (h.extractOutputValues().size() != sessions) {
                failures.add(label + ": " + h.extractOutputValues().size() + " session rows for " + sessions
                        + " sessions started");
            }
        }
        if (System.getProperty("livefuzz.verbose") != null) {
            System.out.println(label + " -> " + sessions + " session(s), " + deadLetters.size() + " refused, "
                    + refusals.size() + " rejects: "
                    + refusals.stream().limit(3).map(x -> x.reason).toList());
        }
        return !deadLetters.isEmpty();
    }
}
