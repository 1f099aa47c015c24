package org.sessionreview.jobs.report.svg;

import static org.sessionreview.jobs.report.svg.TimelineChart.CHAR_W;
import static org.sessionreview.jobs.report.svg.TimelineChart.LEFT;
import static org.sessionreview.jobs.report.svg.TimelineChart.RIGHT;
import static org.sessionreview.jobs.report.svg.TimelineChart.WIDTH;

/**
 * The key under {@link TimelineChart}: the client's and therapist's line styles and the fill
 * pattern of each band kind, so that the chart reads without colour.
 */
final class TimelineLegend {
    private final Svg svg;

    TimelineLegend(Svg svg) {
        this.svg = svg;
    }

    /**
     * The key 4 units below {@code above}: line styles and fill patterns, wrapped onto a second
     * row when it does not fit. Returns its bottom.
     */
    double draw(double above) {
        double ly = above + 4;
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
        return ly + 16;
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
