package org.sessionreview.features;

import org.sessionreview.config.FeatureConfig;
import org.sessionreview.signal.cardiac.HrvTimeDomain;
import org.sessionreview.signal.cardiac.IbiCleaner;

/**
 * Cardiac features of one window: heart rate and RMSSD from the device's inter-beat intervals,
 * with the device's 1 Hz HR as fall-back.
 *
 * <p><b>In the pipeline</b> only the fall-back is used: {@link CardiacWindow} takes the heart rate
 * from the merged device and pulse-wave beats over the trailing {@code cardiac.time_span_s} (60 s)
 * and, when their accepted intervals cover less than {@code minQuality} (0.5) of that span (or
 * give no heart rate), calls this class with no beats. The window's {@code hrBpm} is then the mean of its E4 HR.csv samples
 * (Empatica's 1 Hz average heart rate from the pulse wave) in {@code [startMillis, endMillis)}
 * that lie in {@code [60 / ibiMaxS, 60 / ibiMinS]} (30-200 bpm by default), and its {@code
 * cardiacQuality} is their number over the samples the window should hold at the channel's rate
 * (30 for a 30 s window at 1 Hz), capped at 1; when that is below {@code minQuality} too, {@code
 * hrBpm} is null and {@code CardiacWindow} reports the beats' coverage. On real wrist recordings
 * this fall-back is common (README, Methods, Cardiac: 53 % of the windows of the shared E4
 * recordings).
 *
 * <p>IBIs from {@code contextSeconds} before the window to its end are cleaned with {@link
 * IbiCleaner} ({@code ibiMinS..ibiMaxS}, {@code ibiMaxDeviation} from the local median); the
 * window's beats are those whose time (interval end) lies in the window.
 *
 * <ul>
 *   <li>IBI coverage = the part of the window covered by accepted intervals (each interval
 *       clipped to the window), capped at 1.
 *   <li>When coverage >= {@code minQuality}: HR = 60 / mean accepted IBI (bpm); RMSSD over
 *       adjacent accepted beats ({@link HrvTimeDomain}), null with fewer than {@value
 *       #MIN_RMSSD_PAIRS} pairs; quality = coverage.
 *   <li>Otherwise (few or no beats, as when the E4 loses the pulse during movement): HR = mean
 *       of the device HR samples in {@code [60 / ibiMaxS, 60 / ibiMinS]} bpm, quality = their
 *       number over the samples the window should hold (capped at 1), RMSSD null. When that also fails, HR is null and quality is the larger of
 *       the two.
 * </ul>
 *
 * <p>Reference: Task Force of the ESC and NASPE (1996), Heart rate variability: standards of
 * measurement, physiological interpretation and clinical use, Circulation 93, 1043-1065.
 */
public final class CardiacFeatures {
    /** Fewest adjacent beat pairs for an RMSSD. */
    public static final int MIN_RMSSD_PAIRS = 5;

    private CardiacFeatures() {}

    /** Where the window's heart rate came from. */
    public enum HrSource {
        IBI,
        DEVICE_HR,
        NONE
    }

    /**
     * @param quality IBI coverage, or, when HR fell back to the device HR, the valid device-HR
     *     samples (30-200 bpm by default) over the samples the window should hold, capped at 1;
     *     with no HR the larger of the two; 0..1
     * @param hrBpm heart rate, beats per minute; null below quality
     * @param rmssdMs RMSSD, milliseconds; null unless from IBIs with enough adjacent pairs
     * @param source where the HR came from
     * @param acceptedBeats accepted beats in the window
     */
    public record Result(double quality, Double hrBpm, Double rmssdMs, HrSource source, int acceptedBeats) {}

    /**
     * Computes the window's cardiac features.
     *
     * @param ibi beats from {@code contextSeconds} before the window start up to its end
     * @param deviceHr device HR (bpm; the E4's HR.csv, 1 Hz) inside the window (may be empty)
     * @param startMillis window start, epoch ms
     * @param endMillis window end (exclusive), epoch ms
     */
    public static Result compute(
            BeatSeries ibi, RegularSeries deviceHr, double startMillis, double endMillis, FeatureConfig config) {
        int n = ibi.length();
        double[] t = ibi.timesMillis();
        double[] rr = ibi.ibiS();
        boolean[] accepted = IbiCleaner.accept(rr, config.ibiMinS(), config.ibiMaxS(), config.ibiMaxDeviation());
        boolean[] use = new boolean[n];
        double[] beatS = new double[n];
        double covered = 0;
        double sum = 0;
        int beats = 0;
        for (int i = 0; i < n; i++) {
            beatS[i] = (t[i] - startMillis) / 1000.0;
            use[i] = accepted[i] && t[i] >= startMillis && t[i] < endMillis;
            if (use[i]) {
                double begin = Math.max(startMillis, t[i] - rr[i] * 1000.0);
                covered += t[i] - begin;
                sum += rr[i];
                beats++;
            }
        }
        double coverage = Math.min(1.0, covered / (endMillis - startMillis));
        if (beats > 0 && coverage >= config.minQuality()) {
            HrvTimeDomain.Rmssd rmssd = HrvTimeDomain.rmssd(beatS, rr, use);
            Double rmssdMs = rmssd.pairs() >= MIN_RMSSD_PAIRS ? rmssd.rmssdMs() : null;
            return new Result(coverage, 60.0 / (sum / beats), rmssdMs, HrSource.IBI, beats);
        }
        return deviceFallback(deviceHr, startMillis, endMillis, coverage, beats, config);
    }

    private static Result deviceFallback(
            RegularSeries hr, double startMillis, double endMillis, double coverage, int beats, FeatureConfig config) {
        if (hr.length() == 0) {
            return new Result(coverage, null, null, HrSource.NONE, beats);
        }
        double min = 60.0 / config.ibiMaxS();
        double max = 60.0 / config.ibiMinS();
        int from = hr.indexAtOrAfter(startMillis);
        int to = hr.indexAtOrAfter(endMillis);
        double sum = 0;
        int valid = 0;
        for (int i = from; i < to; i++) {
            double v = hr.values()[i];
            if (v >= min && v <= max) {
                sum += v;
                valid++;
            }
        }
        double quality = Math.min(1.0, valid / hr.expectedSamples(endMillis - startMillis));
        if (valid > 0 && quality >= config.minQuality()) {
            return new Result(quality, sum / valid, null, HrSource.DEVICE_HR, beats);
        }
        return new Result(Math.max(quality, coverage), null, null, HrSource.NONE, beats);
    }
}
