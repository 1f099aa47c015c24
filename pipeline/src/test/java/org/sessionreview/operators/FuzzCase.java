package org.sessionreview.operators;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.sessionreview.config.PipelineConfig;
import org.sessionreview.ingest.IngestedSession;
import org.sessionreview.model.Annotation;
import org.sessionreview.model.InputFileStats;
import org.sessionreview.model.Reject;
import org.sessionreview.model.SampleBlock;
import org.sessionreview.model.SignalChunk;
import org.sessionreview.model.WindowFeatures;
import org.sessionreview.report.SessionRow;
import org.sessionreview.scoring.BaselineProvider;

/** The checks of one damaged session for {@link DamagedInputFuzzTest}; returns what failed. */
final class FuzzCase {
    /** Text every synthetic note of the sample cohort holds (sample-data/README.md). */
    private static final List<String> NOTE_MARKERS = List.of("NOTE-PHI-CANARY", "synthetic note");

    private static final Pattern FAILURE_KIND = Pattern.compile("\\((\\w+(?:Exception|Error))\\)");

    /** Per session: the undamaged read's account of each file. */
    private static final Map<String, Map<String, String>> BASELINE = new HashMap<>();
    /** Per session: the raw client identifier from its session.json. */
    private static final Map<String, String> CLIENT_IDS = new HashMap<>();

    private final String label;
    private final String session;
    private final String damagedName;
    private final boolean localDamage;
    private final IngestedSession in;
    private final IngestedSession again;
    private final List<String> failures = new ArrayList<>();

    FuzzCase(
            String label,
            String session,
            String damagedName,
            boolean localDamage,
            IngestedSession in,
            IngestedSession again) {
        this.label = label;
        this.session = session;
        this.damagedName = damagedName;
        this.localDamage = localDamage;
        this.in = in;
        this.again = again;
    }

    static void baseline(String session, IngestedSession clean) {
        BASELINE.put(session, accounts(clean));
        if (clean.info == null || !clean.rejects.isEmpty()) {
            throw new IllegalStateException("the undamaged copy of " + session + " has rejects: " + clean.rejects);
        }
    }

    static void clientId(String session, Path manifest) {
        try {
            CLIENT_IDS.put(
                    session,
                    new ObjectMapper()
                            .readTree(Files.readAllBytes(manifest))
                            .path("client_id")
                            .asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> accounts(IngestedSession s) {
        Map<String, String> m = new HashMap<>();
        for (InputFileStats f : s.files) {
            m.put(f.path, f.recordsRead + "/" + f.recordsAccepted + "/" + f.recordsRejected);
        }
        return m;
    }

    List<String> check(PipelineConfig config) throws Exception {
        checkAccounts();
        checkRejects(in.rejects, "ingest");
        checkOtherFiles();
        checkLocalDamageCostsLittle();
        checkSameTwice();
        checkAnnotations();
        if (in.info != null) {
            review(config);
        }
        return failures;
    }

    private void fail(String what) {
        failures.add(label + ": " + what);
    }

    private void checkAccounts() {
        for (InputFileStats f : in.files) {
            if (f.recordsRead != f.recordsAccepted + f.recordsRejected
                    || f.recordsAccepted < 0
                    || f.recordsRejected < 0) {
                fail("records do not add up: " + f);
            }
            if (f.recordsRejected > 0 && in.rejects.stream().noneMatch(r -> f.path.equals(r.sourceFile))) {
                fail("rejected records without a reject row: " + f);
            }
        }
    }

    private void checkRejects(List<Reject> rejects, String stage) {
        for (Reject r : rejects) {
            if (r.sourceFile == null
                    || r.sourceFile.isBlank()
                    || r.reason == null
                    || r.reason.isBlank()
                    || r.line < 0) {
                fail(stage + " reject without file, line or reason: " + describe(r));
            }
            if (r.reason != null && r.reason.contains("internal error")) {
                fail(stage + " internal error: " + describe(r));
            }
            Matcher m = r.reason == null ? null : FAILURE_KIND.matcher(r.reason);
            if (m != null && m.find() && isUncheckedFailure(m.group(1))) {
                fail(stage + " a file lost to an unchecked exception: " + describe(r));
            }
            String client = CLIENT_IDS.get(session);
            for (String text : new String[] {r.reason, r.raw}) {
                if (text == null) {
                    continue;
                }
                if (client != null && !client.isBlank() && text.contains(client)) {
                    fail(stage + " reject quotes the client identifier: " + describe(r));
                }
                for (String note : NOTE_MARKERS) {
                    if (text.contains(note)) {
                        fail(stage + " reject quotes a note: " + describe(r));
                    }
                }
            }
        }
    }

    /** True for a failure of the code rather than of reading: a RuntimeException or an Error. */
    static boolean isUncheckedFailure(String simpleName) {
        for (String pkg :
                new String[] {"java.lang.", "java.util.", "java.time.", "java.time.format.", "java.util.regex."}) {
            try {
                Class<?> c = Class.forName(pkg + simpleName);
                return RuntimeException.class.isAssignableFrom(c) && !UncheckedIOException.class.isAssignableFrom(c)
                        || Error.class.isAssignableFrom(c);
            } catch (ClassNotFoundException e) {
                // try the next package
            }
        }
        return false;
    }

    private static String describe(Reject r) {
        return r.sourceFile + " line " + r.line + ": " + r.reason;
    }

    private void checkOtherFiles() {
        boolean sessionWide = damagedName.equals("session.json") || damagedName.startsWith("codebook");
        if (sessionWide || in.info == null) {
            return;
        }
        Map<String, String> before = BASELINE.get(session);
        Map<String, String> now = accounts(in);
        List<String> zipEntries = new ArrayList<>();
        for (Map.Entry<String, String> e : before.entrySet()) {
            String path = e.getKey();
            if (path.endsWith("/" + damagedName) || path.endsWith(".json")) {
                continue;
            }
            if (!e.getValue().equals(now.get(path))) {
                String change = path + " read/accepted/rejected " + e.getValue() + " -> " + now.get(path);
                if (path.contains("/" + damagedName + "/")) {
                    zipEntries.add(change);
                } else {
                    fail("undamaged file " + change);
                }
            }
        }
        // a zip's entries are compressed: damage inside one costs the rest of that entry, never the
        // entries after it. Local damage changes up to three places (bytes, or lines, which in a
        // zip's bytes may span two entries): at most three entries. A cut or damage all over may
        // cost any of them
        boolean wholeZip = !localDamage || label.contains("cut at a random byte");
        if (!wholeZip && zipEntries.size() > 3) {
            fail("damage to a line or two of a zip changed " + zipEntries.size() + " of its entries: " + zipEntries);
        }
    }

    /**
     * Damage to a line or two costs a few records, not the file: more than {@link
     * #LOCAL_DAMAGE_RECORDS} rejected records are a failure unless the damage hit a header row
     * (a reject at line 1 or 2, which rejects the file as a whole by design) or the file is one
     * document rather than lines of records (session.json, a codebook, an XML file) or compressed
     * (a zip: see {@link #checkOtherFiles}).
     */
    private void checkLocalDamageCostsLittle() {
        if (!localDamage
                || damagedName.endsWith(".json")
                || damagedName.endsWith(".eaf")
                || damagedName.endsWith(".boris")
                || damagedName.endsWith(".zip")) {
            return;
        }
        for (InputFileStats f : in.files) {
            if (!f.path.endsWith("/" + damagedName) || f.recordsRejected <= LOCAL_DAMAGE_RECORDS) {
                continue;
            }
            boolean header = in.rejects.stream().anyMatch(r -> f.path.equals(r.sourceFile) && r.line <= 2);
            if (!header) {
                fail("damage to a line or two cost " + f.recordsRejected + " records: " + f + "; first rejects "
                        + in.rejects.stream()
                                .filter(r -> f.path.equals(r.sourceFile))
                                .limit(3)
                                .map(FuzzCase::describe)
                                .toList());
            }
        }
    }

    /** The most records damage to one or two lines (up to three changed bytes) may cost. */
    private static final int LOCAL_DAMAGE_RECORDS = 6;

    private void checkSameTwice() {
        if (!accounts(in).equals(accounts(again))
                || !rejectText(in).equals(rejectText(again))
                || in.blocks.size() != again.blocks.size()
                || in.annotations.size() != again.annotations.size()) {
            fail("the same bytes read twice gave different accounts");
        }
    }

    private static List<String> rejectText(IngestedSession s) {
        return s.rejects.stream().map(FuzzCase::describe).toList();
    }

    private void checkAnnotations() {
        for (Annotation a : in.annotations) {
            for (String text : new String[] {a.code, a.actor, a.label, a.modifiers, a.family}) {
                if (text != null && NOTE_MARKERS.stream().anyMatch(text::contains)) {
                    fail("an accepted annotation carries note text in " + a);
                }
            }
        }
    }

    /** Both keyed operators over the damaged session, as the review topology wires them. */
    private void review(PipelineConfig config) throws Exception {
        List<SessionEvent> events = new ArrayList<>();
        try (KeyedOneInputStreamOperatorTestHarness<String, SampleBlock, WindowFeatures> h =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new WearerWindowFunction(config.features()), WearerWindowFunction::key, Types.STRING)) {
            for (SampleBlock b : in.blocks) {
                h.processElement(new StreamRecord<>(b, b.startMillis));
            }
            h.extractOutputValues().forEach(w -> events.add(SessionEvent.of(w)));
            for (SignalChunk c : h.getSideOutput(WearerWindowFunction.CHUNKS) == null
                    ? List.<SignalChunk>of()
                    : h.getSideOutput(WearerWindowFunction.CHUNKS).stream()
                            .map(StreamRecord::getValue)
                            .toList()) {
                events.add(SessionEvent.of(c));
            }
            checkRejects(values(h.getSideOutput(WearerWindowFunction.REJECTS)), "wearer");
        }
        in.annotations.forEach(a -> events.add(SessionEvent.of(a)));
        events.add(SessionEvent.of(in.info));
        try (KeyedOneInputStreamOperatorTestHarness<String, SessionEvent, SessionRow> h =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new SessionReviewFunction(
                                config.scoring(), BaselineProvider.CALIBRATION, config.synchrony(), config.rupture()),
                        (SessionEvent e) -> e.sessionId,
                        Types.STRING)) {
            for (SessionEvent e : events) {
                h.processElement(new StreamRecord<>(e, 0L));
            }
            checkRejects(values(h.getSideOutput(SessionReviewFunction.REJECTS)), "session");
            if (h.extractOutputValues().size() != 1) {
                fail(h.extractOutputValues().size() + " session rows, expected 1");
            }
        }
    }

    private static <T> List<T> values(java.util.Queue<StreamRecord<T>> q) {
        return q == null ? List.of() : q.stream().map(StreamRecord::getValue).toList();
    }
}
