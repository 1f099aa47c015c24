package org.sessionreview.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sessionreview.config.FeatureConfig;
import org.sessionreview.ingest.e4.BlockSplitter;
import org.sessionreview.ingest.e4.E4Channel;
import org.sessionreview.ingest.e4.E4Reader;
import org.sessionreview.ingest.e4.E4Recording;
import org.sessionreview.model.Channel;
import org.sessionreview.model.Role;
import org.sessionreview.model.SampleBlock;
import org.sessionreview.report.ScrRow;
import org.sessionreview.testing.SharedData;

/**
 * An SCR's {@code quality} is the valid share of the EDA from {@link
 * EdaCoreState#SCR_QUALITY_MARGIN_S} s before its onset to as long after its peak, not of the 60 s
 * core it falls in, so it does not move with the core grid.
 */
class ScrQualityTest {
    private static final FeatureConfig CONFIG = FeatureConfig.defaults();
    private static final double EDA_HZ = 4;

    private static List<ScrRow> scrs(E4Recording rec, long mediaStartMillis) {
        List<SampleBlock> blocks = new BlockSplitter(CONFIG).stream(rec, Role.CLIENT, mediaStartMillis);
        WearerWindower w = new WearerWindower(CONFIG, rec.sessionId(), Role.CLIENT, mediaStartMillis);
        WearerEvents events = new WearerEvents();
        for (SampleBlock b : blocks) {
            if (b.endOfStream) {
                w.finish(b.startMillis);
            } else {
                w.add(b);
            }
            w.drainEvents(events);
        }
        return events.scrs;
    }

    /** The recording with the EDA samples at {@code seconds} (from its start) set to contact loss. */
    private static E4Recording withContactLoss(E4Recording rec, List<Double> seconds) {
        E4Channel eda = rec.channel(Channel.EDA).orElseThrow();
        double[] x = eda.values();
        for (double s : seconds) {
            x[(int) Math.round(s * EDA_HZ)] = 0.01; // below artifacts.eda_min_us
        }
        Map<Channel, E4Channel> channels = new EnumMap<>(Channel.class);
        for (Channel c : rec.presentChannels()) {
            channels.put(c, rec.channel(c).orElseThrow());
        }
        channels.put(Channel.EDA, E4Channel.regular(Channel.EDA, eda.startMillis(), EDA_HZ, x));
        return new E4Recording(rec.sessionId(), channels, Map.of());
    }

    private static List<Double> seconds(double from, double to) {
        List<Double> out = new ArrayList<>();
        for (double t = from; t < to - 1e-9; t += 1 / EDA_HZ) {
            out.add(t);
        }
        return out;
    }

    @Test
    void shouldTakeTheValidShareAroundTheResponseWhenItsCoreHasOtherGaps() {
        // a response at 100 s; contact lost for 1 s just before it and for 2 s later in its core [60, 120)
        E4Recording clean = new SyntheticWearer().duration(240).scr(100, 0.3).build();
        List<Double> before = seconds(97, 98);
        List<Double> later = seconds(112, 114);
        List<Double> lost = new ArrayList<>(before);
        lost.addAll(later);
        ScrRow r = scrs(withContactLoss(clean, lost), SyntheticWearer.T0).stream()
                .filter(x -> Math.abs(x.onsetS - 100) < 1.5)
                .findFirst()
                .orElseThrow();

        double from = r.onsetS - EdaCoreState.SCR_QUALITY_MARGIN_S;
        double to = r.peakS + EdaCoreState.SCR_QUALITY_MARGIN_S;
        long span = Math.round((to - from) * EDA_HZ) + 1; // both ends are samples
        long invalid = lost.stream().filter(t -> t >= from && t <= to).count();
        assertEquals(before.size(), invalid, "the loss before the onset is in the span, the later one is not");
        assertEquals((span - invalid) / (double) span, r.quality, 1e-12);
    }

    @Test
    void shouldCountOnlyTheRecordingWhenTheSpanRunsPastItsEnd() {
        // the response peaks about 3 s before the end: the span's last 2 s lie after the data
        E4Recording rec = new SyntheticWearer().duration(240).scr(235, 0.3).build();
        ScrRow r = scrs(rec, SyntheticWearer.T0).stream()
                .filter(x -> Math.abs(x.onsetS - 235) < 1.5)
                .findFirst()
                .orElseThrow();
        assertTrue(r.peakS + EdaCoreState.SCR_QUALITY_MARGIN_S > 240, "the span runs past the end: " + r.peakS);
        assertEquals(1.0, r.quality, "every EDA sample of the recording is valid");
    }

    @ParameterizedTest
    @ValueSource(strings = {"msr2023", "stress-predict-S04"})
    void shouldGiveEveryResponseTheSameQualityWhenTheCoreGridMoves(String folder) throws Exception {
        E4Recording rec = E4Reader.read(SharedData.resolve("e4/" + folder), folder);
        Map<Double, Double> onGrid = byPeak(scrs(rec, rec.startMillis()), rec.startMillis());
        Map<Double, Double> moved = byPeak(scrs(rec, rec.startMillis() + 15_000), rec.startMillis() + 15_000);
        assertEquals(onGrid.keySet(), moved.keySet(), "the same responses");
        assertTrue(
                onGrid.values().stream().filter(q -> q < 1).count() >= 5,
                "responses near invalid EDA are compared: " + onGrid.values());
        assertEquals(onGrid, moved);
    }

    /** Quality by peak time, epoch ms. */
    private static Map<Double, Double> byPeak(List<ScrRow> rows, long mediaStartMillis) {
        Map<Double, Double> out = new TreeMap<>();
        rows.forEach(r -> out.put(mediaStartMillis + r.peakS * 1000, r.quality));
        return out;
    }
}
