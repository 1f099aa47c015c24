package org.sessionreview.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sessionreview.config.ArtifactOptions;
import org.sessionreview.config.FeatureConfig;
import org.sessionreview.ingest.e4.E4Channel;
import org.sessionreview.ingest.e4.E4Reader;
import org.sessionreview.ingest.e4.E4Recording;
import org.sessionreview.model.Channel;
import org.sessionreview.model.SampleBlock;
import org.sessionreview.signal.quality.Artifact;
import org.sessionreview.testing.SharedData;

/**
 * The EDA motion detection of the EDA core ({@link EdaCoreState}) and of the artifact core ({@link
 * ArtifactCore}) with the accelerometer's {@code |a|} taken from the channel buffer ({@link
 * FeatureSteps#edaMotionOnBuffer}, computed once per sample) against the code it replaces: {@link
 * org.sessionreview.signal.quality.EdaMotionDetector#detect} on each core's ACC grid, which
 * computed {@code |a|} of that grid again. The same intervals, bit for bit, over the spans both
 * cores ask for every 60 s core of real recordings (blocks of 30 s, as the pipeline cuts them;
 * the defaults and a sensitive setting that flags many steps) and of synthetic streams with gaps,
 * blocks off the grid and NaN samples, the buffers evicted as the stage does and restored midway.
 */
class EdaMotionSharedReferenceTest {
    private static final FeatureConfig DEFAULTS = FeatureConfig.defaults();
    /** Thresholds low enough that most cores have intervals to compare. */
    private static final FeatureConfig SENSITIVE = FeatureConfig.builder()
            .set(ArtifactOptions.EDA_MOTION_JERK_G_PER_S, 0.8)
            .set(ArtifactOptions.EDA_MOTION_MIN_SLOPE_US_PER_S, 0.05)
            .build();

    @Test
    void shouldFindTheIntervalsOfTheReplacedCodeOnRealRecordings() throws IOException {
        int intervals = 0;
        int cores = 0;
        for (String name : new String[] {"msr2023", "stress-predict-S04", "stress-predict-S08"}) {
            E4Recording r = E4Reader.read(SharedData.resolve("e4/" + name), name);
            E4Channel eda = r.channel(Channel.EDA).orElseThrow();
            E4Channel acc = r.channel(Channel.ACC).orElseThrow();
            int[] counts = run(blocks(eda, 1), blocks(acc, 3), new Random(name.hashCode()));
            intervals += counts[0];
            cores += counts[1];
        }
        System.out.println(
                "[EdaMotionSharedReferenceTest] real: " + cores + " core spans, " + intervals + " intervals");
        assertTrue(intervals > 100, intervals + " intervals");
    }

    @Test
    void shouldFindTheIntervalsOfTheReplacedCodeWithGapsAndBlocksOffTheGrid() {
        int intervals = 0;
        for (int seed = 0; seed < 6; seed++) {
            Random rng = new Random(seed);
            long start = 1_700_000_000_000L + rng.nextInt(1000);
            SampleBlock[] edaBlocks = new SampleBlock[60];
            SampleBlock[] accBlocks = new SampleBlock[60];
            for (int k = 0; k < 60; k++) {
                long t = start + 30_000L * k + (rng.nextInt(5) == 0 ? rng.nextInt(7) - 3 : 0);
                boolean gap = rng.nextInt(8) == 0;
                edaBlocks[k] = synthetic(rng, t, 4, 1, gap);
                accBlocks[k] = synthetic(rng, t + (rng.nextInt(4) == 0 ? 15 : 0), 32, 3, gap);
            }
            intervals += run(edaBlocks, accBlocks, rng)[0];
        }
        System.out.println("[EdaMotionSharedReferenceTest] synthetic: " + intervals + " intervals");
        assertTrue(intervals > 50, intervals + " intervals");
    }

    /**
     * Appends the blocks one 30 s step at a time and, every 60 s, compares both cores' spans.
     *
     * @return intervals compared, core spans compared
     */
    private static int[] run(SampleBlock[] edaBlocks, SampleBlock[] accBlocks, Random rng) {
        ChannelBuffer eda = new ChannelBuffer(1, false);
        ChannelBuffer acc = new ChannelBuffer(3, false);
        int intervals = 0;
        int spans = 0;
        double origin = edaBlocks[0].startMillis;
        double artifactContext = ArtifactCore.contextMillis(DEFAULTS);
        for (int k = 0; k < Math.min(edaBlocks.length, accBlocks.length); k++) {
            eda.append(edaBlocks[k], 30_000, Double.NEGATIVE_INFINITY);
            acc.append(accBlocks[k], 30_000, Double.NEGATIVE_INFINITY);
            if (k % 2 == 0 || k < 6) {
                continue;
            }
            double from = origin + (k - 5) * 30_000.0; // a 60 s core with 90 s of data after it
            double to = from + 60_000;
            for (FeatureConfig config : new FeatureConfig[] {DEFAULTS, SENSITIVE}) {
                // the EDA core's span: its EDA with context and look-ahead, the ACC a second wider
                RegularSeries s = eda.regular(from - 30_000, to + 20_000, new GridScratch());
                if (s.length() > 0) {
                    double spanTo = s.timeMillis(s.length() - 1) + 1000.0 / s.rateHz();
                    intervals += compare(config, s, acc, s.t0Millis() - 1000, spanTo + 1000, s.t0Millis(), spanTo);
                    spans++;
                }
                // the artifact core's span: EDA and ACC over the core with the detectors' context
                RegularSeries e = eda.regular(from - artifactContext, to + 36_000, new GridScratch());
                if (e.length() > 0) {
                    intervals += compare(config, e, acc, from - artifactContext, to + 36_000, from, to);
                    spans++;
                }
            }
            eda.evictBefore(from - artifactContext - 60_000);
            acc.evictBefore(from - artifactContext - 60_000);
            if (rng.nextInt(10) == 0) {
                acc = ChannelBufferRestore.restored(acc); // the magnitudes are rebuilt
            }
        }
        return new int[] {intervals, spans};
    }

    /** Both detections of one span, asserted equal; the number of intervals. */
    private static int compare(
            FeatureConfig config,
            RegularSeries eda,
            ChannelBuffer acc,
            double accFrom,
            double accTo,
            double coreFrom,
            double coreTo) {
        RegularSeries plain = acc.regular(accFrom, accTo);
        if (plain.length() == 0) {
            return 0;
        }
        List<Artifact> expected = FeatureSteps.edaMotion(config)
                .detect(
                        eda.values(),
                        eda.rateHz(),
                        eda.t0Millis(),
                        plain.values(),
                        plain.rateHz(),
                        plain.t0Millis(),
                        coreFrom,
                        coreTo);
        GridScratch grid = new GridScratch();
        GridScratch magnitudes = new GridScratch();
        RegularSeries a = acc.regular(accFrom, accTo, grid, magnitudes);
        List<Artifact> actual = FeatureSteps.edaMotionOnBuffer(
                config, eda.values(), eda.rateHz(), eda.t0Millis(), a, magnitudes.array(a.length()), coreFrom, coreTo);
        assertEquals(expected, actual, "span " + accFrom + ".." + accTo);
        return expected.size();
    }

    /** The channel in 30 s blocks, as the pipeline's splitter cuts a regular channel. */
    private static SampleBlock[] blocks(E4Channel c, int width) {
        int perBlock = (int) Math.round(30 * c.rateHz());
        int n = (c.sampleCount() + perBlock - 1) / perBlock;
        SampleBlock[] out = new SampleBlock[n];
        for (int k = 0; k < n; k++) {
            SampleBlock b = new SampleBlock();
            b.channel = c.channel().name();
            b.rateHz = c.rateHz();
            b.width = width;
            b.startMillis = c.startMillis() + Math.round(k * perBlock * 1000.0 / c.rateHz());
            int from = k * perBlock;
            int to = Math.min(c.sampleCount(), from + perBlock);
            b.values = java.util.Arrays.copyOfRange(c.values(), from * width, to * width);
            out[k] = b;
        }
        return out;
    }

    /** 30 s of a drifting EDA with steep steps, or of an ACC with jerks; NaN samples; a gap is an empty block. */
    private static SampleBlock synthetic(Random rng, long start, double rate, int width, boolean gap) {
        int n = gap ? 0 : (int) (30 * rate);
        SampleBlock b = new SampleBlock();
        b.channel = width == 3 ? "ACC" : "EDA";
        b.rateHz = rate;
        b.width = width;
        b.startMillis = start;
        b.values = new double[n * width];
        double level = 2 + rng.nextDouble();
        for (int i = 0; i < n; i++) {
            boolean missing = rng.nextInt(200) == 0;
            if (width == 1) {
                level += rng.nextInt(20) == 0 ? rng.nextGaussian() : 0.001 * rng.nextGaussian();
                b.values[i] = missing ? Double.NaN : level;
            } else {
                double jerk = rng.nextInt(40) == 0 ? 30 * rng.nextGaussian() : 0;
                b.values[3 * i] = missing ? Double.NaN : Math.round(10 + jerk + rng.nextGaussian());
                b.values[3 * i + 1] = missing ? Double.NaN : Math.round(-5 + rng.nextGaussian());
                b.values[3 * i + 2] = missing ? Double.NaN : Math.round(62 + jerk / 2 + rng.nextGaussian());
            }
        }
        return b;
    }
}
