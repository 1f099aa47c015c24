package org.sessionreview.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sessionreview.model.WindowFeatures;

/** The episode evidence names an irregular heart rhythm with its share of the episode's windows. */
class IrregularRhythmNoteTest {

    /** Windows of 30 s every 5 s from 0 s; those starting in [irregularFromS, irregularToS) irregular. */
    private static List<WindowFeatures> windows(double irregularFromS, double irregularToS) {
        List<WindowFeatures> ws = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            WindowFeatures w = new WindowFeatures();
            w.startS = 5.0 * i;
            w.endS = w.startS + 30;
            w.hrBpm = i == 40 ? null : 85.0; // one window without a heart rate
            boolean irregular = w.startS >= irregularFromS && w.startS < irregularToS;
            w.irregularRhythm = irregular;
            w.hrSeBpm = irregular && w.hrBpm != null ? 1.8 : null;
            ws.add(w);
        }
        return ws;
    }

    @Test
    void shouldCountTheEpisodesIrregularWindowsAmongThoseWithAHeartRate() {
        // episode 180-260 s: windows starting 155-255 s overlap it (21), one without HR (200 s)
        List<WindowFeatures> ws = windows(220, 1000);
        String note = IrregularRhythmNote.note(ws, 180, 260);
        int withHr = 0;
        int irregular = 0;
        for (WindowFeatures w : ws) {
            if (w.endS > 180 && w.startS < 260 && w.hrBpm != null) {
                withHr++;
                irregular += w.irregularRhythm ? 1 : 0;
            }
        }
        assertEquals(20, withHr);
        assertEquals(8, irregular);
        assertEquals(
                "; irregular heart rhythm in 8 of 20 windows (HR from all beats, z(HR) with its sampling error;"
                        + " RMSSD is no vagal measure there)",
                note);
    }

    @Test
    void shouldCountIrregularWindowsWhoseRateFellBackToTheKeptBeats() {
        // the same episode; all beats covered too little in the irregular windows starting 240-255 s
        List<WindowFeatures> ws = windows(220, 1000);
        int fellBack = 0;
        for (WindowFeatures w : ws) {
            if (w.startS >= 240 && w.startS < 260) {
                w.hrSeBpm = null;
                fellBack++;
            }
        }
        assertEquals(4, fellBack);
        assertEquals(
                "; irregular heart rhythm in 8 of 20 windows (HR from all beats in 4 of them, z(HR) with its"
                        + " sampling error; RMSSD is no vagal measure there)",
                IrregularRhythmNote.note(ws, 180, 260));
        for (WindowFeatures w : ws) {
            w.hrSeBpm = null;
        }
        assertEquals(
                "; irregular heart rhythm in 8 of 20 windows (HR as for a regular rhythm: the rate of all beats was"
                        + " not usable; RMSSD is no vagal measure there)",
                IrregularRhythmNote.note(ws, 180, 260));
    }

    @Test
    void shouldSayNothingForASinusRhythm() {
        assertEquals("", IrregularRhythmNote.note(windows(1000, 2000), 180, 260));
        assertEquals("", IrregularRhythmNote.note(null, 180, 260));
    }
}
