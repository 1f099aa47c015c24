package org.sessionreview.jobs.report.svg;

import static org.sessionreview.jobs.report.svg.TimelineChart.LEFT;
import static org.sessionreview.jobs.report.svg.TimelineChart.RIGHT;
import static org.sessionreview.jobs.report.svg.TimelineChart.WIDTH;

import java.util.ArrayList;
import java.util.List;
import org.sessionreview.jobs.report.Format;
import org.sessionreview.jobs.report.svg.Timeline.Point;
import org.sessionreview.jobs.report.svg.Timeline.Series;

/**
 * The line panels of {@link TimelineChart}: the anxiety index of both wearers (the client's line
 * solid, the therapist's dashed) with the episode threshold, and one small panel per client
 * channel z-score and per synchrony series. Each has a text label and y tick labels; a line breaks
 * where values are missing.
 */
final class TimelinePanels {
    /** Room left of the plot for a panel's y tick labels; panel names end before it. */
    static final double TICK_W = 22;

    private final Svg svg;
    private final double durationS;

    TimelinePanels(Svg svg, double durationS) {
        this.svg = svg;
        this.durationS = durationS;
    }

    private double x(double s) {
        return TimelineChart.x(s, durationS);
    }

    /**
     * A line panel 4 units below {@code above}: y range from the data (at least -1..1, symmetric
     * around 0 when data go negative). Returns the panel's bottom.
     */
    double panel(
            double above, String name, List<Series> series, double height, double reference, String referenceLabel) {
        double top = above + 4;
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
            // at the panel's top edge the label would sit above the panel: put it under the line
            double ly = ry - top < 10 ? ry + 9 : ry - 2;
            svg.text("text", referenceLabel, "x", WIDTH - RIGHT - 2, "y", ly, "class", "tick", "text-anchor", "end");
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
        return top + height;
    }

    /** SVG path data, one per unbroken run of values (a null value or a gap over 15 s breaks the line). */
    private List<String> paths(List<Point> points, java.util.function.DoubleUnaryOperator yOf) {
        List<String> out = new ArrayList<>();
        StringBuilder d = new StringBuilder();
        double lastT = Double.NaN;
        for (Point p : points) {
            boolean ok = p.value() != null && Double.isFinite(p.value()) && p.t() >= 0 && p.t() <= durationS;
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
}
