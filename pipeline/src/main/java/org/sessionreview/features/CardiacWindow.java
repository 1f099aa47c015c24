package org.sessionreview.features;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.sessionreview.config.CardiacOptions;
import org.sessionreview.config.FeatureConfig;
import org.sessionreview.model.WindowFeatures;
import org.sessionreview.signal.cardiac.Beat;
import org.sessionreview.signal.cardiac.HrvFrequencyDomain;
import org.sessionreview.signal.cardiac.HrvTimeDomain;
import org.sessionreview.signal.cardiac.IrregularRhythm;
import org.sessionreview.signal.cardiac.LombScargleBlocks;

/**
 * Cardiac features of one window from the event stage's beats (DOMAIN.md 4.0):
 *
 * <ul>
 *   <li>HR over the trailing {@code cardiac.time_span_s} (60 s) ending at the window end, from the
 *       device's accepted beats, with pulse-wave beats filling the stretches the device did not
 *       cover (a BVP beat is used when no accepted device beat lies within {@code
 *       cardiac.device_cover_s} of it); {@code cardiacQuality} = the share of the span covered by
 *       accepted intervals. Below {@code minQuality} the device's own HR channel over the window
 *       is used instead ({@link CardiacFeatures}). When the span's rhythm is irregular ({@link
 *       IrregularRhythm}: at least {@code cardiac.irregular_min_share} of the device's in-range
 *       beats deviate from their local median, or {@code cardiac.irregular_leave_share} after an
 *       irregular window of the same wearer), HR is from all in-range beats instead and {@code
 *       hrSeBpm} is its sampling error, which widens the scale of z(HR).
 *   <li>RMSSD, SDNN, pNN50 over the same 60 s from the device beats only: on wrist BVP the
 *       pulse-wave beats give the right rate but 1.5-3x the device's RMSSD (peak timing jitter at
 *       64 Hz), so they never feed variability.
 *   <li>LF, HF and LF/HF (Lomb-Scargle) over the trailing {@code cardiac.frequency_span_s} (180 s)
 *       from the device beats; null when the span or its coverage is insufficient.
 * </ul>
 * References: Task Force of the ESC/NASPE (1996), Circulation 93, 1043-1065.
 */
final class CardiacWindow {

    private CardiacWindow() {}

    /**
     * Fills the cardiac fields of {@code w}, with the HRV spectrum from the stream's shared block
     * sums.
     *
     * @param deviceHr the device's HR channel over the window
     * @param hrvBlocks the device beats' block sums ({@link LombScargleBlocks}); null computes the spectrum afresh
     * @param wasIrregular whether the wearer's previous window's span was irregular (the hysteresis
     *     of {@code cardiac.irregular_leave_share}; false for a wearer's first window)
     */
    static void fill(
            WindowFeatures w,
            EventStage stage,
            RegularSeries deviceHr,
            double startMillis,
            double endMillis,
            FeatureConfig config,
            LombScargleBlocks hrvBlocks,
            boolean wasIrregular) {
        double from = endMillis - config.get(CardiacOptions.TIME_SPAN_S) * 1000;
        double spectrumFrom = endMillis - config.get(CardiacOptions.FREQUENCY_SPAN_S) * 1000;
        // the statistics skip beats outside their span: hand them only the span's (the lists are in time order)
        HrvTimeDomain.Result merged =
                HrvTimeDomain.compute(span(stage.mergedBeats(), from, endMillis), from, endMillis);
        IrregularRhythm.Result irregular = irregular(
                span(stage.deviceBeats(), from, endMillis),
                span(stage.bvpBeats(), from, endMillis),
                from,
                endMillis,
                config,
                wasIrregular);
        w.irregularRhythm = irregular.irregular();
        w.hrSeBpm = null;
        // an irregular span is taken only with its sampling error (hrSeBpm set <=> irregular)
        if (irregular.irregular()
                && irregular.coverage() >= config.minQuality()
                && Double.isFinite(irregular.hrBpm())
                && Double.isFinite(irregular.seBpm())) {
            w.hrBpm = irregular.hrBpm();
            w.cardiacQuality = Math.min(1.0, irregular.coverage());
            w.hrSeBpm = irregular.seBpm();
        } else if (merged.coverage() >= config.minQuality() && Double.isFinite(merged.meanHrBpm())) {
            w.hrBpm = merged.meanHrBpm();
            w.cardiacQuality = Math.min(1.0, merged.coverage());
        } else {
            CardiacFeatures.Result fallback = CardiacFeatures.compute(
                    new BeatSeries(new double[0], new double[0]), deviceHr, startMillis, endMillis, config);
            w.hrBpm = fallback.hrBpm();
            w.cardiacQuality = fallback.hrBpm() == null ? Math.min(1.0, merged.coverage()) : fallback.quality();
        }
        HrvTimeDomain.Result hrv = HrvTimeDomain.compute(span(stage.deviceBeats(), from, endMillis), from, endMillis);
        if (hrv.coverage() >= config.minQuality()) {
            w.hrvSdnnMs = finite(hrv.sdnnMs());
            if (hrv.pairs() >= config.get(CardiacOptions.MIN_PAIRS)) {
                w.hrvRmssdMs = finite(hrv.rmssdMs());
                w.hrvPnn50 = finite(hrv.pnn50Percent());
            }
        }
        HrvFrequencyDomain.Result freq = HrvFrequencyDomain.compute(
                span(stage.deviceBeats(), spectrumFrom, endMillis),
                spectrumFrom,
                endMillis,
                FeatureSteps.frequencyDomain(config),
                hrvBlocks);
        if (freq != null) {
            w.hrvLfMs2 = finite(freq.lfMs2());
            w.hrvHfMs2 = finite(freq.hfMs2());
            w.hrvLfHf = finite(freq.lfHfRatio());
        }
    }

    /**
     * For a window of which the band was worn only {@code wornShare} (0..1; {@link
     * NotWornStretches}): the cardiac quality is at most that share, as the other channels'
     * valid share of the window is, and below {@code minQuality} every cardiac feature is null.
     * The trailing 60 s and 180 s spans would otherwise still give a rate and variability from
     * the worn time before a window the band did not touch.
     */
    static void limitToWornShare(WindowFeatures w, double wornShare, FeatureConfig config) {
        w.cardiacQuality = Math.min(w.cardiacQuality, Math.max(0, wornShare));
        if (w.cardiacQuality < config.minQuality()) {
            w.hrBpm = null;
            w.hrSeBpm = null;
            w.hrvRmssdMs = null;
            w.hrvSdnnMs = null;
            w.hrvPnn50 = null;
            w.hrvLfMs2 = null;
            w.hrvHfMs2 = null;
            w.hrvLfHf = null;
        }
    }

    /**
     * The beats of {@code beats} (in time order, random access) with time in {@code [fromMillis,
     * toMillis)}, as a view: what the statistics would keep of the whole list, found by bisection
     * instead of a scan of the 240 s the event stage keeps.
     */
    static List<Beat> span(List<Beat> beats, double fromMillis, double toMillis) {
        int lo = firstAtOrAfter(beats, fromMillis);
        return beats.subList(lo, Math.max(lo, firstAtOrAfter(beats, toMillis)));
    }

    private static int firstAtOrAfter(List<Beat> beats, double millis) {
        int lo = 0;
        int hi = beats.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (beats.get(mid).tMillis() < millis) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * The irregular-rhythm assessment ({@link IrregularRhythm}) of the trailing span {@code [from,
     * to)}. Whether the rhythm is irregular is judged on the device's beats alone (thresholds
     * {@code cardiac.irregular_min_share} and {@code cardiac.irregular_min_beats}): on real wrist
     * recordings the pulse wave's beats carry detection jitter and artifacts that deviate from
     * their local median in sinus rhythms too (Stress-Predict S02-S08 at a 10 % share and 20
     * beats: with them 26-80 % of each subject's windows were judged irregular, with the device's
     * beats alone 0-4 %; at the defaults none). When it is, the returned
     * rate, coverage and error are those of the device's eligible beats (accepted, or rejected
     * only for deviating from their local median) with the pulse wave's eligible beats in the
     * device's gaps, merged as for the heart rate ({@code cardiac.device_cover_s}).
     *
     * <p>Hysteresis: after an irregular span ({@code wasIrregular}) the share needed is only {@code
     * cardiac.irregular_leave_share} (default 0.10), so the rhythm ends when the share falls below
     * that or the beats below {@code cardiac.irregular_min_beats}.
     *
     * @param device the device's cleaned beats of the span, accepted and rejected, in time order
     * @param bvp the pulse wave's cleaned beats of the span, in time order
     * @param wasIrregular whether the wearer's previous window's span was irregular
     */
    static IrregularRhythm.Result irregular(
            List<Beat> device,
            List<Beat> bvp,
            double fromMillis,
            double toMillis,
            FeatureConfig config,
            boolean wasIrregular) {
        double enter = config.get(CardiacOptions.IRREGULAR_MIN_SHARE);
        double minShare = wasIrregular ? Math.min(enter, config.get(CardiacOptions.IRREGULAR_LEAVE_SHARE)) : enter;
        int minBeats = config.get(CardiacOptions.IRREGULAR_MIN_BEATS);
        IrregularRhythm.Result judged = IrregularRhythm.assess(device, fromMillis, toMillis, minShare, minBeats);
        if (!judged.irregular()) {
            return judged;
        }
        List<Beat> eligible =
                merge(device, bvp, config.get(CardiacOptions.DEVICE_COVER_S) * 1000, IrregularRhythm::eligible);
        IrregularRhythm.Result all = IrregularRhythm.assess(eligible, fromMillis, toMillis, minShare, minBeats);
        return new IrregularRhythm.Result(
                judged.eligible(), judged.deviating(), true, all.hrBpm(), all.coverage(), all.seBpm());
    }

    /** Accepted device beats plus the accepted pulse-wave beats in the device's gaps, in time order. */
    static List<Beat> merge(List<Beat> device, List<Beat> bvp, double coverMillis) {
        return merge(device, bvp, coverMillis, Beat::accepted);
    }

    /** The device beats that pass {@code keep} plus those of the pulse wave in their gaps, in time order. */
    private static List<Beat> merge(List<Beat> device, List<Beat> bvp, double coverMillis, Predicate<Beat> keep) {
        List<Beat> out = new ArrayList<>();
        double[] accepted = new double[device.size()]; // the kept device beats' times, unboxed
        int count = 0;
        for (Beat b : device) {
            if (keep.test(b)) {
                out.add(b);
                accepted[count++] = b.tMillis();
            }
        }
        int j = 0;
        for (Beat b : bvp) {
            if (!keep.test(b)) {
                continue;
            }
            while (j < count && accepted[j] < b.tMillis() - coverMillis) {
                j++;
            }
            boolean covered = j < count && accepted[j] <= b.tMillis() + coverMillis;
            if (!covered) {
                out.add(b);
            }
        }
        out.sort((x, y) -> Double.compare(x.tMillis(), y.tMillis()));
        return out;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
