package org.sessionreview.signal.cardiac;

import java.util.List;

/**
 * Recognises an irregular heart rhythm (atrial fibrillation, frequent ectopy) over one span of
 * cleaned beats and gives its heart rate with the rate's sampling error.
 *
 * <p><b>Why.</b> The local-median cleaning ({@link IbiCleaner}, 20 %) removes artifacts and
 * isolated premature beats from a sinus rhythm, whose intervals change smoothly. In atrial
 * fibrillation the intervals are close to independent draws from a wide distribution (CV 15-25
 * %), every one of them a real beat: the cleaning rejects 15-45 % of them, and the mean of the
 * kept subset then depends on where each beat's local median happens to lie (eighth audit: the 60
 * s heart rate of the kept beats wandered 2.0-2.7 bpm at rest, against 0.6-1.6 for sinus
 * wearers, and lay about 2 bpm above the rate of all beats). Even over all beats, the mean rate of
 * independent intervals has a standard error of about HR x CV / sqrt(n): 1.4-2.3 bpm over 60 s at
 * 85 bpm, as large as the 2 bpm scale floor of z(HR) (Methods, Anxiety index).
 *
 * <p><b>Rule.</b> Over the span's <em>eligible</em> beats (accepted, or rejected only for {@link
 * RejectReason#DEVIATES_FROM_LOCAL_MEDIAN}: in range and not an artifact by any other test), the
 * rhythm is irregular when there are at least {@code minBeats} (default 30) and the share
 * rejected for deviating from the local median is at least {@code minShare} (default 0.15). The
 * pipeline judges the device's beats only (the pulse wave's carry detection jitter and
 * artifacts; {@code CardiacWindow}). A sinus
 * rhythm, also an athlete's with strong respiratory sinus arrhythmia (RSA amplitude up to about
 * 15 % of the interval), has none; premature beats every 20-60 beats (each with its compensatory
 * pause: two rejected intervals) give 3-10 %; independent intervals with a CV of 15 % give about
 * 21 % (5th percentile 14 %), with 20 % about 33 %. This is the cleaning's own form of the
 * RR-irregularity measures of AF detectors (normalised RMSSD, turning points and Shannon entropy
 * of the intervals; Dash, Chon, Lu &amp; Raeder 2009, Ann. Biomed. Eng. 37, 1701-1709), which
 * judge a 64-128 beat segment as this judges a 60 s span (at least 30 beats).
 *
 * <p><b>Heart rate of an irregular span:</b> 60000 / the mean of all eligible intervals (every
 * one a beat of the ventricle; a premature beat and its pause sum to two normal intervals), with
 * its coverage the share of the span they cover, each clipped to the span. Its <b>standard
 * error</b>, bpm: {@code HR x SE(meanRR) / meanRR} (first order), with SE(meanRR) the
 * overlapping-batch-means standard error of the mean interval ({@link #batchMeansSe}: batches of
 * {@code b = floor(sqrt n)} consecutive eligible intervals; Flegal &amp; Jones 2010, Ann. Statist.
 * 38, 1034-1070, who recommend {@code b = n^(1/2)}; Meketon &amp; Schmeiser 1984 for the
 * overlapping form). It is consistent under short-range dependence (a strictly periodic ectopy whose period does
 * not divide the batches, trigeminy, is overstated about 3-5 times): the earlier estimate, RMSSD / sqrt
 * 2 / sqrt n, assumed independent intervals, right for atrial fibrillation but 7-15 times the
 * true error for frequent ectopy, whose premature beat and compensatory pause are strongly
 * negatively correlated (their sum is two normal intervals), so z(HR) came out too low for the
 * same rise. Measured on synthetic 60 s spans (3,000 realisations each; the true error is the
 * spread of the span's mean over them): independent intervals of CV 15 and 25 % at 85 bpm, true
 * 1.38 and 2.31 bpm, this estimate averages 0.98 and 0.97 of it (the independent form 1.00 and
 * 0.99; spread of the estimate 20 % against 10 %); bigeminy, trigeminy and a premature beat every
 * 5-10 beats at 75 bpm, true 0.19-0.33 bpm, this 0.25, 1.08 and 0.67 bpm, the independent form
 * 4.9, 3.5 and 2.2 bpm. The error of the rate from the span's beat count and duration was not
 * taken: one span gives that count once, so its error again needs a model of the intervals'
 * dependence. Non-overlapping batch means (Flegal &amp; Jones' BM) gave the same means with a 26
 * % spread for independent intervals and up to 42 % for ectopy. It is not used for a regular
 * rhythm, whose intervals follow breathing and average out over a span.
 *
 * <p>Plain Java, no Flink.
 */
public final class IrregularRhythm {
    private IrregularRhythm() {}

    /**
     * The assessment of one span.
     *
     * @param eligible eligible beats in the span
     * @param deviating of those, rejected for deviating from the local median
     * @param irregular whether the rule above holds
     * @param hrBpm 60000 / mean eligible interval, bpm; NaN with no eligible beat
     * @param coverage share of the span covered by eligible intervals (each clipped to it), 0..1
     * @param seBpm standard error of {@code hrBpm}, bpm; NaN with fewer than 4 eligible intervals
     */
    public record Result(int eligible, int deviating, boolean irregular, double hrBpm, double coverage, double seBpm) {
        /** Share of eligible beats rejected for deviating from the local median; 0 with none. */
        public double deviatingShare() {
            return eligible == 0 ? 0 : (double) deviating / eligible;
        }
    }

    /** Whether {@code b} is a beat in range that the cleaning rejected only for its local median (or accepted). */
    public static boolean eligible(Beat b) {
        return b.accepted() || b.rejectReason() == RejectReason.DEVIATES_FROM_LOCAL_MEDIAN;
    }

    /**
     * Assesses the beats of {@code beats} whose time lies in {@code [fromMillis, toMillis)}.
     *
     * @param beats cleaned beats in time order ({@link IbiCleaner#clean}), accepted and rejected
     * @param fromMillis span start, same time base as the beats
     * @param toMillis span end (exclusive), greater than {@code fromMillis}
     * @param minShare least deviating share for an irregular rhythm, 0..1 (default 0.15)
     * @param minBeats fewest eligible beats for a judgement (default 30)
     */
    public static Result assess(List<Beat> beats, double fromMillis, double toMillis, double minShare, int minBeats) {
        if (!(toMillis > fromMillis)) {
            throw new IllegalArgumentException("empty span " + fromMillis + ".." + toMillis);
        }
        int n = 0;
        int deviating = 0;
        double covered = 0;
        double[] intervals = new double[beats.size()];
        for (Beat b : beats) {
            if (!eligible(b) || b.tMillis() < fromMillis || b.tMillis() >= toMillis || !Double.isFinite(b.ibiMs())) {
                continue;
            }
            intervals[n++] = b.ibiMs();
            if (!b.accepted()) {
                deviating++;
            }
            covered += b.tMillis() - Math.max(fromMillis, b.startMillis());
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += intervals[i];
        }
        double meanRr = n == 0 ? Double.NaN : sum / n;
        double hr = 60000.0 / meanRr;
        double se = hr * batchMeansSe(intervals, n) / meanRr;
        boolean irregular = n >= minBeats && (double) deviating / n >= minShare;
        return new Result(n, deviating, irregular, hr, Math.min(1.0, covered / (toMillis - fromMillis)), se);
    }

    /**
     * Overlapping-batch-means standard error of the mean of {@code x[0..n)} (Flegal &amp; Jones
     * 2010; Meketon &amp; Schmeiser 1984): with batch size {@code b = floor(sqrt n)} and
     * the {@code n - b + 1} means {@code Y_j} of {@code x[j..j+b)}, the variance of the mean is
     * {@code b / ((n - b) (n - b + 1)) x sum_j (Y_j - mean)^2}. Same unit as {@code x}; NaN
     * with fewer than 4 values (a single batch size of 1 would assume independence).
     *
     * @param x the values in order (consecutive intervals, ms)
     * @param n how many of {@code x} to use, from the start
     */
    static double batchMeansSe(double[] x, int n) {
        if (n < 4) {
            return Double.NaN;
        }
        int b = (int) Math.floor(Math.sqrt(n));
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += x[i];
        }
        mean /= n;
        double window = 0;
        for (int i = 0; i < b; i++) {
            window += x[i] - mean;
        }
        double squares = window * window;
        for (int j = 1; j + b <= n; j++) {
            window += x[j + b - 1] - x[j - 1];
            squares += window * window;
        }
        // window = b x (Y_j - mean); the sum of (Y_j - mean)^2 is squares / b^2
        double variance = (double) b / ((double) (n - b) * (n - b + 1)) * squares / ((double) b * b);
        return Math.sqrt(variance);
    }
}
