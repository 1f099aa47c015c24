package org.sessionreview.jobs.badinput;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a case must produce. File patterns are SQL {@code LIKE} patterns relative to the case
 * folder ({@code {C}}/{@code {T}} = the wearable folders); the checker prefixes the folder name.
 * Built fluently where the case is defined, read-only afterwards.
 */
public final class Expectation {
    /** Whether the session gets a row in {@code sessions/}. */
    public enum Reviewed {
        YES,
        NO,
        EITHER
    }

    /** An expected row of {@code rejects/}: file pattern, 1-based line (null = any), keyword (null = any). */
    public record RejectRow(String fileLike, Long line, String keyword) {
        @Override
        public String toString() {
            return fileLike + (line == null ? "" : ":" + line) + (keyword == null ? "" : " ~'" + keyword + "'");
        }
    }

    final Reviewed reviewed;
    /** session_id to look for in sessions/ when it is not the case's own (the duplicate case). */
    String sessionIdOverride;

    final List<RejectRow> rejects = new ArrayList<>();
    /** Exactly this many reject rows for the files matching each pattern. */
    final Map<String, Integer> rejectRows = new LinkedHashMap<>();
    /** Files that must have no reject row (accepted input). */
    final List<String> clean = new ArrayList<>();
    /** Patterns each matching at least this many run.json inputs, all read with every record accepted. */
    final Map<String, Integer> readWhole = new LinkedHashMap<>();
    /** Exactly these entries in sessions.missing_channels (when the session is reviewed)... */
    final Set<String> missing = new LinkedHashSet<>();
    /** ...give or take these (outcomes the issue leaves open, e.g. partly readable files). */
    final Set<String> mayMiss = new LinkedHashSet<>();
    /** Strings planted by the mutation that must appear in no output. */
    final List<String> canaries = new ArrayList<>();
    /** Number of annotations/ rows whose source_file matches the pattern. */
    final Map<String, Integer> annotationsFrom = new LinkedHashMap<>();
    /** Fragments each of which some entry of the session's flag_reasons must contain. */
    final List<String> flagReasons = new ArrayList<>();
    /** A role of this session that must have no rows in windows/scr/beats/artifacts (data taken from elsewhere). */
    String noSignalRowsFor;

    private Expectation(Reviewed reviewed) {
        this.reviewed = reviewed;
    }

    public static Expectation reviewed() {
        return new Expectation(Reviewed.YES);
    }

    public static Expectation notReviewed() {
        return new Expectation(Reviewed.NO);
    }

    /** The issue accepts either outcome for the session as a whole; the other checks still hold. */
    public static Expectation reviewedOrNot() {
        return new Expectation(Reviewed.EITHER);
    }

    public Expectation reject(String fileLike) {
        return reject(fileLike, null, null);
    }

    public Expectation reject(String fileLike, Integer line, String keyword) {
        rejects.add(new RejectRow(fileLike, line == null ? null : line.longValue(), keyword));
        return this;
    }

    /** Exactly {@code n} reject rows for the files matching {@code fileLike}: the damage costs no more. */
    public Expectation rejectRows(String fileLike, int n) {
        rejectRows.put(fileLike, n);
        return this;
    }

    public Expectation clean(String fileLike) {
        clean.add(fileLike);
        return this;
    }

    /** At least {@code files} run.json inputs match {@code fileLike}, each with records, all accepted. */
    public Expectation readWhole(String fileLike, int files) {
        readWhole.put(fileLike, files);
        return this;
    }

    public Expectation missing(String... channels) {
        missing.addAll(List.of(channels));
        return this;
    }

    public Expectation mayMiss(String... channels) {
        mayMiss.addAll(List.of(channels));
        return this;
    }

    /** All six channels of a wearer. */
    public static String[] allChannels(String role) {
        return new String[] {role + ":EDA", role + ":BVP", role + ":ACC", role + ":TEMP", role + ":HR", role + ":IBI"};
    }

    public Expectation canary(String... strings) {
        canaries.addAll(List.of(strings));
        return this;
    }

    public Expectation annotationsFrom(String fileLike, int rows) {
        annotationsFrom.put(fileLike, rows);
        return this;
    }

    public Expectation flagReason(String fragment) {
        flagReasons.add(fragment);
        return this;
    }

    public Expectation noSignalRowsFor(String role) {
        noSignalRowsFor = role;
        return this;
    }

    public Expectation sessionId(String id) {
        sessionIdOverride = id;
        return this;
    }
}
