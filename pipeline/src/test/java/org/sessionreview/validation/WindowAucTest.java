package org.sessionreview.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sessionreview.model.WindowFeatures;

class WindowAucTest {
    /** The definition, pair by pair: the slow reference the rank form is checked against. */
    private static double pairwise(List<Double> stress, List<Double> rest) {
        double u = 0;
        for (double p : stress) {
            for (double n : rest) {
                u += p > n ? 1 : p == n ? 0.5 : 0;
            }
        }
        return u / ((double) stress.size() * rest.size());
    }

    @Test
    void shouldEqualThePairwiseCountWithTiesWhenScoresAreRandom() {
        Random r = new Random(8);
        for (int trial = 0; trial < 50; trial++) {
            List<Double> stress = new ArrayList<>();
            List<Double> rest = new ArrayList<>();
            int n1 = 1 + r.nextInt(60);
            int n0 = 1 + r.nextInt(60);
            for (int i = 0; i < n1; i++) {
                stress.add((double) Math.round(r.nextGaussian() * 3 + 1)); // rounded: many ties
            }
            for (int i = 0; i < n0; i++) {
                rest.add(trial % 2 == 0 ? (double) Math.round(r.nextGaussian() * 3) : r.nextGaussian());
            }
            assertEquals(pairwise(stress, rest), WindowAuc.auc(stress, rest), 1e-12);
        }
    }

    @Test
    void shouldGiveOneHalfAndTheExtremesWhereTheyBelong() {
        assertEquals(1.0, WindowAuc.auc(List.of(3.0, 4.0), List.of(1.0, 2.0)));
        assertEquals(0.0, WindowAuc.auc(List.of(1.0), List.of(2.0, 3.0)));
        assertEquals(0.5, WindowAuc.auc(List.of(2.0, 2.0), List.of(2.0)));
        assertTrue(Double.isNaN(WindowAuc.auc(List.of(), List.of(1.0))));
    }

    @Test
    void shouldLabelAWindowByTheWholeSecondsInsideIt() {
        WindowFeatures w = new WindowFeatures();
        w.startS = 10.5;
        w.endS = 13.5; // media start 1000.0 s: seconds 1011, 1012, 1013
        Map<Long, Integer> labels = Map.of(1010L, 0, 1011L, 1, 1012L, 1, 1013L, 1, 1014L, 0);
        assertEquals(1.0, WindowAuc.label(w, 1_000_000, labels));
        assertEquals(2.0 / 3, WindowAuc.label(w, 1_000_000, Map.of(1011L, 1, 1012L, 1, 1013L, 0)), 1e-12);
        assertTrue(Double.isNaN(WindowAuc.label(w, 1_000_000, Map.of(2000L, 1))));
    }
}
