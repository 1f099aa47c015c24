package org.sessionreview.features;

import org.sessionreview.config.FeatureConfig;
import org.sessionreview.signal.cardiac.LombScargleBlocks;
import org.sessionreview.signal.motion.FidgetFrameCache;
import org.sessionreview.signal.temperature.TemperatureSlope;

/**
 * What overlapping windows of one wearer share so that each sample is processed about once, not
 * once per window (30 s windows stepped by 5 s hold each sample six times, the 180 s HRV spectrum
 * each beat 36 times). Not state: every cache reuses a result only for bit-identical inputs and
 * combines its parts in a fixed order, so a lost cache (a restore) costs time, never bits.
 *
 * @param fidgetFrames the ACC frames' spectra and 1 s segment measures
 * @param hrvBlocks the HRV spectrum's per-hop Fourier sums of the device beats
 * @param grids the arrays the windows' regular grids are written into, one per channel and use
 * @param temperatureSlope the trailing temperature slope, built once from the configuration
 */
record WindowCaches(
        FidgetFrameCache fidgetFrames, LombScargleBlocks hrvBlocks, Grids grids, TemperatureSlope temperatureSlope) {
    /**
     * Empty caches for a wearer whose windows start on {@code mediaStartMillis + k *
     * config.hopMillis()}.
     */
    static WindowCaches create(long mediaStartMillis, FeatureConfig config) {
        return new WindowCaches(
                new FidgetFrameCache(),
                new LombScargleBlocks(mediaStartMillis, config.hopMillis()),
                new Grids(
                        new GridScratch(),
                        new GridScratch(),
                        new GridScratch(),
                        new GridScratch(),
                        new GridScratch(),
                        new GridScratch()),
                FeatureSteps.temperatureSlope(config));
    }

    /**
     * A window's grids: each is done with before the next window takes its own (the steps keep
     * copies of what they cache), and two grids of one window never share an array. {@code
     * accMagnitude} holds the ACC grid's {@code |a|}, g.
     */
    record Grids(
            GridScratch edaContext,
            GridScratch hr,
            GridScratch acc,
            GridScratch accMagnitude,
            GridScratch temp,
            GridScratch tempContext) {}
}
