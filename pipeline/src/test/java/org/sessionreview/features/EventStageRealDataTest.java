package org.sessionreview.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.sessionreview.config.EdaOptions;
import org.sessionreview.config.FeatureConfig;
import org.sessionreview.ingest.e4.BlockSplitter;
import org.sessionreview.ingest.e4.E4Reader;
import org.sessionreview.ingest.e4.E4Recording;
import org.sessionreview.model.Channel;
import org.sessionreview.model.Role;
import org.sessionreview.model.SampleBlock;
import org.sessionreview.model.WindowFeatures;
import org.sessionreview.report.ArtifactRow;
import org.sessionreview.testing.SharedData;

/**
 * The per-event stage on real E4 exports: the truncated FLIRT export (channels ending at
 * different times) processes without error and reports each channel's missing tail; every beat,
 * SCR and stretch is reported once.
 */
class EventStageRealDataTest {
    private static final FeatureConfig CONFIG = FeatureConfig.defaults();

    private record Run(List<WindowFeatures> windows, WearerEvents events, E4Recording rec) {}

    private static Run run(String folder) throws Exception {
        E4Recording rec = E4Reader.read(SharedData.resolve(folder), "real");
        long media = rec.startMillis();
        List<SampleBlock> blocks = new BlockSplitter(CONFIG).stream(rec, Role.CLIENT, media);
        WearerWindower w = new WearerWindower(CONFIG, "real", Role.CLIENT, media);
        List<WindowFeatures> windows = new ArrayList<>();
        WearerEvents events = new WearerEvents();
        for (SampleBlock b : blocks) {
            windows.addAll(b.endOfStream ? w.finish(b.startMillis) : w.add(b));
            w.drainEvents(events);
        }
        return new Run(windows, events, rec);
    }

    @Test
    void shouldReportEachChannelsMissingTailWhenTheFlirtExportIsTruncated() throws Exception {
        Run r = run("e4/flirt-truncated");
        double endS = (r.rec().endMillis() - r.rec().startMillis()) / 1000.0;
        Map<String, ArtifactRow> noData = r.events().artifacts.stream()
                .filter(a -> a.kind.equals("no_data"))
                .collect(Collectors.toMap(a -> a.channel, a -> a, (a, b) -> a, TreeMap::new));
        System.out.println("flirt-truncated: end " + endS + " s; no_data: "
                + noData.values().stream()
                        .map(a -> a.channel + " " + a.startS + "-" + a.endS)
                        .toList());
        for (Channel c : List.of(Channel.BVP, Channel.ACC, Channel.TEMP)) {
            double channelEndS =
                    (r.rec().channel(c).orElseThrow().endMillis() - r.rec().startMillis()) / 1000.0;
            ArtifactRow a = noData.get(c.name());
            assertTrue(
                    a != null,
                    c + " ends at " + channelEndS + " s but no missing stretch is reported: " + noData.keySet());
            assertEquals(channelEndS, a.startS, 1.0, c + " missing from its last sample");
            assertEquals(endS, a.endS, 1.0, c + " missing to the end of the recording");
        }
        assertTrue(
                r.windows().size() > 400,
                "windows over the whole recording: " + r.windows().size());
        assertTrue(r.windows().stream().allMatch(w -> w.endS <= endS + 1e-6));
    }

    @Test
    void shouldReportEveryBeatAndScrOnceWhenStreamingARealSession() throws Exception {
        Run r = run("e4/stress-predict-S04");
        long distinctBeats =
                r.events().beats.stream().map(b -> b.source + b.tS).distinct().count();
        assertEquals(r.events().beats.size(), distinctBeats, "a beat reported twice");
        long distinctScrs =
                r.events().scrs.stream().map(s -> s.peakS).distinct().count();
        assertEquals(r.events().scrs.size(), distinctScrs, "an SCR reported twice");
        long device =
                r.events().beats.stream().filter(b -> b.source.equals("device")).count();
        assertEquals(r.rec().channel(Channel.IBI).orElseThrow().sampleCount(), device, "every device beat, once");
        assertTrue(
                r.events().scrs.size() > 100,
                "S04 has hundreds of SCRs at 0.01 uS: " + r.events().scrs.size());
        System.out.printf(
                "S04: %d windows, %d SCRs, %d device beats, %d BVP beats, %d artifact stretches%n",
                r.windows().size(),
                r.events().scrs.size(),
                device,
                r.events().beats.size() - device,
                r.events().artifacts.size());
    }

    @Test
    void shouldRunTheNeurokitEdaMethodOverTheWholeRecordingWhenSelected() throws Exception {
        FeatureConfig nk = FeatureConfig.builder()
                .set(EdaOptions.METHOD, org.sessionreview.config.EdaMethod.NEUROKIT)
                .build();
        E4Recording rec = E4Reader.read(SharedData.resolve("e4/stress-predict-S06"), "real");
        long media = rec.startMillis();
        List<SampleBlock> blocks = new BlockSplitter(nk).stream(rec, Role.CLIENT, media);
        List<List<String>> runs = new ArrayList<>();
        for (List<SampleBlock> order : List.of(blocks, WindowerRuns.shuffled(blocks, 30_000, 5))) {
            WearerWindower w = new WearerWindower(nk, "real", Role.CLIENT, media);
            WearerEvents events = new WearerEvents();
            int during = 0;
            List<WindowFeatures> windows = new ArrayList<>();
            for (SampleBlock b : order) {
                if (b.endOfStream) {
                    windows.addAll(w.finish(b.startMillis));
                } else {
                    List<WindowFeatures> got = w.add(b);
                    during += got.size();
                    windows.addAll(got);
                }
                w.drainEvents(events);
            }
            assertEquals(0, during, "the whole-recording method emits windows only at the end of the stream");
            assertTrue(windows.size() > 600
                    && windows.stream().filter(x -> x.edaQuality >= 0.5).allMatch(x -> x.edaSclUs != null));
            assertTrue(
                    events.scrs.size() > 5,
                    "NeuroKit2's relative threshold still finds responses: " + events.scrs.size());
            List<String> rows = new ArrayList<>();
            windows.forEach(x -> rows.add(x.startS + " " + x.edaSclUs + " " + x.edaScrPerMin + " " + x.hrBpm));
            events.scrs.forEach(x -> rows.add("scr " + x.peakS + " " + x.amplitudeUs));
            runs.add(rows);
        }
        assertEquals(runs.get(0), runs.get(1), "the same results whatever the interleaving");
    }
}
