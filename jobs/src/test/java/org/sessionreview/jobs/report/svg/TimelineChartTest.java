package org.sessionreview.jobs.report.svg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sessionreview.jobs.report.svg.Timeline.Band;
import org.sessionreview.jobs.report.svg.Timeline.Mark;
import org.sessionreview.jobs.report.svg.Timeline.Point;
import org.sessionreview.jobs.report.svg.Timeline.Series;

class TimelineChartTest {
    private static Timeline timeline(List<Band> ruptures, List<Mark> interventions) {
        List<Point> pts = new ArrayList<>();
        for (int t = 15; t < 1200; t += 5) {
            pts.add(new Point(t, t > 600 && t < 650 ? null : Math.sin(t / 60.0)));
        }
        Series s = new Series("client", pts);
        return new Timeline(
                1200,
                s,
                new Series("therapist", List.of()),
                2.0,
                List.of(new Series("EDA level z", pts)),
                List.of(new Series("EDA synchrony", List.of())),
                List.of(new Band(449, 642.5, "A1", "episode", "anx")),
                ruptures,
                List.of(),
                List.of(),
                interventions,
                List.of(new Mark(960, "SAFE_SUICIDAL_IDEATION 16:00", "safety")),
                List.of(new Timeline.BandLane("Poor quality: client", List.of())),
                true);
    }

    @Test
    void shouldMapVideoSecondsLinearlyOntoThePlot() {
        assertEquals(190, TimelineChart.x(0, 1200), 1e-9);
        assertEquals(1000 - 16, TimelineChart.x(1200, 1200), 1e-9);
        assertEquals(190 + 794 * 700 / 1200.0, TimelineChart.x(700, 1200), 1e-9);
        assertEquals(190, TimelineChart.x(-50, 1200), 1e-9);
    }

    @Test
    void shouldDrawARuptureBandAtTheXOfItsStartWithItsOutcomeLabel() {
        String svg = TimelineChart.svg(
                timeline(List.of(new Band(700, 745, "C1 unaddressed", "confrontation C1", "C")), List.of()));
        Matcher m = Pattern.compile(
                        "<g class=\"band C\"><title>confrontation C1</title>\\s*<rect x=\"([0-9.]+)\" y=\"[0-9.]+\" width=\"([0-9.]+)\"")
                .matcher(svg);
        assertTrue(m.find(), svg);
        assertEquals(Svg.num(TimelineChart.x(700, 1200)), m.group(1));
        assertEquals(TimelineChart.x(745, 1200) - TimelineChart.x(700, 1200), Double.parseDouble(m.group(2)), 0.01);
        assertTrue(svg.contains(">C1 unaddressed</text>"));
        assertTrue(svg.contains("fill=\"url(#p-C)\""), "a pattern, not colour alone");
    }

    @Test
    void shouldEscapeEveryTextAndBreakTheLineAtMissingValues() {
        String svg = TimelineChart.svg(
                timeline(List.of(), List.of(new Mark(100, "<script>alert(1)</script>", "a \"quoted\" & <b>"))));
        assertFalse(svg.contains("<script>"));
        assertTrue(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(svg.contains("a &quot;quoted&quot; &amp; &lt;b&gt;"));
        // client line broken by the gap 600-650 s: two paths in the anxiety panel, two in the channel panel
        assertEquals(4, svg.split("class=\"line client\"", -1).length - 1 - 1, svg.length() + " chars");
        assertTrue(svg.contains("no values"));
    }

    @Test
    void shouldMoveOverlappingLabelsToAnotherRowAndKeepThemInsideThePlot() {
        List<Double> rows = new ArrayList<>();
        double[] a = TimelineLanes.place(rows, 300, "EXPLORE_FEELING");
        double[] b = TimelineLanes.place(rows, 320, "REGULATE_ANXIETY");
        double[] c = TimelineLanes.place(rows, 900, "A_VERY_LONG_LABEL_AT_THE_END");
        assertEquals(0, a[0]);
        assertEquals(1, b[0]);
        assertEquals(0, c[0]);
        assertTrue(c[1] + 28 * 6.2 <= 1000 - 16);
    }

    @Test
    void shouldKeepTheThresholdLabelInsideThePanelWhenTheThresholdIsItsTop() {
        // the index here stays within -1..1, so the threshold 2.0 is the panel's top
        String svg = TimelineChart.svg(timeline(List.of(), List.of()));
        Matcher line = Pattern.compile("<line [^>]*y1=\"([0-9.]+)\"[^>]*class=\"reference\"")
                .matcher(svg);
        assertTrue(line.find(), svg);
        Matcher label =
                Pattern.compile("y=\"([0-9.]+)\"[^>]*>episode threshold 2.0<").matcher(svg);
        assertTrue(label.find(), svg);
        // before: drawn 2 units above the line, outside the panel
        assertTrue(
                Double.parseDouble(label.group(1)) > Double.parseDouble(line.group(1)),
                label.group(1) + " " + line.group(1));
    }

    /** {@code t} with another client index, no client episode, coded or not. */
    private static Timeline withClient(Timeline t, Series client, boolean coded) {
        return new Timeline(
                t.durationS(),
                client,
                t.therapistAnxiety(),
                t.enterThreshold(),
                t.channels(),
                t.synchrony(),
                List.of(),
                t.ruptures(),
                t.candidates(),
                t.repairs(),
                t.interventions(),
                t.safety(),
                t.poorQuality(),
                coded);
    }

    @Test
    void shouldKeepTheLastTickLabelOfALongVideoInsideTheChart() {
        for (double duration : new double[] {9000, 9010, 6000, 2700}) {
            Timeline t0 = timeline(List.of(), List.of());
            Timeline t = new Timeline(
                    duration,
                    t0.clientAnxiety(),
                    t0.therapistAnxiety(),
                    t0.enterThreshold(),
                    t0.channels(),
                    t0.synchrony(),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    t0.poorQuality(),
                    true);
            String svg = TimelineChart.svg(t);
            Matcher m = Pattern.compile(
                            "<text x=\"([0-9.]+)\" y=\"[0-9.]+\" class=\"tick\" text-anchor=\"(\\w+)\">(\\d+:\\d\\d)</text>")
                    .matcher(svg);
            int ticks = 0;
            while (m.find()) {
                ticks++;
                double x = Double.parseDouble(m.group(1));
                // a 10 px digit is at most 6.4 units wide: the label's right edge by its anchor
                double half = 6.4 * m.group(3).length() / 2;
                double right = switch (m.group(2)) {
                    case "start" -> x + 2 * half;
                    case "middle" -> x + half;
                    default -> x;
                };
                // twenty-second audit: "150:00" of a 9,000 s video was centred at 984 of 1000, its
                // last digit cut off
                assertTrue(right <= 1000, duration + " s: " + m.group(3) + " ends at " + right);
            }
            assertTrue(ticks >= 2, svg);
        }
    }

    @Test
    void shouldSayNoClientDataRatherThanNoneWhenTheClientIndexHasNoValue() {
        Timeline t = timeline(List.of(), List.of());
        Series empty = new Series("client", List.of(new Point(15, null), new Point(20, null)));
        assertTrue(TimelineChart.svg(withClient(t, empty, true)).contains(">no client data</text>"));
        assertFalse(TimelineChart.svg(withClient(t, t.clientAnxiety(), true)).contains(">no client data</text>"));
    }

    @Test
    void shouldSayNotCodedRatherThanNoneInTheCodedLanesOfAnUncodedVideo() {
        // found by the report audit: SAFE, ruptures, RES and INT lanes said "none"
        Timeline t = timeline(List.of(), List.of());
        String uncoded = TimelineChart.svg(withClient(t, t.clientAnxiety(), false));
        assertEquals(3, uncoded.split(">not coded</text>", -1).length - 1, "ruptures, RES, INT (SAFE has a mark)");
        assertFalse(TimelineChart.svg(withClient(t, t.clientAnxiety(), true)).contains(">not coded</text>"));
    }
}
