package org.sessionreview.features;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sessionreview.config.FeatureConfig;
import org.sessionreview.model.Channel;
import org.sessionreview.model.WindowFeatures;
import org.sessionreview.signal.quality.Artifact;
import org.sessionreview.signal.temperature.TemperatureSlope;

/**
 * Fills one {@link WindowFeatures} row from the buffered channels: takes each channel's samples
 * for the window (with context where a step needs it) and runs the feature steps. A channel
 * without a buffer counts as absent (quality 0, features null). Where the band was not worn
 * ({@link NotWornStretches}) the accelerometer, device HR and skin temperature samples are
 * masked, and the cardiac quality is at most the window's worn share; the EDA there is contact
 * loss, masked by its own rule. The skin temperature's quality and slope also leave out the
 * samples of the {@code temp_off_wrist} stretches the event cores found ({@link
 * KeptStretches}, the {@code artifacts/} rows), looked up, not recomputed, per window. The z-scores and the anxiety index are left null: they need the
 * wearer's baseline, a later step.
 */
final class WindowComputer {
    private WindowComputer() {}

    /**
     * @param caches what the wearer's overlapping windows share; may be null
     * @param wasIrregular whether the wearer's previous window's span had an irregular rhythm
     *     ({@link WindowFeatures#irregularRhythm}; the hysteresis of {@code CardiacWindow#irregular})
     */
    static WindowFeatures compute(
            Map<Channel, ChannelBuffer> buffers,
            EventStage events,
            WindowCaches caches,
            FeatureConfig config,
            String sessionId,
            String role,
            long mediaStartMillis,
            long startMillis,
            double endMillis,
            boolean wasIrregular) {
        double contextStart = startMillis - config.contextMillis();
        List<Artifact> offBand = events.notWorn().over(contextStart, endMillis);
        WindowCaches.Grids grids = caches == null ? null : caches.grids();
        WindowFeatures w = new WindowFeatures();
        w.sessionId = sessionId;
        w.role = role;
        w.startMillis = startMillis;
        w.startS = (startMillis - mediaStartMillis) / 1000.0;
        w.endS = (endMillis - mediaStartMillis) / 1000.0;

        RegularSeries edaContext =
                regular(buffers, Channel.EDA, contextStart, endMillis, grids == null ? null : grids.edaContext());
        w.edaQuality = EdaFeatures.quality(edaContext, startMillis, endMillis, config);
        // EDA motion artifacts are masked before the split (no level or response is drawn from
        // them), so they are no valid samples of the window either
        double motionCleared = events.eda().motionClearedSamples(startMillis, endMillis);
        if (motionCleared > 0) {
            w.edaQuality =
                    Math.max(0, w.edaQuality - motionCleared / edaContext.expectedSamples(endMillis - startMillis));
        }
        if (w.edaQuality >= config.minQuality()) {
            // level and responses from the per-core streaming decomposition (one detection per SCR)
            double tonic = events.eda().meanTonic(startMillis, endMillis);
            double[] responses = events.eda().responses(startMillis, endMillis);
            double minutes = (endMillis - startMillis) / 60_000.0;
            w.edaSclUs = Double.isNaN(tonic) ? null : tonic;
            w.edaScrPerMin = responses[0] / minutes;
            w.edaScrAmplitudeSumUs = responses[1];
        }

        CardiacWindow.fill(
                w,
                events,
                NotWornStretches.mask(
                        regular(buffers, Channel.HR, startMillis, endMillis, grids == null ? null : grids.hr()),
                        offBand),
                startMillis,
                endMillis,
                config,
                caches == null ? null : caches.hrvBlocks(),
                wasIrregular);
        double worn = offBand.isEmpty()
                ? 1
                : 1 - events.notWorn().coveredMillis(startMillis, endMillis) / (endMillis - startMillis);
        if (worn < 1) {
            CardiacWindow.limitToWornShare(w, worn, config);
        }

        // with the caches, |a| comes from the buffer (computed once per sample), placed and masked as the samples are
        ChannelBuffer accBuffer = buffers.get(Channel.ACC);
        GridScratch magnitudeG = grids == null || accBuffer == null ? null : grids.accMagnitude();
        RegularSeries accGrid = accBuffer == null
                ? RegularSeries.empty(1, Channel.ACC.width())
                : accBuffer.regular(startMillis, endMillis, grids == null ? null : grids.acc(), magnitudeG);
        RegularSeries acc = NotWornStretches.mask(accGrid, offBand);
        double[] magnitudes = null;
        if (magnitudeG != null) {
            magnitudes = magnitudeG.array(accGrid.length());
            NotWornStretches.maskMagnitudes(magnitudes, accGrid, offBand);
        }
        MotionFeatures.Result motion = MotionFeatures.compute(
                acc, magnitudes, startMillis, endMillis, config, caches == null ? null : caches.fidgetFrames());
        w.fidgetFreqHz = motion.fidgetFreqHz();
        w.accQuality = motion.quality();
        w.motionMagG = motion.motionMagG();
        w.fidgetPower = motion.fidgetPower();
        w.grossMovementS = motion.grossMovementS();

        // skin temperature: the samples of a temp_off_wrist stretch of artifacts/ (range and fall
        // rules, found once per core with its look-ahead) are left out of the quality and the slope
        TemperatureSlope slope = caches == null ? FeatureSteps.temperatureSlope(config) : caches.temperatureSlope();
        // the span, but no further back than the buffers are sure to hold (the windows' context)
        double slopeFrom = Math.max(contextStart, endMillis - slope.windowSeconds() * 1000);
        List<Artifact> tempMasked = new ArrayList<>(offBand);
        tempMasked.addAll(events.offWrist().over(Math.min(startMillis, slopeFrom), endMillis));
        TemperatureFeatures.Result temp = TemperatureFeatures.compute(
                NotWornStretches.mask(
                        regular(buffers, Channel.TEMP, startMillis, endMillis, grids == null ? null : grids.temp()),
                        tempMasked),
                startMillis,
                endMillis,
                config);
        w.tempQuality = temp.quality();
        if (temp.slopeDue()) {
            // least-squares slope over the trailing temperature.slope_span_s of the samples left
            RegularSeries t = NotWornStretches.mask(
                    regular(buffers, Channel.TEMP, slopeFrom, endMillis, grids == null ? null : grids.tempContext()),
                    tempMasked);
            w.tempSlopeCPerMin = slope.atRangeRule(t.values(), t.rateHz(), t.t0Millis(), endMillis)
                    .slopeCPerMin();
        }
        return w;
    }

    private static RegularSeries regular(
            Map<Channel, ChannelBuffer> buffers, Channel c, double from, double to, GridScratch scratch) {
        ChannelBuffer b = buffers.get(c);
        return b == null ? RegularSeries.empty(1, c.width()) : b.regular(from, to, scratch);
    }
}
