package org.sessionreview.validation;

import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;
import org.sessionreview.model.WindowFeatures;

/**
 * Window labels and the window-level ROC AUC of a score for stress-task windows against rest
 * windows.
 *
 * <p><b>A window's label</b> is the mean label of the whole unix seconds inside it ({@code start
 * <= t < end}); only pure windows count (all stress = 1, all rest = 0), so a window across a task
 * boundary is neither. <b>AUC</b> = Mann-Whitney U<sub>stress</sub> / (n<sub>stress</sub>
 * n<sub>rest</sub>) from mid-ranks (ties count half): the probability that a random stress window
 * scores above a random rest window (Hanley &amp; McNeil 1982, Radiology 143(1)).
 */
public final class WindowAuc {
    private WindowAuc() {}

    /**
     * Mean label of the seconds inside {@code w}, NaN when none is labelled.
     *
     * @param mediaStartMillis the unix time in ms of the recording's time 0 ({@code w.startS})
     */
    public static double label(WindowFeatures w, long mediaStartMillis, Map<Long, Integer> labels) {
        long from = (long) Math.ceil(mediaStartMillis / 1000.0 + w.startS);
        long to = (long) Math.ceil(mediaStartMillis / 1000.0 + w.endS);
        double sum = 0;
        int n = 0;
        for (long t = from; t < to; t++) {
            Integer l = labels.get(t);
            if (l != null) {
                sum += l;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** AUC of {@code stress} scores against {@code rest} scores; NaN when either is empty. */
    public static double auc(List<Double> stress, List<Double> rest) {
        if (stress.isEmpty() || rest.isEmpty()) {
            return Double.NaN;
        }
        double[] all = new double[stress.size() + rest.size()];
        for (int i = 0; i < stress.size(); i++) {
            all[i] = stress.get(i);
        }
        for (int i = 0; i < rest.size(); i++) {
            all[stress.size() + i] = rest.get(i);
        }
        double[] ranks = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE).rank(all);
        double r = 0;
        for (int i = 0; i < stress.size(); i++) {
            r += ranks[i];
        }
        double n1 = stress.size();
        return (r - n1 * (n1 + 1) / 2) / (n1 * rest.size());
    }
}
