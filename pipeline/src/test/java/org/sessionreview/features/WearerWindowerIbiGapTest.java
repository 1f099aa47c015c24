package org.sessionreview.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sessionreview.config.FeatureConfig;
import org.sessionreview.ingest.e4.BlockSplitter;
import org.sessionreview.ingest.e4.E4Reader;
import org.sessionreview.ingest.e4.E4Recording;
import org.sessionreview.model.Channel;
import org.sessionreview.model.Role;
import org.sessionreview.model.SampleBlock;
import org.sessionreview.report.ArtifactRow;
import org.sessionreview.report.BeatRow;
import org.sessionreview.signal.quality.ArtifactIntervals;
import org.sessionreview.signal.quality.IbiGapDetector;
import org.sessionreview.testing.SharedData;

/**
 * An IBI gap is one row from the accepted beat before it to the accepted beat after it, however
 * many cores (60 s, aligned to media start) it spans or cuts: the rows are those of one pass of
 * {@link IbiGapDetector} over the whole recording.
 */
class WearerWindowerIbiGapTest {
    private static final FeatureConfig CONFIG = FeatureConfig.defaults();
    private static final long T0 = SyntheticWearer.T0;

    /** The ibi_gap rows of the wearer, as "start..end" in seconds from media start (= T0). */
    private static List<String> ibiGaps(E4Recording rec, boolean shuffle) {
        List<SampleBlock> blocks = new BlockSplitter(CONFIG).stream(rec, Role.CLIENT, T0);
        if (shuffle) {
            blocks = WindowerRuns.shuffled(WindowerRuns.live(blocks), 30_000, 5);
        }
        WearerWindower windower = new WearerWindower(CONFIG, "syn", Role.CLIENT, T0);
        WindowerRuns.run(windower, blocks);
        WearerEvents events = new WearerEvents();
        windower.drainEvents(events);
        return events.artifacts.stream()
                .filter(r -> r.kind.equals("ibi_gap"))
                .sorted(Comparator.comparingDouble((ArtifactRow r) -> r.startS))
                .map(r -> r.startS + ".." + r.endS)
                .toList();
    }

    /** The gap around {@code [fromS, toS)} as the beats give it: from the last before to the first after. */
    private static String around(E4Recording rec, double fromS, double toS) {
        double[] beats = rec.channel(Channel.IBI).orElseThrow().offsetsS();
        double before = Arrays.stream(beats).filter(t -> t < fromS).max().orElseThrow();
        double after = Arrays.stream(beats).filter(t -> t >= toS).min().orElseThrow();
        // the same arithmetic as the pipeline's: epoch ms, then seconds from media start
        return msToS(T0 + before * 1000.0) + ".." + msToS(T0 + after * 1000.0);
    }

    /** The gap from the first sample (0 s) to the first beat, 3.8 s later in every synthetic wearer. */
    private static String opening(E4Recording rec) {
        return "0.0.." + msToS(T0 + rec.channel(Channel.IBI).orElseThrow().offsetsS()[0] * 1000.0);
    }

    private static double msToS(double millis) {
        return (millis - T0) / 1000.0;
    }

    @Test
    void shouldReportTheWholeGapWhenItSpansSeveralCores() {
        E4Recording rec =
                new SyntheticWearer().duration(1200).pulseWave().gap(600, 900).build();
        // before: only the last core's part, 840 s to the first beat after the gap
        assertEquals(List.of(opening(rec), around(rec, 600, 900)), ibiGaps(rec, false));
        assertEquals(ibiGaps(rec, false), ibiGaps(rec, true), "however the channels interleave");
    }

    @Test
    void shouldReportAGapThatACoreBoundaryCutsIntoTwoShortPieces() {
        // 3.5 s without beats across the core boundary at 120 s: 1.5 s and 2 s on either side,
        // each under the 3 s limit, the whole over it
        E4Recording rec =
                new SyntheticWearer().duration(300).beatsMissing(118.5, 121.9).build();
        String gap = around(rec, 118.5, 121.9);
        double[] se = Arrays.stream(gap.split("\\.\\."))
                .mapToDouble(Double::parseDouble)
                .toArray();
        assertTrue(se[0] < 120 && se[1] > 120 && se[1] - se[0] > 3 && 120 - se[0] < 3 && se[1] - 120 < 3, gap);
        assertEquals(List.of(opening(rec), gap), ibiGaps(rec, false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"msr2023", "flirt-truncated", "stress-predict-S05"})
    void shouldGiveTheGapsOfOnePassOverTheWholeRecordingWhenRunCoreByCore(String folder) throws Exception {
        E4Recording rec = E4Reader.read(SharedData.resolve("e4/" + folder), folder);
        long media = rec.startMillis();
        List<SampleBlock> blocks = new BlockSplitter(CONFIG).stream(rec, Role.CLIENT, media);
        WearerWindower windower = new WearerWindower(CONFIG, folder, Role.CLIENT, media);
        WindowerRuns.run(windower, blocks);
        WearerEvents events = new WearerEvents();
        windower.drainEvents(events);

        // the device's beats as the stage cleaned them, in one pass: from the first sample of any
        // channel to the last beat, gaps touching at a lone accepted beat joined
        List<BeatRow> beats = events.beats.stream()
                .filter(b -> b.source.equals("device"))
                .sorted(Comparator.comparingDouble((BeatRow b) -> b.tS))
                .toList();
        double[] t = beats.stream().mapToDouble(b -> media + b.tS * 1000).toArray();
        boolean[] ok = new boolean[t.length];
        for (int i = 0; i < t.length; i++) {
            ok[i] = beats.get(i).accepted;
        }
        double first = blocks.stream()
                .filter(b -> !b.endOfStream && b.sampleCount() > 0)
                .mapToDouble(b -> b.sampleMillis(0))
                .min()
                .orElseThrow();
        List<String> whole =
                ArtifactIntervals.merge(IbiGapDetector.defaults().detect(t, ok, first, t[t.length - 1])).stream()
                        .map(a -> (a.startMillis() - media) / 1000.0 + ".." + (a.endMillis() - media) / 1000.0)
                        .toList();
        List<String> rows = events.artifacts.stream()
                .filter(r -> r.kind.equals("ibi_gap"))
                .sorted(Comparator.comparingDouble((ArtifactRow r) -> r.startS))
                .map(r -> r.startS + ".." + r.endS)
                .toList();
        System.out.println(folder + ": " + rows.size() + " IBI gaps");
        assertTrue(rows.size() > 20);
        assertEquals(whole, rows);
    }

    @Test
    void shouldReportTheGapBeforeTheFirstBeatAndAfterTheLastAsBefore() {
        // the synthetic beats start 3.8 s after the first sample: a gap over the 3 s limit; after
        // the IBI file stops (200 s, 100 s before the others) the channel has no data, not a gap
        E4Recording rec =
                new SyntheticWearer().duration(300).stop(Channel.IBI, 200).build();
        assertEquals(List.of(opening(rec)), ibiGaps(rec, false));
    }
}
