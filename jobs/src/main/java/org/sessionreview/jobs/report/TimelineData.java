package org.sessionreview.jobs.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.sessionreview.jobs.report.svg.Timeline;
import org.sessionreview.jobs.report.svg.Timeline.Band;
import org.sessionreview.jobs.report.svg.Timeline.BandLane;
import org.sessionreview.jobs.report.svg.Timeline.Mark;
import org.sessionreview.jobs.report.svg.Timeline.Point;
import org.sessionreview.jobs.report.svg.Timeline.Series;

/**
 * The {@link Timeline} of one session from its rows: windows (anxiety index per wearer, the
 * client's channel z-scores; each plotted at the window's middle), synchrony windows ({@code
 * z_lag0} per signal), moments, ruptures, annotations (RES, INT and SAFE families; code and actor
 * only) and artifacts (merged per wearer when they overlap or lie within 1 s).
 */
final class TimelineData {
    /** Annotation families drawn on the timeline and listed under "Coded events". */
    static final Set<String> CODED_FAMILIES = Set.of("RES", "INT", "SAFE");

    /** The client's channels: column and panel label, in display order. */
    static final List<String[]> CHANNELS = List.of(
            new String[] {"z_scl", "EDA level z"},
            new String[] {"z_scr", "SCR rate z"},
            new String[] {"z_hr", "heart rate z"},
            new String[] {"z_rmssd", "RMSSD z (HRV)"},
            new String[] {"z_temp", "skin temp slope z"},
            new String[] {"z_fidget", "fidget z"});

    private TimelineData() {}

    static Timeline of(Map<String, Object> s, ReportTables tables, MethodsView methods) {
        String id = Rows.str(s, "session_id");
        double duration = Rows.dbl0(s, "duration_s");
        List<Map<String, Object>> windows = SessionViews.sorted(tables.rows(id, "windows"));
        List<Series> channels = new ArrayList<>();
        for (String[] c : CHANNELS) {
            channels.add(series(c[1], windows, "client", c[0]));
        }
        List<Map<String, Object>> sync = SessionViews.sorted(tables.rows(id, "synchrony"));
        List<Series> synchrony = List.of(
                syncSeries("EDA synchrony z, lag 0", sync, "eda"), syncSeries("HR synchrony z, lag 0", sync, "hr"));
        List<Band> episodes = new ArrayList<>();
        List<Band> candidates = new ArrayList<>();
        List<Mark> derivedSafety = new ArrayList<>();
        int n = 0;
        int t = 0;
        for (Map<String, Object> m : SessionViews.sorted(tables.rows(id, "moments"))) {
            String kind = Rows.str(m, "kind");
            double a = Rows.dbl0(m, "start_s");
            double b = Rows.dbl0(m, "end_s");
            String span = Format.mmss(a) + "\u2013" + Format.mmss(b);
            String role = Rows.str(m, "role");
            if (kind.equals("anxiety_episode") && "therapist".equals(role)) {
                // context, not the client's arousal: its own numbering, in the candidates' lane, unshaded
                t++;
                candidates.add(new Band(a, b, "T" + t, MomentText.kind(kind, role) + " " + span, "cand"));
            } else if (kind.equals("anxiety_episode")) {
                n++;
                episodes.add(new Band(a, b, "A" + n, MomentText.kind(kind, role) + " " + span, "anx"));
            } else if (kind.equals("safety")
                    && String.valueOf(m.get("evidence")).contains("; coded as ")) {
                // a safety event the rules derived from another code (a severe ANX_CPD, DOMAIN.md 2.7):
                // no SAFE_* annotation draws it below
                derivedSafety.add(new Mark(a, "SAFE " + Format.mmss(a), String.valueOf(m.get("evidence"))));
            } else if (!kind.equals("rupture") && !kind.equals("unaddressed_rupture") && !kind.equals("safety")) {
                candidates.add(new Band(
                        a,
                        b,
                        MomentText.shortLabel(kind),
                        MomentText.kind(kind, Rows.str(m, "role")) + " " + span,
                        "cand"));
            }
        }
        List<Band> ruptures = new ArrayList<>();
        for (Map<String, Object> r : SessionViews.sorted(tables.rows(id, "ruptures"))) {
            double a = Rows.dbl0(r, "start_s");
            double b = Rows.dbl0(r, "end_s");
            String cls = "C".equals(Rows.str(r, "class")) ? "C" : "W";
            String outcome = MomentText.outcome(Rows.str(r, "outcome"));
            ruptures.add(new Band(
                    a,
                    b,
                    Rows.str(r, "episode_id") + " " + outcome,
                    "candidate " + MomentText.ruptureClass(cls) + " rupture " + Rows.str(r, "episode_id") + " "
                            + Format.mmss(a) + "\u2013" + Format.mmss(b) + ": " + outcome,
                    cls));
        }
        List<Mark> repairs = new ArrayList<>();
        List<Mark> interventions = new ArrayList<>();
        List<Mark> safety = new ArrayList<>(derivedSafety);
        for (Map<String, Object> a : SessionViews.sorted(tables.rows(id, "annotations"))) {
            String family = Rows.str(a, "family");
            String code = Rows.str(a, "code");
            double at = Rows.dbl0(a, "start_s");
            String title = code + " (" + Rows.str(a, "actor") + ") at " + Format.mmss(at);
            if ("RES".equals(family)) {
                repairs.add(new Mark(at, strip(code, "RES_"), title));
            } else if ("INT".equals(family)) {
                interventions.add(new Mark(at, strip(code, "INT_"), title));
            } else if ("SAFE".equals(family)) {
                safety.add(new Mark(at, code + " " + Format.mmss(at), title));
            }
        }
        // a wearer without any window has no data at all: its lane must not read "none" (= good data)
        boolean client = windows.stream().anyMatch(w -> "client".equals(Rows.str(w, "role")));
        boolean therapist = windows.stream().anyMatch(w -> "therapist".equals(Rows.str(w, "role")));
        List<BandLane> quality = List.of(
                new BandLane(
                        client ? "Poor quality: client" : "No data: client",
                        artifacts(tables.rows(id, "artifacts"), "client", duration)),
                new BandLane(
                        therapist ? "Poor quality: therapist" : "No data: therapist",
                        artifacts(tables.rows(id, "artifacts"), "therapist", duration)));
        double threshold = Double.parseDouble(methods.parameter("scoring.episode.enter_threshold", "2.0"));
        return new Timeline(
                duration,
                series("client", windows, "client", "anxiety_index"),
                series("therapist", windows, "therapist", "anxiety_index"),
                threshold,
                channels,
                synchrony,
                episodes,
                ruptures,
                candidates,
                repairs,
                interventions,
                safety,
                quality,
                Rows.int0(s, "annotation_count") > 0);
    }

    private static String strip(String code, String prefix) {
        return code != null && code.startsWith(prefix) ? code.substring(prefix.length()) : String.valueOf(code);
    }

    private static Series series(String name, List<Map<String, Object>> windows, String role, String column) {
        List<Point> points = new ArrayList<>();
        for (Map<String, Object> w : windows) {
            if (role.equals(Rows.str(w, "role"))) {
                points.add(new Point((Rows.dbl0(w, "start_s") + Rows.dbl0(w, "end_s")) / 2, Rows.dbl(w, column)));
            }
        }
        return new Series(name, points);
    }

    private static Series syncSeries(String name, List<Map<String, Object>> rows, String signal) {
        List<Point> points = new ArrayList<>();
        for (Map<String, Object> w : rows) {
            if (signal.equals(Rows.str(w, "signal"))) {
                points.add(new Point((Rows.dbl0(w, "start_s") + Rows.dbl0(w, "end_s")) / 2, Rows.dbl(w, "z_lag0")));
            }
        }
        return new Series(name, points);
    }

    /**
     * A wearer's masked stretches inside the video, merged when they overlap or lie within 1 s;
     * each band's tooltip names the artifact kinds it merges.
     */
    static List<Band> artifacts(List<Map<String, Object>> rows, String role, double duration) {
        List<Map<String, Object>> mine = new ArrayList<>(
                rows.stream().filter(r -> role.equals(Rows.str(r, "role"))).toList());
        mine.sort(Comparator.comparingDouble((Map<String, Object> r) -> Rows.dbl0(r, "start_s"))
                .thenComparingDouble(r -> Rows.dbl0(r, "end_s")));
        List<Band> out = new ArrayList<>();
        double a = Double.NaN;
        double b = Double.NaN;
        Set<String> kinds = new TreeSet<>();
        for (Map<String, Object> r : mine) {
            double s = Math.max(0, Rows.dbl0(r, "start_s"));
            double e = Math.min(duration, Rows.dbl0(r, "end_s"));
            if (e <= s) {
                continue;
            }
            if (!Double.isNaN(a) && s <= b + 1) {
                b = Math.max(b, e);
            } else {
                if (!Double.isNaN(a)) {
                    out.add(qualityBand(role, a, b, kinds));
                }
                a = s;
                b = e;
                kinds = new TreeSet<>();
            }
            kinds.add(Rows.str(r, "channel") + " " + Rows.str(r, "kind"));
        }
        if (!Double.isNaN(a)) {
            out.add(qualityBand(role, a, b, kinds));
        }
        return out;
    }

    /**
     * A merged stretch: labelled {@code not worn} or {@code no data} when the whole band was off
     * the wrist or silent there (the E4 rows), which is no poor quality of a recorded signal;
     * otherwise unlabelled, its kinds in the tooltip.
     */
    private static Band qualityBand(String role, double a, double b, Set<String> kinds) {
        String label = kinds.contains("E4 not_worn") ? "not worn" : kinds.contains("E4 no_data") ? "no data" : null;
        String what =
                label == null ? "poor-quality stretch" : label.equals("not worn") ? "wristband not worn" : "no data";
        return new Band(
                a,
                b,
                label,
                role + " " + what + " " + Format.mmss(a) + "\u2013" + Format.mmss(b) + ": " + String.join(", ", kinds),
                "quality");
    }
}
