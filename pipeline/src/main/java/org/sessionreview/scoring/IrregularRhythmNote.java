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
 * intervals). The windows counted are those {@code windows/} marks {@code irregular_rhythm}
 * (before 2026-12-07 those whose rate came from all beats, fewer where the rate fell back to the
 * kept beats).
 */
final class IrregularRhythmNote {
    private IrregularRhythmNote() {}

    /**
     * The note for the episode {@code [startS, endS]} of one wearer, or "" when none of its windows
     * with a heart rate had an irregular rhythm.
     *
     * @param ws the wearer's scored windows (irregular: {@link WindowFeatures#irregularRhythm}, the
     *     {@code windows/} column {@code irregular_rhythm}; its heart rate is from all beats when
     *     {@link WindowFeatures#hrSeBpm} is set, else as for a regular rhythm: the kept beats, or
     *     HR.csv, where all beats covered too little of the span or gave no finite rate or error)
     * @param startS episode start, seconds from media start
     * @param endS episode end, seconds from media start
     */
    static String note(List<WindowFeatures> ws, double startS, double endS) {
        if (ws == null) {
            return "";
        }
        int withHr = 0;
        int irregular = 0;
        int fromAllBeats = 0;
        for (WindowFeatures w : ws) {
            if (w.endOfStream || w.hrBpm == null || w.endS <= startS || w.startS >= endS) {
                continue;
            }
            withHr++;
            if (w.irregularRhythm) {
                irregular++;
                if (w.hrSeBpm != null) {
                    fromAllBeats++;
                }
            }
        }
        if (irregular == 0) {
            return "";
        }
        String rate;
        if (fromAllBeats == irregular) {
            rate = "HR from all beats, z(HR) with its sampling error";
        } else if (fromAllBeats == 0) {
            rate = "HR as for a regular rhythm: the rate of all beats was not usable";
        } else {
            rate = "HR from all beats in " + fromAllBeats + " of them, z(HR) with its sampling error";
        }
        return "; irregular heart rhythm in " + irregular + " of " + withHr + " windows (" + rate
                + "; RMSSD is no vagal measure there)";
    }
}
