package org.sessionreview.jobs.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.sessionreview.jobs.badinput.ReviewRun.q;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sessionreview.jobs.DuckDb;

/**
 * Runs {@code review} once over the whole bad-input corpus beside an intact session, and once
 * over the intact session alone; then checks each case's expected outcome (one dynamic test per
 * case, named {@code nn-kind}), that the intact session's rows are unchanged, that the input is
 * untouched and that nothing is silently dropped. The six E4 killers also run one by one beside
 * the intact session, each within seconds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputCorpusITCase {
    /**
     * Each killer beside INTACT must finish within this (JVM and MiniCluster start included; about
     * 15 s on an idle 2-core machine, the printed figure). Before the plausibility limits these runs
     * exhausted the heap or hung for minutes; the margin is for a loaded machine.
     */
    private static final Duration KILLER_RUN = Duration.ofSeconds(150);
    /** The whole corpus must finish within this; a stalled run is killed and every case fails with it. */
    private static final Duration CORPUS_RUN = Duration.ofMinutes(10);

    @TempDir
    static Path tmp;

    /**
     * Diagnostic only: {@code -Dbadinput.skip=kind,kind} leaves those cases out of the corpus run
     * (they are reported as skipped, never as passed), to see the other cases while a killer still
     * sinks the whole run.
     */
    private static final List<String> SKIP =
            List.of(System.getProperty("badinput.skip", "").split(","));

    private final List<BadInputCase> selected = BadInputCorpus.cases().stream()
            .filter(c -> !SKIP.contains(c.kind()))
            .toList();
    private BaseSession base;
    private Path root;
    private Map<String, String> before;
    private ReviewRun corpus;
    private ReviewRun intactOnly;
    private DuckDb db;
    private Map<String, String> text;

    @BeforeAll
    @Timeout(value = 10, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void runCorpusAndIntactAlone() throws Exception {
        root = tmp.resolve("sessions");
        base = BadInputCorpus.write(root, selected);
        before = InputSnapshot.of(root);
        corpus = ReviewRun.run(root, tmp.resolve("out"), CORPUS_RUN);
        Path alone = tmp.resolve("intact-only");
        BadInputCorpus.writeIntact(alone, base);
        intactOnly = ReviewRun.run(alone, tmp.resolve("out-intact"), KILLER_RUN);
        db = new DuckDb();
        text = corpus.allText(db);
    }

    @AfterAll
    void close() throws Exception {
        if (db != null) {
            db.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> eachCaseHasItsExpectedOutcome() {
        CaseCheck check = new CaseCheck(corpus, db, text, base);
        return BadInputCorpus.cases().stream()
                .map(c -> DynamicTest.dynamicTest(c.name(), () -> {
                    assumeFalse(
                            c.needsNonRoot() && BadInputCorpus.runningAsRoot(), "file permissions do not bind root");
                    assumeFalse(SKIP.contains(c.kind()), "left out of this run with -Dbadinput.skip");
                    List<String> failures = check.failures(c);
                    if (!failures.isEmpty()) {
                        fail(c.name() + ": " + String.join("\n  ", failures));
                    }
                }));
    }

    @Test
    void shouldExitZeroWhenInputIsBad() {
        assertEquals(0, corpus.exit, corpus.stderr + corpus.stdout);
        assertEquals(0, intactOnly.exit, intactOnly.stderr + intactOnly.stdout);
    }

    /**
     * Every case is a copy of one session, so its undamaged files repeat across sessions: the
     * console says so in a bounded number of short lines (run.json lists them all).
     */
    @Test
    void shouldNameRecordingsFiledUnderSeveralSessionsInAFewLines() {
        requireCompletedRun();
        List<String> lines = corpus.stdout
                .lines()
                .filter(l -> l.endsWith("one recording filed twice?"))
                .toList();
        assertTrue(lines.size() >= 2 && lines.size() <= 10, String.join("\n", lines));
        for (String l : lines) {
            assertTrue(l.length() < 400, l);
            assertTrue(l.contains("identical wearable file"), l);
        }
        assertEquals(
                0,
                intactOnly.stdout.lines().filter(l -> l.contains("filed twice")).count(),
                intactOnly.stdout);
    }

    /** Checks on outputs mean nothing when the run failed: say so instead of passing vacuously. */
    private void requireCompletedRun() {
        assertEquals(
                0,
                corpus.exit,
                "the corpus run failed, its outputs are not checked: "
                        + CaseCheck.firstLine(corpus.stderr + corpus.stdout));
    }

    @Test
    void shouldKeepTheIntactSessionsRowsUnchangedBesideBadInput() throws Exception {
        requireCompletedRun();
        assertIntactUnchanged(corpus);
    }

    private void assertIntactUnchanged(ReviewRun run) throws Exception {
        List<String> diffs = new ArrayList<>();
        for (String t : ReviewRun.SESSION_TABLES) {
            List<String> alone = intactOnly.tables().contains(t)
                    ? intactOnly.rows(db, t, BadInputCorpus.INTACT_ID, BadInputCorpus.INTACT)
                    : List.of();
            List<String> beside = run.tables().contains(t)
                    ? run.rows(db, t, BadInputCorpus.INTACT_ID, BadInputCorpus.INTACT)
                    : List.of();
            if (!alone.equals(beside)) {
                List<String> onlyAlone = new ArrayList<>(alone);
                onlyAlone.removeAll(beside);
                List<String> onlyBeside = new ArrayList<>(beside);
                onlyBeside.removeAll(alone);
                diffs.add(t + "/: " + alone.size() + " rows alone, " + beside.size()
                        + " beside bad input; first only alone: "
                        + onlyAlone.stream().findFirst().orElse("-") + "; first only beside: "
                        + onlyBeside.stream().findFirst().orElse("-"));
            }
        }
        assertTrue(
                intactOnly
                                .rows(db, "sessions", BadInputCorpus.INTACT_ID, BadInputCorpus.INTACT)
                                .size()
                        == 1,
                "INTACT reviewed when alone");
        assertTrue(diffs.isEmpty(), String.join("\n", diffs));
    }

    @Test
    void shouldLeaveTheInputTreeByteIdentical() throws Exception {
        String diff = InputSnapshot.diff(before, InputSnapshot.of(root));
        assertTrue(diff.isEmpty(), "the run changed its input:\n" + diff);
    }

    @Test
    void shouldListOnlyRelativePathsInsideTheRootAndBalancedCountsInRunJson() throws Exception {
        requireCompletedRun();
        Path runJson = corpus.out.resolve("run.json");
        assertTrue(Files.isRegularFile(runJson), "run.json written");
        assertTrue(!Files.readString(runJson).contains("/etc/passwd"), "run.json names /etc/passwd");
        List<String> problems = new ArrayList<>();
        for (JsonNode f : new ObjectMapper().readTree(runJson.toFile()).path("inputs")) {
            String p = f.path("path").asText();
            if (!CaseCheck.isCleanRelative(p, null)
                    || !root.resolve(p).normalize().startsWith(root)) {
                problems.add("path not relative inside the root: " + p);
            }
            long read = f.path("records_read").asLong();
            long acc = f.path("records_accepted").asLong();
            long rej = f.path("records_rejected").asLong();
            if (read != acc + rej) {
                problems.add(p + ": records_read " + read + " != accepted " + acc + " + rejected " + rej);
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void shouldWriteNoAbsoluteInputPathIntoTheTables() {
        requireCompletedRun();
        List<String> where = ReviewRun.whereFound(text, root.toString()).stream()
                .filter(k -> k.endsWith("/"))
                .toList();
        assertEquals(List.of(), where, "tables naming the absolute sessions root " + root);
    }

    @Test
    void shouldAccountForEverySessionFolder() throws Exception {
        requireCompletedRun();
        CaseCheck check = new CaseCheck(corpus, db, text, base);
        List<String> dropped = new ArrayList<>();
        assertEquals(1, check.count("sessions", "session_id = " + q(BadInputCorpus.INTACT_ID)), "INTACT reviewed");
        for (BadInputCase c : selected) {
            boolean seen = check.count("sessions", "session_id = " + q(c.sessionId())) > 0
                    || check.count("rejects", "source_file LIKE " + q(c.folder() + "/%")) > 0
                    || corpus.stdout.contains(c.folder());
            if (!seen) {
                dropped.add(c.folder());
            }
        }
        assertTrue(dropped.isEmpty(), "silently dropped: " + dropped);
    }

    @Test
    void shouldNeverWriteTheRawClientId() {
        requireCompletedRun();
        assertEquals(List.of(), ReviewRun.whereFound(text, base.clientId()), "raw client_id " + base.clientId());
    }

    @Test
    void shouldCutRejectReasonsAndRawText() throws Exception {
        requireCompletedRun();
        Map<String, Object> r = db.query(
                        "SELECT max(length(reason)) AS reason, max(length(raw)) AS raw FROM " + corpus.table("rejects"))
                .get(0);
        assertTrue(((Number) r.get("reason")).longValue() <= 240, "longest reason " + r.get("reason"));
        assertTrue(r.get("raw") == null || ((Number) r.get("raw")).longValue() <= 200, "longest raw " + r.get("raw"));
    }

    @TestFactory
    Stream<DynamicTest> eachKillerBesideIntactWithinSeconds() {
        return BadInputCorpus.killers().stream()
                .map(c -> DynamicTest.dynamicTest(c.name(), () -> {
                    assumeFalse(SKIP.contains(c.kind()), "left out of this run with -Dbadinput.skip");
                    Path r = tmp.resolve("killer-" + c.name());
                    BadInputCorpus.write(r.resolve("sessions"), List.of(c));
                    ReviewRun run = ReviewRun.run(r.resolve("sessions"), r.resolve("out"), KILLER_RUN);
                    assertEquals(
                            0, run.exit, c.name() + " beside INTACT: " + CaseCheck.firstLine(run.stderr + run.stdout));
                    List<String> failures = new CaseCheck(run, db, run.allText(db), base).failures(c);
                    assertTrue(failures.isEmpty(), c.name() + ": " + String.join("\n  ", failures));
                    assertIntactUnchanged(run);
                }));
    }
}
