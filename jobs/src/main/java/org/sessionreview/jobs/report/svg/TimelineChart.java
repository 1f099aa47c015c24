package org.sessionreview.jobs.report.svg;

import java.util.ArrayList;
import java.util.List;
import org.sessionreview.jobs.report.Format;
import org.sessionreview.jobs.report.svg.Timeline.Band;
import org.sessionreview.jobs.report.svg.Timeline.BandLane;
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
 *
 * <p>This class owns the geometry, the layout from top to bottom, the time axis and the shading;
 * {@link TimelineLanes} draws the event lanes, {@link TimelinePanels} the line panels and {@link
 * TimelineLegend} the key.
 */
public final class TimelineChart {
    static final double WIDTH = 1000;
    static final double LEFT = 190;
    static final double RIGHT = 16;
    /**
     * Width of a tick label's character (10 px digits are about 6.4 user units): a label centred
     * on its tick that would pass the chart's right edge (100 minutes and more: "150:00") is
     * right-aligned on it instead.
     */
    static final double TICK_DIGIT = 6.4;

    static final double CHAR_W = 6.2;

    static final String CLIENT_STROKE = "#1f4e9c";
    static final String THERAPIST_STROKE = "#a0500a";

    private final Timeline t;
    private final Svg svg;
    private final TimelineLanes lanes;
    private final TimelinePanels panels;
    private double y = 0;

    private TimelineChart(Timeline t, double height) {
        this.t = t;
        this.svg = new Svg(
                WIDTH,
                height,
                "timeline",
                "Session timeline over " + Format.mmss(t.durationS())
                        + " of video: events, anxiety index, client channels, synchrony");
        this.lanes = new TimelineLanes(svg, t.durationS());
        this.panels = new TimelinePanels(svg, t.durationS());
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
        // a video not coded: its coded lanes are unknown, not empty
        String noCodes = t.coded() ? "none" : "not coded";
        y = lanes.lane(y, "Safety events (SAFE)", List.of(), t.safety(), "diamond", noCodes);
        // the moments without a lane of their own (safety, ruptures and client episodes have theirs): its
        // "none" said nothing of those (twenty-second audit)
        y = lanes.lane(y, "Other candidate moments", t.candidates(), List.of(), null);
        y = lanes.lane(y, "Ruptures W/C, outcome", t.ruptures(), List.of(), null, noCodes);
        boolean clientData =
                t.clientAnxiety() != null && t.clientAnxiety().points().stream().anyMatch(p -> p.value() != null);
        y = lanes.lane(
                y,
                "Client anxiety episodes",
                t.anxietyEpisodes(),
                List.of(),
                null,
                clientData || !t.anxietyEpisodes().isEmpty() ? "none" : "no client data");
        y = lanes.lane(y, "Repair strategies (RES)", List.of(), t.repairs(), "triangle", noCodes);
        y = lanes.lane(y, "Interventions (INT)", List.of(), t.interventions(), "circle", noCodes);
        for (BandLane q : t.poorQuality()) {
            y = lanes.lane(y, q.name(), q.bands(), List.of(), null);
        }
        y += 6;
        double top = y;
        y = panels.panel(
                y,
                "Anxiety index",
                List.of(t.clientAnxiety(), t.therapistAnxiety()),
                110,
                t.enterThreshold(),
                "episode threshold " + Format.number(t.enterThreshold(), 1));
        for (Series c : t.channels()) {
            y = panels.panel(y, c.name(), List.of(c), 46, Double.NaN, null);
        }
        for (Series s : t.synchrony()) {
            y = panels.panel(y, s.name(), List.of(s), 46, Double.NaN, null);
        }
        shade(shadeTop, y);
        axis(false);
        y = new TimelineLegend(svg).draw(y);
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
            String label = Format.mmss(s);
            svg.empty("line", "x1", px, "x2", px, "y1", baseline, "y2", baseline + (top ? 4 : -4), "class", "axis");
            svg.text(
                    "text",
                    label,
                    "x",
                    px,
                    "y",
                    top ? baseline - 3 : baseline + 12,
                    "class",
                    "tick",
                    "text-anchor",
                    s == 0 ? "start" : px + TICK_DIGIT * label.length() / 2 > WIDTH ? "end" : "middle");
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
}
