package org.sessionreview.signal.synchrony;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.api.Test;
import org.sessionreview.config.SynchronyConfig;
import org.sessionreview.signal.synchrony.SynchronyDrop.Interval;
import org.sessionreview.signal.synchrony.SynchronyDrop.Reference;

class SynchronyDropTest {
    private static final SynchronyConfig CFG = SynchronyConfig.defaults();

    /** An analysed 30 s window starting at {@code startS} with the given mean |z|. */
    private static SynchronyWindow window(double startS, double meanAbsZ) {
        return new SynchronyWindow(
                startS,
                startS + 30,
                WindowStatus.OK,
                1.0,
                meanAbsZ,
                meanAbsZ,
                0.0,
                meanAbsZ,
                meanAbsZ,
                meanAbsZ,
                Leader.NONE);
    }

    @Test
    void shouldReportLowerSynchronyWithItsEffectSizeWhenTheIntervalIsWeaker() {
        List<SynchronyWindow> windows = new ArrayList<>();
        SummaryStatistics rest = new SummaryStatistics();
        SummaryStatistics inside = new SummaryStatistics();
        for (int i = 0; i < 120; i++) {
            double start = 5.0 * i;
            double centre = start + 15;
            boolean in = centre >= 300 && centre < 450;
            double z = (in ? 0.30 : 0.60) + (i % 3 - 1) * 0.05;
            windows.add(window(start, z));
            (in ? inside : rest).addValue(z);
        }
        SynchronyDrop.Result r =
                SynchronyDrop.compare(windows, List.of(new Interval(300, 450)), Reference.REST_OF_SESSION, CFG);

        assertTrue(r.compared());
        assertEquals(inside.getN(), r.insideWindows());
        assertEquals(rest.getN(), r.referenceWindows());
        assertEquals(inside.getMean(), r.insideMean(), 1e-12);
        assertEquals(rest.getMean(), r.referenceMean(), 1e-12);
        assertEquals((inside.getMean() - rest.getMean()) / rest.getStandardDeviation(), r.effectSize(), 1e-12);
        assertTrue(r.lower());
        assertTrue(r.wording().startsWith("Lower physiological synchrony"), r.wording());
        assertTrue(r.wording().contains("not a rupture marker (Deres-Cohen et al. 2021)"));
    }

    @Test
    void shouldNotWordADropWhenTheIntervalLooksLikeTheRest() {
        Well19937c rng = new Well19937c(4);
        List<SynchronyWindow> windows = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            windows.add(window(5.0 * i, 0.5 + 0.1 * rng.nextGaussian()));
        }
        SynchronyDrop.Result r =
                SynchronyDrop.compare(windows, List.of(new Interval(300, 450)), Reference.REST_OF_SESSION, CFG);

        assertTrue(r.compared());
        assertTrue(Math.abs(r.effectSize()) < CFG.dropEffectThreshold(), "" + r.effectSize());
        assertFalse(r.lower());
        assertTrue(r.wording().startsWith("No marked difference"), r.wording());
    }

    @Test
    void shouldCompareOnlyWithThePrecedingSpanWhenAsked() {
        List<SynchronyWindow> windows = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            double centre = 5.0 * i + 15;
            // high far before, lower just before the interval, lowest inside
            double z = centre >= 600 && centre < 900
                    ? 0.2
                    : centre >= 300 && centre < 600 ? 0.4 + (i % 2) * 0.02 : 0.9 + (i % 2) * 0.02;
            windows.add(window(5.0 * i, z));
        }
        SynchronyDrop.Result r =
                SynchronyDrop.compare(windows, List.of(new Interval(600, 900)), Reference.PRECEDING, CFG);

        assertEquals(60, r.insideWindows());
        assertEquals(60, r.referenceWindows(), "windows centred in [300, 600)");
        assertEquals(0.41, r.referenceMean(), 1e-12);
        assertTrue(r.lower());
        assertTrue(r.wording().contains("the preceding span"), r.wording());
    }

    @Test
    void shouldHaveAComparisonForEveryConfigurableReference() {
        // synchrony.drop.reference names the comparison CodedEventsStep runs
        for (org.sessionreview.config.DropReference d : org.sessionreview.config.DropReference.values()) {
            assertEquals(d.name(), Reference.valueOf(d.name()).name());
        }
        assertEquals(
                org.sessionreview.config.DropReference.REST_OF_SESSION,
                SynchronyConfig.defaults().dropReference());
    }

    @Test
    void shouldDeclineToCompareWhenTooFewWindowsAreAnalysed() {
        List<SynchronyWindow> windows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            windows.add(
                    i >= 10 && i < 20
                            ? SynchronyWindow.skipped(5.0 * i, 5.0 * i + 30, WindowStatus.TOO_MANY_MASKED, 0.2)
                            : window(5.0 * i, 0.5));
        }
        SynchronyDrop.Result r =
                SynchronyDrop.compare(windows, List.of(new Interval(50, 100)), Reference.REST_OF_SESSION, CFG);

        assertFalse(r.compared());
        assertFalse(r.lower());
        assertTrue(r.insideWindows() < CFG.dropMinWindows());
        assertTrue(r.wording().startsWith("Too few analysed windows"), r.wording());
    }

    @Test
    void shouldSeeLowerSynchronyWhereTheTherapistStopsFollowingInASyntheticSession() {
        DyadSeries coupled = SyntheticDyad.following(8, 20, 3.0, 0.5);
        DyadSeries noise = SyntheticDyad.independent(80, 20);
        double[] therapist = coupled.therapist().clone();
        int from = (int) (600 * coupled.rateHz());
        int to = (int) (900 * coupled.rateHz());
        System.arraycopy(noise.therapist(), from, therapist, from, to - from);
        List<SynchronyWindow> windows =
                WindowedCrossCorrelation.compute(new DyadSeries(coupled.client(), therapist, coupled.rateHz(), 0), CFG);

        SynchronyDrop.Result r =
                SynchronyDrop.compare(windows, List.of(new Interval(600, 900)), Reference.REST_OF_SESSION, CFG);
        System.out.println("synthetic drop: " + r.wording());
        assertTrue(r.lower(), r.wording());
        assertTrue(r.insideMean() < r.referenceMean());
    }
}
