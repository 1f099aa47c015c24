package org.sessionreview.features;

import java.util.Arrays;
import java.util.List;

/**
 * The arrays the event cores' regular grids are written into ({@link ChannelBuffer#regular(double,
 * double, GridScratch)}), one per channel and use, kept per thread instead of allocated per 60 s
 * core: the pulse wave for beat detection, the EDA and the accelerometer of the EDA core, and the
 * EDA, accelerometer and skin temperature of the artifact detectors and of the not-worn
 * detection, each with its context and look-ahead, and the accelerometer grids' {@code |a|}
 * ({@link ChannelBuffer#regular(double, double, GridScratch, GridScratch)}). A core's grids are done with before the call
 * that processes the core returns (the steps keep copies of what they keep, and return events,
 * intervals and beats, not arrays), and a thread processes one core at a time, so the wearers a
 * thread processes share one set (about 0.5 MB at the defaults, with the two ACC magnitude grids of about 85 KB) whatever their number. Every grid
 * point is written, so a kept array's old contents do not matter ({@code
 * ChannelBufferRegularTest}). Not state; nothing here outlives a thread's use of it.
 */
final class CoreGrids {
    private static final ThreadLocal<CoreGrids> PER_THREAD = ThreadLocal.withInitial(CoreGrids::new);

    final GridScratch bvp = new GridScratch();
    final GridScratch edaCoreEda = new GridScratch();
    final GridScratch edaCoreAcc = new GridScratch();
    final GridScratch edaCoreAccMagnitude = new GridScratch();
    final GridScratch artifactEda = new GridScratch();
    final GridScratch artifactAcc = new GridScratch();
    final GridScratch artifactAccMagnitude = new GridScratch();
    final GridScratch artifactTemp = new GridScratch();
    final GridScratch notWornEda = new GridScratch();
    final GridScratch notWornTemp = new GridScratch();

    private CoreGrids() {}

    /** This thread's arrays. */
    static CoreGrids current() {
        return PER_THREAD.get();
    }

    /** Fills every kept array with {@code value} (for tests: a grid read after its core would see it). */
    void fill(double value) {
        for (GridScratch s : List.of(
                bvp,
                edaCoreEda,
                edaCoreAcc,
                edaCoreAccMagnitude,
                artifactEda,
                artifactAcc,
                artifactAccMagnitude,
                artifactTemp,
                notWornEda,
                notWornTemp)) {
            double[] a = s.kept();
            Arrays.fill(a, value);
        }
    }
}
