package org.sessionreview.jobs.report.svg;

import java.util.ArrayList;
import java.util.List;
import org.sessionreview.jobs.report.Format;
import org.sessionreview.jobs.report.svg.Timeline.Band;
import org.sessionreview.jobs.report.svg.Timeline.BandLane;
import org.sessionreview.jobs.report.svg.Timeline.Mark;
import org.sessionreview.jobs.report.svg.Timeline.Point;
import org.sessionreview.jobs.report.svg.Timeline.Series;

/**
 * The session timeline as one SVG: x = video time (mm:ss) over the whole session, lanes of coded
 * and detected events on top (safety events, candidate moments, ruptures with their outcome,
 * anxiety episodes, repair strategies, interventions, poor-quality stretches), then the anxiety
 * index of both wearers, the client's channel z-scores as small multiples and EDA and heart-rate
 * synchrony. Anxiety episodes and ruptures are also shaded across every panel.
 *
 * <p>Readable without colour and on paper: every lane and panel has a text label, bands carry a
 * text label and a fill pattern (hatching per kind, not colour alone), the therapist's line is
 * dashed and the client's solid, point events have shapes (diamond = safety, triangle = repair,
 * circle = intervention) and a tooltip ({@code <title>}). Labels that would overlap move to a
 * further text row of their lane.
 *
 * <p>Geometry: {@value #WIDTH} user units wide, the plot from x = {@value #LEFT} to {@value
 * #WIDTH} - {@value #RIGHT}; {@link #x(double, double)} maps seconds to x.
 */
public final class TimelineChart {
    static final double WIDTH = 1000;
    static final double LEFT = 190;
    static final double RIGHT = 16;
    static final double LANE_ROW = 15;
    static final double CHAR_W = 6.2;
    /** Room left of the plot for a panel's y tick labels; panel names end before it. */
    static final double TICK_W = 22;

    static final String CLIENT_STROKE = "#1f4e9c";
    static final String THERAPIST_STROKE = "#a0500a";

    private final Timeline t;
    private final Svg svg;
    private double y = 0;

    private TimelineChart(Timeline t, double height) {
        this.t = t;
        this.svg = new Svg(
                WIDTH,
                height,
                "timeline",
                "Session timeline over " + Format.mmss(t.durationS())
                        + " of video: events, anxiety index, client channels, synchrony");
    }

    /** The x coordinate of {@code seconds} on a session of {@code durationS} (clamped to the plot). */
    public static double x(double seconds, double durationS) {
        double d = durationS > 0 ? durationS : 1;
        double s = Math.max(0, Math.min(d, seconds));
        return LEFT + (WIDTH - LEFT - RIGHT) * s / d;
    }

    /** The chart for {@code t}. */
    public static String svg(Timeline t) {
        // first pass measures the height, second draws
        TimelineChart measure = new TimelineChart(t, 1);
        measure.draw();
        TimelineChart chart = new TimelineChart(t, measure.y);
        chart.draw();
        return chart.svg.finish();
    }

    private double x(double s) {
        return x(s, t.durationS());
    }

    private void draw() {
        svg.raw(Patterns.DEFS);
        y = 4;
        axis(true);
        double shadeTop = y;
        lane("Safety events (SAFE)", List.of(), t.safety(), "diamond");
        lane("Candidate moments", t.candidates(), List.of(), null);
        lane("Ruptures W/C, outcome", t.ruptures(), List.of(), null);
        lane("Client anxiety episodes", t.anxietyEpisodes(), List.of(), null);
        lane("Repair strategies (RES)", List.of(), t.repairs(), "triangle");
        lane("Interventions (INT)", List.of(), t.interventions(), "circle");
        for (BandLane q : t.poorQuality()) {
            lane(q.name(), q.bands(), List.of(), null);
        }
        y += 6;
        double top = y;
        panel(
                "Anxiety index",
                List.of(t.clientAnxiety(), t.therapistAnxiety()),
                110,
                t.enterThreshold(),
                "episode threshold " + Format.number(t.enterThreshold(), 1));
        for (Series c : t.channels()) {
            panel(c.name(), List.of(c), 46, Double.NaN, null);
        }
        for (Series s : t.synchrony()) {
            panel(s.name(), List.of(s), 46, Double.NaN, null);
        }
        shade(shadeTop, y);
        axis(false);
        legend();
        if (top > y) {
            throw new IllegalStateException("layout went backwards");
        }
    }

    /** Time axis: ticks every 1, 2, 5, 10, 15, 30 or 60 minutes, at most about 12 labels. */
    private void axis(boolean top) {
        double step = tickStep(t.durationS());
        double baseline = top ? y + 14 : y + 2;
        svg.empty("line", "x1", LEFT, "x2", WIDTH - RIGHT, "y1", baseline, "y2", baseline, "class", "axis");
        for (double s = 0; s <= t.durationS() + 1e-9; s += step) {
            double px = x(s);
            svg.empty("line", "x1", px, "x2", px, "y1", baseline, "y2", baseline + (top ? 4 : -4), "class", "axis");
            svg.text(
                    "text",
                    Format.mmss(s),
                    "x",
                    px,
                    "y",
                    top ? baseline - 3 : baseline + 12,
                    "class",
                    "tick",
                    "text-anchor",
                    s == 0 ? "start" : "middle");
        }
        svg.text(
                "text",
                "video time (mm:ss)",
                "x",
                LEFT - 8,
                "y",
                top ? baseline - 3 : baseline + 12,
                "class",
                "tick",
                "text-anchor",
                "end");
        y = baseline + (top ? 6 : 18);
    }

    static double tickStep(double durationS) {
        for (double m : new double[] {1, 2, 5, 10, 15, 30, 60, 120}) {
            if (durationS / (m * 60) <= 12) {
                return m * 60;
            }
        }
        return 240 * 60;
    }

    /** A lane of bands and marks with a label; labels packed into text rows so they never overlap. */
    private void lane(String name, List<Band> bands, List<Mark> marks, String shape) {
        List<Double> rowEnds = new ArrayList<>();
        double laneTop = y;
        List<Runnable> labels = new ArrayList<>();
        for (Band b : bands) {
            double x0 = x(b.startS());
            double w = Math.max(2, x(b.endS()) - x0);
            double bandY = laneTop + 2;
            svg.open("g", "class", "band " + b.kind());
            svg.title(b.title());
            svg.empty(
                    "rect",
                    "x",
                    x0,
                    "y",
                    bandY,
                    "width",
                    w,
                    "height",
                    LANE_ROW - 4,
                    "fill",
                    "url(#p-" + b.kind() + ")",
                    "class",
                    "band-rect");
            svg.close("g");
            if (b.label() != null && !b.label().isEmpty()) {
                double[] at = place(rowEnds, x0, b.label());
                labels.add(() -> svg.text(
                        "text", b.label(), "x", at[1], "y", laneTop + LANE_ROW * (at[0] + 1) + 9, "class", "label"));
            }
        }
        for (Mark m : marks) {
            double px = x(m.t());
            double cy = laneTop + LANE_ROW / 2;
            svg.open("g", "class", "mark " + shape);
            svg.title(m.title());
            switch (shape) {
                case "diamond" ->
                    svg.empty(
                            "polygon", "points", pts(px, cy - 6, px + 6, cy, px, cy + 6, px - 6, cy), "class", "shape");
                case "triangle" ->
                    svg.empty("polygon", "points", pts(px, cy - 5, px + 5, cy + 5, px - 5, cy + 5), "class", "shape");
                default -> svg.empty("circle", "cx", px, "cy", cy, "r", 4.0, "class", "shape");
            }
            svg.close("g");
            double[] at = place(rowEnds, px - 3, m.label());
            labels.add(() -> svg.text(
                    "text", m.label(), "x", at[1], "y", laneTop + LANE_ROW * (at[0] + 1) + 9, "class", "label"));
        }
        labels.forEach(Runnable::run);
        double height = LANE_ROW * (1 + rowEnds.size()) + 2;
        if (bands.isEmpty() && marks.isEmpty()) {
            svg.text("text", "none", "x", LEFT + 4, "y", laneTop + 11, "class", "none");
            height = LANE_ROW + 2;
        }
        svg.text("text", name, "x", LEFT - 8, "y", laneTop + 11, "class", "lane-name", "text-anchor", "end");
        svg.empty(
                "line",
                "x1",
                LEFT,
                "x2",
                WIDTH - RIGHT,
                "y1",
                laneTop + height,
                "y2",
                laneTop + height,
                "class",
                "lane-rule");
        y = laneTop + height;
    }

    /**
     * Where a label that should start at {@code x0} goes: {row, x}. The first text row whose
     * labels end before it; a new row when none does. A label that would run past the plot's
     * right edge starts earlier, so that it is read whole.
     */
    static double[] place(List<Double> rowEnds, double x0, String label) {
        double width = label.length() * CHAR_W + 6;
        double start = Math.max(LEFT, Math.min(x0, WIDTH - RIGHT - width));
        for (int r = 0; r < rowEnds.size(); r++) {
            if (rowEnds.get(r) <= start) {
                rowEnds.set(r, start + width);
                return new double[] {r, start};
            }
        }
        rowEnds.add(start + width);
        return new double[] {rowEnds.size() - 1, start};
    }

    private static String pts(double... xy) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < xy.length; i += 2) {
            b.append(i == 0 ? "" : " ").append(Svg.num(xy[i])).append(',').append(Svg.num(xy[i + 1]));
        }
        return b.toString();
    }

    /** A line panel: y range from the data (at least -1..1, symmetric around 0 when data go negative). */
    private void panel(String name, List<Series> series, double height, double reference, String referenceLabel) {
        double top = y + 4;
        double lo = 0;
        double hi = 1;
        for (Series s : series) {
            for (Point p : s.points()) {
                if (p.value() != null && Double.isFinite(p.value())) {
                    lo = Math.min(lo, p.value());
                    hi = Math.max(hi, p.value());
                }
            }
        }
        if (Double.isFinite(reference)) {
            hi = Math.max(hi, reference);
        }
        hi = Math.ceil(hi);
        lo = Math.floor(lo);
        final double ylo = lo;
        final double yhi = hi;
        java.util.function.DoubleUnaryOperator yOf = v -> top + height - (v - ylo) / (yhi - ylo) * height;
        svg.empty("rect", "x", LEFT, "y", top, "width", WIDTH - LEFT - RIGHT, "height", height, "class", "panel");
        svg.text(
                "text",
                name,
                "x",
                LEFT - TICK_W,
                "y",
                top + height / 2 + 4,
                "class",
                "lane-name",
                "text-anchor",
                "end");
        svg.text("text", Format.number(yhi, 0), "x", LEFT - 3, "y", top + 8, "class", "tick", "text-anchor", "end");
        double zy = yOf.applyAsDouble(0);
        if (ylo < 0) {
            svg.empty("line", "x1", LEFT, "x2", WIDTH - RIGHT, "y1", zy, "y2", zy, "class", "zero");
            if (zy - top > 16 && top + height - zy > 16) {
                svg.text("text", "0", "x", LEFT - 3, "y", zy + 3, "class", "tick", "text-anchor", "end");
            }
        }
        if (ylo >= 0 || top + height - zy > 16) {
            svg.text(
                    "text",
                    Format.number(ylo, 0),
                    "x",
                    LEFT - 3,
                    "y",
                    top + height,
                    "class",
                    "tick",
                    "text-anchor",
                    "end");
        }
        if (Double.isFinite(reference)) {
            double ry = yOf.applyAsDouble(reference);
            svg.empty("line", "x1", LEFT, "x2", WIDTH - RIGHT, "y1", ry, "y2", ry, "class", "reference");
            svg.text(
                    "text", referenceLabel, "x", WIDTH - RIGHT - 2, "y", ry - 2, "class", "tick", "text-anchor", "end");
        }
        boolean any = false;
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            String cls = i == 0 ? "line client" : "line therapist";
            for (String d : paths(s.points(), yOf)) {
                svg.empty("path", "d", d, "class", cls);
                any = true;
            }
        }
        if (!any) {
            svg.text(
                    "text",
                    "no values (a wearer's data missing or masked)",
                    "x",
                    LEFT + 4,
                    "y",
                    top + height / 2 + 4,
                    "class",
                    "none");
        }
        y = top + height;
    }

    /** SVG path data, one per unbroken run of values (a null value or a gap over 15 s breaks the line). */
    private List<String> paths(List<Point> points, java.util.function.DoubleUnaryOperator yOf) {
        List<String> out = new ArrayList<>();
        StringBuilder d = new StringBuilder();
        double lastT = Double.NaN;
        for (Point p : points) {
            boolean ok = p.value() != null && Double.isFinite(p.value()) && p.t() >= 0 && p.t() <= t.durationS();
            if (!ok || (!Double.isNaN(lastT) && p.t() - lastT > 15)) {
                if (d.length() > 0) {
                    out.add(d.toString());
                }
                d.setLength(0);
            }
            if (ok) {
                d.append(d.length() == 0 ? "M" : " L")
                        .append(Svg.num(x(p.t())))
                        .append(',')
                        .append(Svg.num(yOf.applyAsDouble(p.value())));
                lastT = p.t();
            } else {
                lastT = Double.NaN;
            }
        }
        if (d.length() > 0) {
            out.add(d.toString());
        }
        return out;
    }

    /** Anxiety episodes and ruptures shaded across all panels, behind nothing (thin outlines only). */
    private void shade(double top, double bottom) {
        List<Band> all = new ArrayList<>(t.anxietyEpisodes());
        all.addAll(t.ruptures());
        for (Band b : all) {
            double x0 = x(b.startS());
            double w = Math.max(1, x(b.endS()) - x0);
            svg.empty(
                    "rect", "x", x0, "y", top, "width", w, "height", bottom - top, "class", "shade shade-" + b.kind());
        }
    }

    /** The key: line styles and fill patterns, wrapped onto a second row when it does not fit. */
    private void legend() {
        double ly = y + 4;
        double lx = LEFT;
        lx = legendLine(lx, ly, "client", "line client");
        lx = legendLine(lx, ly, "therapist (dashed)", "line therapist");
        for (String[] p : new String[][] {
            {"anx", "anxiety episode"},
            {"W", "withdrawal rupture"},
            {"C", "confrontation rupture"},
            {"cand", "candidate moment"},
            {"quality", "poor-quality stretch"}
        }) {
            double w = 30 + p[1].length() * CHAR_W;
            if (lx + w > WIDTH - RIGHT) {
                lx = LEFT;
                ly += 16;
            }
            svg.empty(
                    "rect",
                    "x",
                    lx,
                    "y",
                    ly,
                    "width",
                    18.0,
                    "height",
                    10.0,
                    "fill",
                    "url(#p-" + p[0] + ")",
                    "class",
                    "band-rect");
            svg.text("text", p[1], "x", lx + 22, "y", ly + 9, "class", "label");
            lx += w;
        }
        y = ly + 16;
    }

    private double legendLine(double lx, double ly, String text, String cls) {
        svg.empty(
                "path",
                "d",
                "M" + Svg.num(lx) + "," + Svg.num(ly + 5) + " L" + Svg.num(lx + 22) + "," + Svg.num(ly + 5),
                "class",
                cls);
        svg.text("text", text, "x", lx + 26, "y", ly + 9, "class", "label");
        return lx + 36 + text.length() * CHAR_W;
    }
}
