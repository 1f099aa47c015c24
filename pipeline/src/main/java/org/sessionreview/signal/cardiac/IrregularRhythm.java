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
 * error</b>, bpm: {@code HR x (RMSSD / sqrt 2) / meanRR / sqrt(n)}, with RMSSD over adjacent
 * eligible pairs: for independent intervals RMSSD / sqrt 2 is their SD, so this is the standard
 * error of the mean interval carried to the rate (first order). It is not used for a regular
 * rhythm, whose intervals follow breathing and average out over a span (their RMSSD would
 * overstate it).
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
     * @param seBpm standard error of {@code hrBpm}, bpm; NaN with fewer than 2 adjacent pairs
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
        double sum = 0;
        double covered = 0;
        double diffSq = 0;
        int pairs = 0;
        Beat previous = null;
        for (Beat b : beats) {
            if (!eligible(b) || b.tMillis() < fromMillis || b.tMillis() >= toMillis || !Double.isFinite(b.ibiMs())) {
                continue;
            }
            n++;
            if (!b.accepted()) {
                deviating++;
            }
            sum += b.ibiMs();
            covered += b.tMillis() - Math.max(fromMillis, b.startMillis());
            if (previous != null && HrvTimeDomain.adjacent(previous.tMillis(), b.tMillis(), b.ibiMs())) {
                double d = b.ibiMs() - previous.ibiMs();
                diffSq += d * d;
                pairs++;
            }
            previous = b;
        }
        double meanRr = n == 0 ? Double.NaN : sum / n;
        double hr = 60000.0 / meanRr;
        double se = pairs < 2 ? Double.NaN : hr * Math.sqrt(diffSq / pairs / 2) / meanRr / Math.sqrt(n);
        boolean irregular = n >= minBeats && (double) deviating / n >= minShare;
        return new Result(n, deviating, irregular, hr, Math.min(1.0, covered / (toMillis - fromMillis)), se);
    }
}
