package org.sessionreview.jobs.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sessionreview.jobs.report.SessionView.CodedLine;
import org.sessionreview.jobs.report.SessionView.Header;
import org.sessionreview.jobs.report.SessionView.MomentLine;
import org.sessionreview.jobs.report.SessionView.Rollup;
import org.sessionreview.jobs.report.SessionView.RuptureLine;
import org.sessionreview.jobs.report.SessionView.SegmentLine;
import org.sessionreview.jobs.report.SessionView.Synchrony;
import org.sessionreview.jobs.report.svg.TimelineChart;

/**
 * Builds a {@link SessionView} from the rows of one consented session. Only canonical codes,
 * actors, times and the review's own evidence texts reach the page; annotation labels, modifiers
 * and source files, and rejects, are never read here.
 */
public final class SessionViews {
    /** The tables a session page is made from (their footers make its methods section). */
    static final List<String> TABLES =
            List.of("sessions", "moments", "windows", "synchrony", "ruptures", "segments", "annotations", "artifacts");

    private final ReportTables tables;
    private final Optional<VideoLinks> video;
    private final MethodsView methods;
    private final double lowQuality;

    public SessionViews(ReportTables tables, Optional<VideoLinks> video) {
        this.tables = tables;
        this.video = video;
        this.methods = MethodsView.of(tables.footers(), TABLES);
        // the sessions table's footer, as the queue reads it (review: the first of eight tables'
        // footers could differ)
        this.lowQuality = QueueView.lowQuality(tables);
    }

    /** The view of the session {@code s} (a row of {@code sessions/}). */
    public SessionView of(Map<String, Object> s) {
        String id = Rows.str(s, "session_id");
        List<Map<String, Object>> moments = sorted(tables.rows(id, "moments"));
        return new SessionView(
                header(
                        s,
                        hasWearable(s, "client", tables.rows(id, "windows")),
                        hasWearable(s, "therapist", tables.rows(id, "windows")),
                        tables.names(),
                        lowQuality),
                TimelineChart.svg(TimelineData.of(s, tables, methods)),
                moments.stream().map(m -> moment(id, m)).toList(),
                ruptures(id),
                rollup(s, moments),
                segments(id),
                coded(id),
                synchrony(s),
                methods);
    }

    /**
     * Whether the session declared a wearable for {@code role} ("client" or "therapist"): data
     * quality above 0, a channel of it missing, or a window of it. A quality of 0 alone cannot say
     * (the sessions table writes 0 both without a wearable and for one that recorded nothing valid).
     */
    static boolean hasWearable(Map<String, Object> s, String role, List<Map<String, Object>> windows) {
        return Rows.dbl0(s, "data_quality_" + role) > 0
                || Rows.list(s, "missing_channels").stream().anyMatch(c -> c.startsWith(role + ":"))
                || windows.stream().anyMatch(w -> role.equals(Rows.str(w, "role")));
    }

    /** What a page says for a wearer's data quality: "no wearable" when the session declared none. */
    static String wearerQuality(double quality, boolean hasWearable, String zero) {
        if (!hasWearable) {
            return "no wearable";
        }
        return quality == 0 ? zero : Format.percent(quality);
    }

    /**
     * The page's header; a wearer whose data quality is below {@code lowQuality} ({@code
     * scoring.low_data_quality}) is marked LOW as in the queue (a session without that wearer's
     * band is not).
     */
    static Header header(
            Map<String, Object> s,
            boolean clientWearable,
            boolean therapistWearable,
            PageNames names,
            double lowQuality) {
        String clientKey = Rows.str(s, "client_key");
        double qc = Rows.dbl0(s, "data_quality_client");
        double qt = Rows.dbl0(s, "data_quality_therapist");
        return new Header(
                Rows.str(s, "session_id"),
                names.session(Rows.str(s, "session_id")),
                Rows.str(s, "therapist_id"),
                names.trainee(Rows.str(s, "therapist_id")),
                clientKey,
                shortKey(clientKey),
                names.client(clientKey),
                Rows.int0(s, "session_number"),
                Rows.str(s, "session_date"),
                Format.mmss(Rows.dbl0(s, "duration_s")),
                Rows.bool(s, "flagged"),
                Rows.list(s, "flag_reasons"),
                wearerQuality(qc, clientWearable, "no valid wearable data"),
                wearerQuality(qt, therapistWearable, "no valid wearable data"),
                clientWearable && qc < lowQuality,
                therapistWearable && qt < lowQuality,
                Rows.list(s, "missing_channels"),
                withoutSourceFiles(Rows.str(s, "baseline_source")),
                Format.number(Rows.dbl(s, "priority"), 1));
    }

    /** A coded baseline's file and line, "(2026-03-02_T01_1000/codes.jsonl line 22)", as the table has it. */
    private static final java.util.regex.Pattern SOURCE_FILE =
            java.util.regex.Pattern.compile(" \\([^()]* line \\d+\\)");

    /** A stored baseline's file name, "stored baseline from baselines.json (3 sessions)". */
    private static final java.util.regex.Pattern STORED_FILE =
            java.util.regex.Pattern.compile("stored baseline from [^;]*? \\(");

    /**
     * The baseline source without the file and line of a coded baseline or the file of a stored
     * one: pages never show file names (folder and file names may carry names); {@code
     * sessions.baseline_source} keeps them.
     */
    static String withoutSourceFiles(String text) {
        return text == null
                ? null
                : STORED_FILE.matcher(SOURCE_FILE.matcher(text).replaceAll("")).replaceAll("stored baseline (");
    }

    /** The first 12 hex digits of a client key, for tables; pages and links use the whole key. */
    static String shortKey(String key) {
        return key == null ? "" : key.length() <= 12 ? key : key.substring(0, 12) + "\u2026";
    }

    /** Rows ordered by start_s, then kind or code, then end_s: the order of the page's tables. */
    static List<Map<String, Object>> sorted(List<Map<String, Object>> rows) {
        List<Map<String, Object>> out = new ArrayList<>(rows);
        out.sort(Comparator.comparingDouble((Map<String, Object> r) -> Rows.dbl0(r, "start_s"))
                .thenComparing(r -> String.valueOf(r.getOrDefault("kind", r.getOrDefault("code", ""))))
                .thenComparingDouble(r -> Rows.dbl0(r, "end_s")));
        return out;
    }

    MomentLine moment(String id, Map<String, Object> m) {
        double start = Rows.dbl0(m, "start_s");
        double end = Rows.dbl0(m, "end_s");
        String kind = Rows.str(m, "kind");
        return new MomentLine(
                kind,
                MomentText.kind(kind, Rows.str(m, "role")),
                Rows.str(m, "role"),
                Format.mmss(start),
                Format.mmss(end),
                Format.fragmentSeconds(start),
                link(id, start),
                link(id, end),
                Format.number(Rows.dbl(m, "severity"), 1),
                Rows.str(m, "evidence"));
    }

    private String link(String id, double seconds) {
        return video.map(v -> v.url(id, seconds)).orElse(null);
    }

    private List<RuptureLine> ruptures(String id) {
        return sorted(tables.rows(id, "ruptures")).stream()
                .map(r -> {
                    Double first = Rows.dbl(r, "first_repair_s");
                    return new RuptureLine(
                            Rows.str(r, "episode_id"),
                            MomentText.ruptureClass(Rows.str(r, "class")),
                            Format.mmss(Rows.dbl0(r, "start_s")),
                            Format.mmss(Rows.dbl0(r, "end_s")),
                            link(id, Rows.dbl0(r, "start_s")),
                            MomentText.outcome(Rows.str(r, "outcome")),
                            first == null ? "none coded" : Format.mmss(first),
                            Rows.dbl(r, "time_to_first_repair_s") == null
                                    ? "\u2014"
                                    : Format.number(Rows.dbl(r, "time_to_first_repair_s"), 0) + " s",
                            // as the first repair's cell says it: no empty cell (twenty-second audit)
                            Rows.list(r, "strategies").isEmpty()
                                    ? "none coded"
                                    : String.join(", ", Rows.list(r, "strategies")),
                            String.join(", ", Rows.list(r, "markers")),
                            Rows.dbl(r, "max_significance") == null
                                    ? "\u2014"
                                    : String.valueOf(Rows.int0(r, "max_significance")),
                            Format.number(Rows.dbl(r, "client_arousal_z"), 1));
                })
                .toList();
    }

    /** What a coded-event figure shows for a session without any accepted annotation. */
    static final String NOT_CODED = "not coded";

    static Rollup rollup(Map<String, Object> s, List<Map<String, Object>> moments) {
        int pressure = (int) moments.stream()
                .filter(m -> "pressure_above_threshold".equals(Rows.str(m, "kind")))
                .count();
        Double ttr = Rows.dbl(s, "median_time_to_repair_s");
        // without any accepted annotation a share of 0 % would read as "no marker seen"
        boolean coded = Rows.int0(s, "annotation_count") > 0;
        return new Rollup(
                coded,
                Rows.int0(s, "ruptures_withdrawal"),
                Rows.int0(s, "ruptures_confrontation"),
                Rows.int0(s, "ruptures_resolved"),
                Rows.int0(s, "ruptures_partial"),
                Rows.int0(s, "ruptures_unaddressed"),
                Rows.int0(s, "ruptures_escalated"),
                Format.percent(Rows.dbl(s, "resolution_ratio")),
                ttr == null ? "\u2014" : Format.number(ttr, 0) + " s",
                coded ? Format.percent(Rows.dbl(s, "segments_with_w_share")) : NOT_CODED,
                coded ? Format.percent(Rows.dbl(s, "segments_with_c_share")) : NOT_CODED,
                pressure,
                coded
                        ? Optional.ofNullable(Rows.str(s, "missed_opportunity_sensitivity"))
                                .orElse("\u2014")
                        : NOT_CODED);
    }

    private List<SegmentLine> segments(String id) {
        List<Map<String, Object>> rows = new ArrayList<>(tables.rows(id, "segments"));
        rows.sort(Comparator.comparingInt(r -> Rows.int0(r, "segment_index")));
        return rows.stream()
                .map(r -> new SegmentLine(
                        Format.mmss(Rows.dbl0(r, "start_s")) + "\u2013" + Format.mmss(Rows.dbl0(r, "end_s")),
                        Rows.int0(r, "withdrawal_markers"),
                        Rows.int0(r, "confrontation_markers"),
                        intText(r, "max_significance_w"),
                        intText(r, "max_significance_c"),
                        Rows.int0(r, "repair_count"),
                        Optional.ofNullable(Rows.str(r, "marker_counts"))
                                .filter(t -> !t.isEmpty())
                                .orElse("\u2014")))
                .toList();
    }

    private static String intText(Map<String, Object> r, String col) {
        return r.get(col) == null ? "\u2014" : String.valueOf(Rows.int0(r, col));
    }

    private List<CodedLine> coded(String id) {
        return sorted(tables.rows(id, "annotations")).stream()
                .filter(a -> TimelineData.CODED_FAMILIES.contains(Rows.str(a, "family")))
                .map(a -> new CodedLine(
                        Format.mmss(Rows.dbl0(a, "start_s")),
                        link(id, Rows.dbl0(a, "start_s")),
                        Rows.str(a, "family"),
                        Rows.str(a, "code"),
                        Rows.str(a, "actor")))
                .toList();
    }

    private Synchrony synchrony(Map<String, Object> s) {
        Double pct = Rows.dbl(s, "synchrony_percentile");
        double thresholdValue = Double.parseDouble(methods.parameter("synchrony.significance_percentile", "95"));
        String threshold = Format.number(thresholdValue, thresholdValue == Math.rint(thresholdValue) ? 0 : 1);
        String above = pct == null
                ? ""
                : pct >= thresholdValue
                        ? "above chance (at or above the " + threshold + "th percentile)"
                        : "not above chance (below the " + threshold + "th percentile)";
        String params = "EDA, windows of " + methods.parameter("synchrony.window_s", "?") + " s every "
                + methods.parameter("synchrony.step_s", "?") + " s, lags up to \u00b1"
                + methods.parameter("synchrony.max_lag_s", "?")
                + " s; percentile among " + methods.parameter("synchrony.shuffles", "?") + " within-dyad shuffles of "
                + methods.parameter("synchrony.segment_s", "?") + " s segments (seed "
                + methods.parameter("synchrony.seed", "?") + ")";
        return new Synchrony(
                Format.number(Rows.dbl(s, "synchrony_es"), 2),
                Format.number(pct, 1),
                above,
                Format.percent(Rows.dbl(s, "client_leads_share")),
                params);
    }
}
