package org.sessionreview.signal.cardiac;

import java.util.ArrayList;
import java.util.List;

/**
 * Beats of a heart whose interval follows respiratory sinus arrhythmia: {@code ibi = meanMs +
 * amplitudeMs sin(2 pi f t)}, t the time of the previous beat.
 */
final class RsaSeries {
    private RsaSeries() {}

    /** Accepted device-like beats from 0 to {@code durationS}, times in ms from 0. */
    static List<Beat> beats(double meanMs, double amplitudeMs, double frequencyHz, double durationS) {
        List<Beat> beats = new ArrayList<>();
        double t = 0;
        while (true) {
            double ibi = meanMs + amplitudeMs * Math.sin(2 * Math.PI * frequencyHz * t / 1000.0);
            t += ibi;
            if (t >= durationS * 1000.0) {
                return beats;
            }
            beats.add(Beat.accepted(t, ibi, Beat.Source.DEVICE));
        }
    }

    /** RMSSD of a sampled sinusoid: differences 2A cos(.) sin(pi f m) have RMS sqrt(2) A sin(pi f m). */
    static double expectedRmssdMs(double meanMs, double amplitudeMs, double frequencyHz) {
        return Math.sqrt(2) * amplitudeMs * Math.abs(Math.sin(Math.PI * frequencyHz * meanMs / 1000.0));
    }
}
