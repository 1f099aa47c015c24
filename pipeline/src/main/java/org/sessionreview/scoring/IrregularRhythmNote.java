package org.sessionreview.scoring;

import java.util.List;
import org.sessionreview.model.WindowFeatures;

/**
 * The evidence note of an episode during which the wearer's heart rhythm was irregular ({@link
 * org.sessionreview.signal.cardiac.IrregularRhythm}: at least {@code
 * cardiac.irregular_min_share} of the trailing 60 s's device beats deviate from their local
 * median, as in atrial fibrillation or frequent ectopy), e.g. {@code ; irregular heart rhythm in
 * 14 of 14 windows (HR from all beats, z(HR) with its sampling error; RMSSD is no vagal measure
 * there)}. A supervisor reads such an episode's heart rate as less certain than a sinus
 * rhythm's: its z is smaller for the same rise, and an irregular rhythm's RMSSD measures the
 * irregularity, not vagal tone (Task Force of the ESC/NASPE 1996: HRV is defined on sinus, NN,
 * intervals).
 */
final class IrregularRhythmNote {
    private IrregularRhythmNote() {}

    /**
     * The note for the episode {@code [startS, endS]} of one wearer, or "" when none of its windows
     * with a heart rate had an irregular rhythm.
     *
     * @param ws the wearer's scored windows (a window is irregular when {@link
     *     WindowFeatures#hrSeBpm} is set)
     * @param startS episode start, seconds from media start
     * @param endS episode end, seconds from media start
     */
    static String note(List<WindowFeatures> ws, double startS, double endS) {
        if (ws == null) {
            return "";
        }
        int withHr = 0;
        int irregular = 0;
        for (WindowFeatures w : ws) {
            if (w.endOfStream || w.hrBpm == null || w.endS <= startS || w.startS >= endS) {
                continue;
            }
            withHr++;
            if (w.hrSeBpm != null) {
                irregular++;
            }
        }
        if (irregular == 0) {
            return "";
        }
        return "; irregular heart rhythm in " + irregular + " of " + withHr
                + " windows (HR from all beats, z(HR) with its sampling error; RMSSD is no vagal measure there)";
    }
}
