package org.sessionreview.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sessionreview.config.EdaMethod;
import org.sessionreview.ingest.e4.E4CsvParser;
import org.sessionreview.model.Channel;
import org.sessionreview.signal.cardiac.Beat;
import org.sessionreview.signal.synchrony.SessionSynchrony;
import org.sessionreview.signal.synchrony.SynchronyWindow;

/**
 * The benchmarks run the kernels' real paths, not a shortcut for degenerate input: each one's
 * setup and call, once, gives the output the synthetic signals were made to produce.
 */
class BenchmarkInputsTest {

    @Test
    void shouldFindResponsesWhenDecomposingTenMinutesOfEda() {
        for (EdaMethod method : EdaMethod.values()) {
            EdaBenchmark bench = new EdaBenchmark();
            bench.method = method;
            bench.setUp();
            int scrs = bench.decomposeAndDetectScrs().scrs().size();
            // a bump every 10-40 s (25 s on average): about 24 in ten minutes, the smallest may be missed
            assertTrue(scrs >= 12 && scrs <= 40, method + ": " + scrs + " SCRs");
        }
    }

    @Test
    void shouldAcceptThePlantedBeatsWhenDetectingTenMinutesOfBvp() {
        BvpBenchmark bench = new BvpBenchmark();
        bench.setUp();
        List<Beat> beats = bench.detectBeats();
        int planted = SyntheticE4.pulse(new Random(KernelBenchmark.SEED), KernelBenchmark.TEN_MINUTES_S)
                .peakTimesS()
                .length;
        long accepted = beats.stream().filter(Beat::accepted).count();
        assertTrue(Math.abs(beats.size() - planted) <= 2, beats.size() + " beats, " + planted + " planted");
        assertTrue(accepted >= 0.95 * planted, accepted + " accepted of " + planted);
    }

    @Test
    void shouldComputeEveryWindowWithAllFeaturesWhenWindowingTenMinutes() {
        WindowFeaturesBenchmark bench = new WindowFeaturesBenchmark();
        bench.setUp();
        WindowFeaturesBenchmark.Output out = bench.windowOneWearer();
        // 30 s windows every 5 s from media start (5 s into the data) to the end at 595 s
        assertTrue(out.windows().size() >= 110, out.windows().size() + " windows");
        long complete = out.windows().stream()
                .filter(w -> w.edaSclUs != null
                        && w.hrBpm != null
                        && w.hrvRmssdMs != null
                        && w.motionMagG != null
                        && w.tempSlopeCPerMin != null)
                .count();
        assertTrue(complete >= 0.9 * out.windows().size(), complete + " windows with every feature");
        assertTrue(out.events().scrs.size() >= 12, out.events().scrs.size() + " SCR rows");
        assertTrue(out.events().beats.size() >= 1000, out.events().beats.size() + " beat rows");
    }

    @Test
    void shouldAnalyseTheDyadWhenComputingFiftyMinutesOfSynchrony() {
        SynchronyBenchmark bench = new SynchronyBenchmark();
        bench.setUp();
        List<SynchronyWindow> windows = bench.laggedCrossCorrelation();
        assertEquals((50 * 60 - 30) / 5 + 1, windows.size());
        long analysed = windows.stream().filter(SynchronyWindow::analysed).count();
        assertTrue(analysed >= 0.9 * windows.size(), analysed + " windows analysed");
        SessionSynchrony session = bench.sessionIndexWithSurrogates();
        assertEquals(SessionSynchrony.OK, session.status());
        assertEquals(1000, session.shuffles());
        assertTrue(session.aboveChance(), "the therapist follows the client: " + session);
        org.sessionreview.scoring.DyadSynchrony.Result dyad = bench.dyadSynchrony();
        assertEquals(session.status(), dyad.session().status());
        assertEquals(session.shuffles(), dyad.session().shuffles());
        assertTrue(
                dyad.windows().size() >= 2 * 0.9 * windows.size(),
                dyad.windows().size() + " EDA and HR rows");
    }

    @Test
    void shouldReadEverySampleWithoutRejectsWhenParsingFiftyMinutesOfAccAndBvp() {
        for (Channel channel : List.of(Channel.ACC, Channel.BVP)) {
            E4ParseBenchmark bench = new E4ParseBenchmark();
            bench.channel = channel;
            bench.setUp();
            E4CsvParser.Result result = bench.parse();
            double rate = channel == Channel.ACC ? SyntheticE4.ACC_HZ : SyntheticE4.BVP_HZ;
            assertEquals(List.of(), result.report().rejects(), channel.toString());
            assertEquals(
                    (long) (E4ParseBenchmark.FIFTY_MINUTES_S * rate),
                    result.data().sampleCount());
            assertEquals(SyntheticE4.START_MILLIS, result.data().startMillis());
        }
    }

    @Test
    void shouldRepeatTheInputsWhenGivenTheSameSeed() {
        assertTrue(Arrays.equals(SyntheticE4.eda(new Random(7), 60), SyntheticE4.eda(new Random(7), 60)));
        assertTrue(Arrays.equals(
                SyntheticE4.dyad(7, 5).therapist(), SyntheticE4.dyad(7, 5).therapist()));
    }
}
