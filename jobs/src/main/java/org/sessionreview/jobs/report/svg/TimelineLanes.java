package org.sessionreview.jobs.report.svg;

import static org.sessionreview.jobs.report.svg.TimelineChart.LEFT;
import static org.sessionreview.jobs.report.svg.TimelineChart.RIGHT;
import static org.sessionreview.jobs.report.svg.TimelineChart.WIDTH;

import java.util.ArrayList;
import java.util.List;
import org.sessionreview.jobs.report.svg.Timeline.Band;
import org.sessionreview.jobs.report.svg.Timeline.Mark;

/**
 * The event lanes of {@link TimelineChart}: one labelled row each of coded and detected events,
 * bands with a fill pattern per kind and point events with a shape (diamond = safety, triangle =
 * repair, circle = intervention), each with a tooltip. Labels that would overlap move to a further
 * text row of their lane ({@link #place}).
 */
final class TimelineLanes {
    /** Estimated width of one character of a 10 px lane label (capitals, underscores), SVG units. */
    static final double LABEL_CHAR_W = 7.2;

    /** Height of one text row of a lane. */
    static final double LANE_ROW = 15;

    private final Svg svg;
    private final double durationS;

    TimelineLanes(Svg svg, double durationS) {
        this.svg = svg;
        this.durationS = durationS;
    }

    private double x(double s) {
        return TimelineChart.x(s, durationS);
    }

    /**
     * A lane of bands and marks with a label from {@code laneTop}; labels packed into text rows so
     * they never overlap. Returns the lane's bottom.
     */
    double lane(double laneTop, String name, List<Band> bands, List<Mark> marks, String shape) {
        return lane(laneTop, name, bands, marks, shape, "none");
    }

    /**
     * A lane; {@code emptyText} is what an empty lane says ({@code none}, or {@code no client data}
     * where nothing could be found).
     */
    double lane(double laneTop, String name, List<Band> bands, List<Mark> marks, String shape, String emptyText) {
        List<Double> rowEnds = new ArrayList<>();
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
            svg.text("text", emptyText, "x", LEFT + 4, "y", laneTop + 11, "class", "none");
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
        return laneTop + height;
    }

    /**
     * Where a label that should start at {@code x0} goes: {row, x}. The first text row whose
     * labels end before it; a new row when none does. A label that would run past the plot's
     * right edge starts earlier, so that it is read whole.
     */
    static double[] place(List<Double> rowEnds, double x0, String label) {
        // lane labels are codes in capitals and underscores: wider than the legend's mixed text
        double width = label.length() * LABEL_CHAR_W + 6;
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
}
