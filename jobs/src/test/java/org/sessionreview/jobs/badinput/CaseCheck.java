package org.sessionreview.jobs.badinput;

import static org.sessionreview.jobs.badinput.ReviewRun.q;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.sessionreview.jobs.DuckDb;

/** Checks one case's expected outcome against a run's outputs; collects every failure. */
final class CaseCheck {
    private final ReviewRun run;
    private final DuckDb db;
    private final Map<String, String> text;
    private final BaseSession base;

    CaseCheck(ReviewRun run, DuckDb db, Map<String, String> text, BaseSession base) {
        this.run = run;
        this.db = db;
        this.text = text;
        this.base = base;
    }

    /** The failures, first the most telling; empty when the case holds. */
    List<String> failures(BadInputCase c) throws Exception {
        List<String> f = new ArrayList<>();
        Expectation e = c.expect();
        if (run.exit != 0) {
            f.add("exit code " + run.exit + " (expected 0): " + firstLine(run.stderr + run.stdout));
            return f;
        }
        String sid = e.sessionIdOverride != null ? e.sessionIdOverride : c.sessionId();
        long rows = count("sessions", "session_id = " + q(sid));
        switch (e.reviewed) {
            case YES -> {
                if (rows != 1) {
                    f.add(rows + " sessions/ rows for " + sid + ", expected 1 (reviewed); rejects: " + rejectsOf(c));
                }
            }
            case NO -> {
                if (rows != 0) {
                    f.add("session " + sid + " was reviewed, expected not");
                }
            }
            default -> {}
        }
        for (Expectation.RejectRow r : e.rejects) {
            String like = like(c, r.fileLike());
            String where = "source_file LIKE " + q(like) + (r.line() == null ? "" : " AND line = " + r.line())
                    + (r.keyword() == null
                            ? ""
                            : " AND lower(reason) LIKE " + q("%" + r.keyword().toLowerCase() + "%"));
            if (count("rejects", where) == 0) {
                f.add("no reject row " + r + " (" + like + "); rejects of the case: " + rejectsOf(c));
            }
        }
        for (Map.Entry<String, Integer> r : e.rejectRows.entrySet()) {
            long n = count("rejects", "source_file LIKE " + q(like(c, r.getKey())));
            if (n != r.getValue()) {
                f.add(n + " reject rows for " + like(c, r.getKey()) + ", expected " + r.getValue() + ": "
                        + rejectsOf(c));
            }
        }
        for (String clean : e.clean) {
            long n = count("rejects", "source_file LIKE " + q(like(c, clean)));
            if (n > 0) {
                f.add(n + " reject rows for accepted input " + like(c, clean) + ": " + rejectsOf(c));
            }
        }
        if (rows == 1 && e.sessionIdOverride == null) {
            Set<String> missing = new TreeSet<>();
            for (Map<String, Object> m : db.query("SELECT unnest(missing_channels) AS m FROM " + run.table("sessions")
                    + " WHERE session_id = " + q(sid))) {
                missing.add(String.valueOf(m.get("m")));
            }
            Set<String> required = new TreeSet<>(e.missing);
            Set<String> allowed = new TreeSet<>(e.missing);
            allowed.addAll(e.mayMiss);
            if (!missing.containsAll(required) || !allowed.containsAll(missing)) {
                f.add("missing_channels " + missing + ", expected " + required
                        + (e.mayMiss.isEmpty() ? "" : " (may add " + e.mayMiss + ")"));
            }
        }
        if (rows == 1) {
            for (String fragment : e.flagReasons) {
                long n = count(
                        "sessions",
                        "session_id = " + q(sid) + " AND len(list_filter(flag_reasons, r -> r LIKE "
                                + q("%" + fragment + "%") + ")) > 0");
                if (n == 0) {
                    f.add("no flag reason containing '" + fragment + "'");
                }
            }
            // every case: an anxiety moment is somewhere a supervisor can jump to in the video
            if (run.tables().contains("moments")) {
                long outside = ((Number) db.scalar("SELECT count(*) FROM " + run.table("moments") + " m JOIN "
                                + run.table("sessions") + " s USING (session_id) WHERE m.session_id = " + q(sid)
                                + " AND m.kind = 'anxiety_episode' AND (m.end_s <= 0 OR m.start_s >= s.duration_s)"))
                        .longValue();
                if (outside > 0) {
                    f.add(outside + " anxiety moments outside the video (0 to duration_s)");
                }
            }
        }
        for (Map.Entry<String, Integer> a : e.annotationsFrom.entrySet()) {
            long n = count(
                    "annotations",
                    "session_id = " + q(c.sessionId()) + " AND source_file LIKE " + q(like(c, a.getKey())));
            if (n != a.getValue()) {
                f.add(n + " annotations/ rows from " + a.getKey() + ", expected " + a.getValue());
            }
        }
        if (e.noSignalRowsFor != null) {
            for (String t : ReviewRun.SIGNAL_TABLES) {
                long n = count(t, "session_id = " + q(sid) + " AND role = " + q(e.noSignalRowsFor));
                if (n > 0) {
                    f.add(n + " " + t + "/ rows for the " + e.noSignalRowsFor
                            + ", whose data lies outside the session folder");
                }
            }
        }
        for (Map.Entry<String, Integer> w : e.readWhole.entrySet()) {
            String like = like(c, w.getKey());
            java.util.regex.Pattern re = java.util.regex.Pattern.compile(
                    java.util.regex.Pattern.quote(like).replace("%", "\\E.*\\Q").replace("_", "\\E.\\Q"));
            int n = 0;
            for (com.fasterxml.jackson.databind.JsonNode in : inputs()) {
                if (re.matcher(in.path("path").asText()).matches()) {
                    n++;
                    if (in.path("records_accepted").asLong() == 0
                            || in.path("records_rejected").asLong() != 0) {
                        f.add("input " + in.path("path").asText() + " not read whole: " + in);
                    }
                }
            }
            if (n < w.getValue()) {
                f.add(n + " run.json inputs match " + like + ", expected at least " + w.getValue());
            }
        }
        for (String path : pathsOf(c)) {
            if (!isCleanRelative(path, c.folder())) {
                f.add("path leads out of the session folder or is not relative: " + path);
            }
        }
        for (String canary : e.canaries) {
            List<String> where = ReviewRun.whereFound(text, canary);
            if (!where.isEmpty()) {
                f.add("'" + canary + "' leaked into " + where);
            }
        }
        return f;
    }

    /** The inputs listed in run.json (none when it is missing). */
    private com.fasterxml.jackson.databind.JsonNode inputs() throws java.io.IOException {
        java.nio.file.Path runJson = run.out.resolve("run.json");
        return java.nio.file.Files.isRegularFile(runJson)
                ? new com.fasterxml.jackson.databind.ObjectMapper()
                        .readTree(runJson.toFile())
                        .path("inputs")
                : com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    /** The case's reject source files and run.json input paths. */
    private List<String> pathsOf(BadInputCase c) throws Exception {
        List<String> paths = new ArrayList<>();
        if (run.tables().contains("rejects")) {
            for (Map<String, Object> m : db.query("SELECT DISTINCT source_file FROM " + run.table("rejects")
                    + " WHERE source_file LIKE " + q(c.folder() + "/%"))) {
                paths.add(String.valueOf(m.get("source_file")));
            }
        }
        java.nio.file.Path runJson = run.out.resolve("run.json");
        if (java.nio.file.Files.isRegularFile(runJson)) {
            for (com.fasterxml.jackson.databind.JsonNode in : new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(runJson.toFile())
                    .path("inputs")) {
                String p = in.path("path").asText();
                if (p.startsWith(c.folder() + "/")) {
                    paths.add(p);
                }
            }
        }
        return paths;
    }

    /** Relative, below {@code folder}, with no empty, "." or ".." segment (a folder may end in "/"). */
    static boolean isCleanRelative(String path, String folder) {
        String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return !p.isEmpty()
                && !p.startsWith("/")
                && !p.contains("\\")
                && (folder == null || p.startsWith(folder))
                && java.util.Arrays.stream(p.split("/", -1))
                        .noneMatch(x -> x.isEmpty() || x.equals(".") || x.equals(".."));
    }

    /** The expected-file pattern made relative to the sessions root. */
    String like(BadInputCase c, String fileLike) {
        String t = base.therapistFolder();
        return c.folder() + "/" + fileLike.replace("{C}", base.clientFolder()).replace("{T}", t == null ? "{T}" : t);
    }

    long count(String table, String where) throws Exception {
        if (!run.tables().contains(table)) {
            return 0;
        }
        return ((Number) db.scalar("SELECT count(*) FROM " + run.table(table) + " WHERE " + where)).longValue();
    }

    String rejectsOf(BadInputCase c) throws Exception {
        if (!run.tables().contains("rejects")) {
            return "(no rejects table)";
        }
        List<String> r = new ArrayList<>();
        for (Map<String, Object> m : db.query("SELECT source_file, line, reason FROM " + run.table("rejects")
                + " WHERE source_file LIKE " + q(c.folder() + "/%") + " ORDER BY source_file, line LIMIT 8")) {
            String reason = String.valueOf(m.get("reason"));
            r.add(m.get("source_file") + ":" + m.get("line") + " "
                    + (reason.length() > 120 ? reason.substring(0, 120) + "..." : reason));
        }
        return r.toString();
    }

    /** The command's own message ("session-review ...", "TIMED OUT ...") if any, else the first line. */
    static String firstLine(String s) {
        return s.lines()
                .filter(l -> l.startsWith("session-review review:") || l.startsWith("TIMED OUT"))
                .findFirst()
                .orElse(s.lines().filter(l -> !l.isBlank()).findFirst().orElse(""));
    }
}
