package org.sessionreview.jobs.report.svg;

import java.util.List;
import org.sessionreview.jobs.report.Format;

/**
 * A client's anxiety burden across sessions as an SVG bar chart: one bar per session (x =
 * session number, in order; gaps in the numbering are kept as gaps), height = minutes in candidate
 * anxiety episodes, each bar labelled with its value, and a dashed reference line at the review's
 * high-burden threshold ({@code trends.client.high_burden_s}). Text labels carry every value, so
 * the chart needs no colour.
 */
public final class BurdenChart {
    static final double WIDTH = 640;
    static final double HEIGHT = 220;
    static final double LEFT = 56;
    static final double BOTTOM = 36;
    static final double TOP = 18;
    /** Room right of the plot for the threshold's label. */
    static final double RIGHT = 120;

    private BurdenChart() {}

    /**
     * One bar: a session number and its anxiety time in seconds; {@code measured} false for a
     * session without client data (labelled "no data", not 0.0).
     */
    public record Bar(int sessionNumber, double anxietyTimeS, boolean measured) {
        public Bar(int sessionNumber, double anxietyTimeS) {
            this(sessionNumber, anxietyTimeS, true);
        }
    }

    /** The chart for {@code bars} (in session-number order) with the threshold {@code highBurdenS} seconds. */
    public static String svg(List<Bar> bars, double highBurdenS) {
        Svg svg = new Svg(WIDTH, HEIGHT, "burden", "Minutes in candidate anxiety episodes per session");
        if (bars.isEmpty()) {
            svg.text("text", "no sessions", "x", LEFT, "y", HEIGHT / 2, "class", "none");
            return svg.finish();
        }
        int first = bars.get(0).sessionNumber();
        int last = bars.get(bars.size() - 1).sessionNumber();
        int slots = Math.max(1, last - first + 1);
        double maxMin = Math.max(highBurdenS / 60.0, 1);
        for (Bar b : bars) {
            maxMin = Math.max(maxMin, b.anxietyTimeS() / 60.0);
        }
        maxMin = Math.ceil(maxMin);
        double plotH = HEIGHT - TOP - BOTTOM;
        double plotW = WIDTH - LEFT - RIGHT;
        double slotW = plotW / slots;
        double base = HEIGHT - BOTTOM;
        final double top = maxMin;
        java.util.function.DoubleUnaryOperator yOf = m -> base - m / top * plotH;
        svg.empty("line", "x1", LEFT, "x2", LEFT + plotW, "y1", base, "y2", base, "class", "axis");
        svg.empty("line", "x1", LEFT, "x2", LEFT, "y1", TOP, "y2", base, "class", "axis");
        svg.text(
                "text",
                Format.number(maxMin, 0) + " min",
                "x",
                LEFT - 4,
                "y",
                TOP + 4,
                "class",
                "tick",
                "text-anchor",
                "end");
        svg.text("text", "0", "x", LEFT - 4, "y", base, "class", "tick", "text-anchor", "end");
        double ty = yOf.applyAsDouble(highBurdenS / 60.0);
        svg.empty("line", "x1", LEFT, "x2", LEFT + plotW, "y1", ty, "y2", ty, "class", "reference");
        svg.text(
                "text",
                "high burden ≥ " + Format.number(highBurdenS / 60.0, 1) + " min",
                "x",
                LEFT + plotW + 4,
                "y",
                ty + 3,
                "class",
                "tick");
        for (Bar b : bars) {
            double cx = LEFT + slotW * (b.sessionNumber() - first + 0.5);
            double w = Math.min(48, slotW * 0.6);
            double m = b.anxietyTimeS() / 60.0;
            double by = yOf.applyAsDouble(m);
            svg.open("g", "class", "bar");
            svg.title(
                    b.measured()
                            ? "session " + b.sessionNumber() + ": " + Format.minutes(b.anxietyTimeS())
                                    + " in candidate anxiety episodes"
                            : "session " + b.sessionNumber() + ": no client data");
            svg.empty(
                    "rect",
                    "x",
                    cx - w / 2,
                    "y",
                    by,
                    "width",
                    w,
                    "height",
                    Math.max(0.5, base - by),
                    "fill",
                    "url(#p-anx)",
                    "class",
                    "band-rect");
            svg.close("g");
            svg.text(
                    "text",
                    b.measured() ? Format.number(m, 1) : "no data",
                    "x",
                    cx,
                    "y",
                    by - 3,
                    "class",
                    "label",
                    "text-anchor",
                    "middle");
            svg.text(
                    "text", "#" + b.sessionNumber(), "x", cx, "y", base + 13, "class", "tick", "text-anchor", "middle");
        }
        svg.text(
                "text",
                "session number",
                "x",
                LEFT + plotW / 2,
                "y",
                HEIGHT - 6,
                "class",
                "tick",
                "text-anchor",
                "middle");
        return svg.raw(Patterns.DEFS).finish();
    }
}
