package org.sessionreview.jobs.badinput;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.sessionreview.jobs.ChildJvm;
import org.sessionreview.jobs.DuckDb;
import org.sessionreview.jobs.Main;

/** One {@code review} run through {@link Main#run}, and readers of what it wrote. */
final class ReviewRun {
    /** Tables whose rows belong to one session (trainees/ and clients/ aggregate across sessions). */
    static final List<String> SESSION_TABLES = List.of(
            "sessions",
            "moments",
            "windows",
            "scr",
            "beats",
            "artifacts",
            "synchrony",
            "ruptures",
            "segments",
            "baselines",
            "annotations",
            "rejects");

    static final List<String> SIGNAL_TABLES = List.of("windows", "scr", "beats", "artifacts");

    final Path root;
    final Path out;
    final int exit;
    final String stdout;
    final String stderr;
    final long millis;

    private ReviewRun(Path root, Path out, int exit, String stdout, String stderr, long millis) {
        this.root = root;
        this.out = out;
        this.exit = exit;
        this.stdout = stdout;
        this.stderr = stderr;
        this.millis = millis;
    }

    /**
     * Runs {@code review} in a child JVM through {@link Main} (whose {@code main} is {@code
     * System.exit(Main.run(args, System.out, System.err))}), so that a stalled or crashed run is
     * killed at {@code timeout} and reported instead of taking the test JVM down with it.
     */
    static ReviewRun run(Path root, Path out, Duration timeout) throws IOException, InterruptedException {
        Files.createDirectories(out.getParent());
        Path o = out.resolveSibling(out.getFileName() + ".stdout");
        Path e = out.resolveSibling(out.getFileName() + ".stderr");
        List<String> cmd = ChildJvm.main(
                List.of(),
                List.of(
                        "review",
                        "--sessions",
                        root.toString(),
                        "--out",
                        out.toString(),
                        "--allow-demo-key",
                        "--parallelism",
                        "2"));
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd)
                .redirectOutput(o.toFile())
                .redirectError(e.toFile())
                .start();
        boolean done = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!done) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor();
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        String err = Files.readString(e, StandardCharsets.UTF_8);
        if (!done) {
            err = "TIMED OUT: review did not finish within " + timeout.toSeconds() + " s and was killed\n" + err;
        }
        ReviewRun r = new ReviewRun(
                root, out, done ? p.exitValue() : -1, Files.readString(o, StandardCharsets.UTF_8), err, ms);
        System.out.println("review of " + root + ": exit " + r.exit + " in " + ms + " ms\n" + r.stdout + r.stderr);
        return r;
    }

    /** The table folders written (each holding Parquet files). */
    List<String> tables() throws IOException {
        if (!Files.isDirectory(out)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(out)) {
            return s.filter(Files::isDirectory)
                    .filter(ReviewRun::hasParquet)
                    .map(p -> p.getFileName().toString())
                    .sorted()
                    .toList();
        }
    }

    private static boolean hasParquet(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(p -> p.getFileName().toString().endsWith(".parquet"));
        } catch (IOException e) {
            return false;
        }
    }

    String table(String name) {
        return DuckDb.parquet(out.resolve(name));
    }

    /**
     * A session's rows of a table, each as text, sorted. For rejects/ the session is its folder
     * ({@code source_file} below it): a later folder repeating this session_id is rejected under
     * that id, and that row belongs to the later folder, not to this session.
     */
    List<String> rows(DuckDb db, String table, String sessionId, String folder) throws Exception {
        List<String> rows = new ArrayList<>();
        String where =
                table.equals("rejects") ? "source_file LIKE " + q(folder + "/%") : "session_id = " + q(sessionId);
        for (Map<String, Object> r : db.query("SELECT * FROM " + table(table) + " WHERE " + where)) {
            rows.add(r.toString());
        }
        rows.sort(null);
        return rows;
    }

    /**
     * Everything a user can read, by source: every table with every column cast to text (and the
     * Parquet footers' key-value metadata), run.json, baselines.json, stdout and stderr.
     */
    Map<String, String> allText(DuckDb db) throws Exception {
        Map<String, String> text = new LinkedHashMap<>();
        for (String t : tables()) {
            StringBuilder b = new StringBuilder();
            for (Map<String, Object> r : db.query("SELECT COLUMNS(*)::VARCHAR FROM " + table(t))) {
                b.append(r.values()).append('\n');
            }
            String files = out.resolve(t).toString().replace("'", "''") + "/*.parquet";
            for (Map<String, Object> r : db.query(
                    "SELECT key::VARCHAR AS k, value::VARCHAR AS v FROM parquet_kv_metadata('" + files + "')")) {
                b.append(r.values()).append('\n');
            }
            text.put(t + "/", b.toString());
        }
        for (String f : List.of("run.json", "baselines.json")) {
            Path p = out.resolve(f);
            text.put(f, Files.exists(p) ? Files.readString(p) : "");
        }
        text.put("stdout", stdout);
        text.put("stderr", stderr);
        return text;
    }

    /** Sources of {@code text} holding {@code needle}, ignoring case. */
    static List<String> whereFound(Map<String, String> text, String needle) {
        String n = needle.toLowerCase(java.util.Locale.ROOT);
        return text.entrySet().stream()
                .filter(e -> e.getValue().toLowerCase(java.util.Locale.ROOT).contains(n))
                .map(Map.Entry::getKey)
                .toList();
    }

    static String q(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
