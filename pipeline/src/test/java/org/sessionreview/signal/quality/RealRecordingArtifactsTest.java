package org.sessionreview.signal.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sessionreview.config.FeatureConfig;
import org.sessionreview.ingest.e4.E4Channel;
import org.sessionreview.ingest.e4.E4Reader;
import org.sessionreview.ingest.e4.E4Recording;
import org.sessionreview.model.Channel;
import org.sessionreview.signal.cardiac.IbiCleaner;
import org.sessionreview.signal.motion.FidgetSpectrum;
import org.sessionreview.signal.temperature.TemperatureSlope;
import org.sessionreview.testing.SharedData;

/** The detectors on the real E4 exports in shared/data/e4: a summary per recording, and sanity. */
class RealRecordingArtifactsTest {
    private static final FeatureConfig CONFIG = FeatureConfig.defaults();

    static AllDetectors.Channels channels(E4Recording rec) {
        AllDetectors.Regular eda = regular(rec, Channel.EDA);
        AllDetectors.Regular acc = regular(rec, Channel.ACC);
        AllDetectors.Regular temp = regular(rec, Channel.TEMP);
        E4Channel ibi = rec.channel(Channel.IBI).orElse(null);
        if (ibi == null) {
            return new AllDetectors.Channels(eda, acc, temp, null, null, 0, 0);
        }
        int n = ibi.sampleCount();
        double[] beats = new double[n];
        for (int i = 0; i < n; i++) {
            beats[i] = ibi.sampleMillis(i);
        }
        boolean[] accepted =
                IbiCleaner.accept(ibi.values(), CONFIG.ibiMinS(), CONFIG.ibiMaxS(), CONFIG.ibiMaxDeviation());
        // beats are observed from the session start to the end of the BVP they come from
        double spanTo = Math.max(
                ibi.endMillis(),
                rec.channel(Channel.BVP).map(E4Channel::endMillis).orElse(ibi.endMillis()));
        return new AllDetectors.Channels(eda, acc, temp, beats, accepted, ibi.startMillis(), spanTo);
    }

    private static AllDetectors.Regular regular(E4Recording rec, Channel channel) {
        return rec.channel(channel)
                .map(c -> new AllDetectors.Regular(c.values(), c.width(), c.rateHz(), c.startMillis()))
                .orElse(null);
    }

    private static double channelSeconds(AllDetectors.Channels c, ArtifactKind kind) {
        return switch (kind.channel()) {
            case EDA -> (c.eda().endMillis() - c.eda().startMillis()) / 1000;
            case ACC -> (c.acc().endMillis() - c.acc().startMillis()) / 1000;
            case TEMP -> (c.temp().endMillis() - c.temp().startMillis()) / 1000;
            case IBI -> (c.spanToMillis() - c.spanFromMillis()) / 1000;
            default -> throw new IllegalStateException(kind.toString());
        };
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"flirt-truncated", "msr2023", "stress-predict-S01", "stress-predict-S04", "stress-predict-S06"})
    void shouldGiveSaneArtifactSharesWhenRunOverARealRecording(String folder) throws IOException {
        E4Recording rec = E4Reader.read(SharedData.resolve("e4/" + folder), folder);
        AllDetectors.Channels c = channels(rec);
        assertNotNull(c.eda());
        assertNotNull(c.acc());
        assertNotNull(c.temp());
        assertNotNull(c.beatMillis());
        List<Artifact> all = ArtifactIntervals.merge(
                AllDetectors.detectCore(c, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, null));

        Map<ArtifactKind, Double> shares = new EnumMap<>(ArtifactKind.class);
        StringBuilder summary = new StringBuilder(String.format(Locale.ROOT, "%-19s", folder));
        for (ArtifactKind kind : ArtifactKind.values()) {
            if (kind.channel() == null) {
                continue; // a kind of the whole band: see shouldMarkNoWornStretchWhenRunOverARealRecording
            }
            double seconds = ArtifactIntervals.totalMillis(all, kind) / 1000;
            double share = seconds / channelSeconds(c, kind);
            shares.put(kind, share);
            summary.append(String.format(Locale.ROOT, " %s %.1f s (%.2f %%)", kind.code(), seconds, 100 * share));
            assertTrue(share >= 0 && share <= 1, kind + " share " + share);
        }
        System.out.println(summary);

        // contact loss is exactly the samples under 0.05 uS, however low the rest of the EDA is
        double[] eda = c.eda().values();
        long under = Arrays.stream(eda).filter(v -> v < 0.05).count();
        assertEquals(
                under / c.eda().rateHz(),
                ArtifactIntervals.totalMillis(all, ArtifactKind.EDA_CONTACT_LOSS) / 1000,
                1e-6);
        assertTrue(shares.get(ArtifactKind.EDA_CONTACT_LOSS) < 0.05, "a worn sensor, not lost contact");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "flirt-truncated",
                "msr2023",
                "stress-predict-S01",
                "stress-predict-S02",
                "stress-predict-S03",
                "stress-predict-S04",
                "stress-predict-S05",
                "stress-predict-S06",
                "stress-predict-S07",
                "stress-predict-S08"
            })
    void shouldMarkNoWornStretchWhenRunOverARealRecording(String folder) throws IOException {
        E4Recording rec = E4Reader.read(SharedData.resolve("e4/" + folder), folder);
        AllDetectors.Channels c = channels(rec);
        List<Artifact> off = NotWornDetector.defaults()
                .detect(
                        c.eda().values(),
                        c.eda().rateHz(),
                        c.eda().startMillis(),
                        c.temp().values(),
                        c.temp().rateHz(),
                        c.temp().startMillis());
        double seconds = off.stream().mapToDouble(Artifact::durationMillis).sum() / 1000;
        System.out.printf(Locale.ROOT, "%-19s not worn %.2f s: %s%n", folder, seconds, off);
        // worn sessions: the band comes off only at the end (stress-predict S04: its last 10 s);
        // S01's contact shift at 2159 s (both sensors off for one sample) and the last 2.5 s of
        // S02 and S03 are shorter than the 5 s minimum
        assertEquals(folder.equals("stress-predict-S04") ? 10.0 : 0.0, seconds, 1e-9, folder + ": " + off);
        for (Artifact a : off) {
            assertEquals(rec.endMillis(), a.endMillis(), 250, folder + ": not worn while worn " + a);
        }
    }

    @Test
    void shouldKeepFlirtsLowEdaWhenItStaysAboveTheContactFloor() throws IOException {
        E4Recording rec = E4Reader.read(SharedData.resolve("e4/flirt-truncated"), "flirt");
        AllDetectors.Channels c = channels(rec);
        double[] eda = c.eda().values();
        double median = new Median().evaluate(eda);
        assertTrue(median > 0.05 && median < 0.12, "the recording's EDA is very low: " + median);
        List<Artifact> lost = EdaContactLossDetector.defaults()
                .detect(eda, c.eda().rateHz(), c.eda().startMillis());
        boolean[] mask = ArtifactIntervals.toMask(
                lost, eda.length, c.eda().rateHz(), c.eda().startMillis());
        for (int i = 0; i < eda.length; i++) {
            assertEquals(eda[i] < 0.05, mask[i], "sample " + i + " = " + eda[i]);
        }
    }

    @Test
    void shouldMarkTheRemovalWhenStressPredictS04EndsWithTheBandTakenOff() throws IOException {
        E4Recording rec = E4Reader.read(SharedData.resolve("e4/stress-predict-S04"), "S04");
        AllDetectors.Regular temp = channels(rec).temp();
        double[] t = temp.values();
        List<Artifact> off = TempOffWristDetector.defaults().detect(t, temp.rateHz(), temp.startMillis());
        // in its last 15 s the reading fell from 35.3 to 26.8 degC, all inside 25-40 degC
        double lowest = Arrays.stream(t, t.length - 60, t.length).min().orElseThrow();
        assertTrue(t[t.length - 60] > 35 && lowest < 28, "the fixture's ending");
        Artifact last = off.get(off.size() - 1);
        assertEquals(temp.endMillis(), last.endMillis(), "marked to the end: " + off);
        assertTrue(last.durationMillis() <= 15_000, "but not the worn minutes before: " + last);

        // the last minute: the unguarded fit follows the removal, the guarded one the worn part
        TemperatureSlope slope = TemperatureSlope.defaults();
        TemperatureSlope.Result guarded = slope.at(t, temp.rateHz(), temp.startMillis(), temp.endMillis());
        TemperatureSlope.Result raw =
                slope.at(t, new boolean[t.length], temp.rateHz(), temp.startMillis(), temp.endMillis());
        System.out.printf(
                Locale.ROOT,
                "S04 last minute: raw %.2f C/min, guarded %.2f C/min (%d masked)%n",
                raw.slopeCPerMin(),
                guarded.slopeCPerMin(),
                guarded.maskedSamples());
        assertTrue(raw.slopeCPerMin() < -2, "raw " + raw);
        assertTrue(Math.abs(guarded.slopeCPerMin()) < 0.5, "guarded " + guarded);
        assertEquals(Math.round(last.durationMillis() * temp.rateHz() / 1000), guarded.maskedSamples());
    }

    @Test
    void shouldMaskACoolingStepFromTheStepOnWhenStressPredictS01ShiftsContact() throws IOException {
        E4Recording rec = E4Reader.read(SharedData.resolve("e4/stress-predict-S01"), "S01");
        AllDetectors.Regular temp = channels(rec).temp();
        double[] t = temp.values();
        // the largest one-second fall before the last minute (S01: 28.07 to 27.39 degC at ~2156 s)
        int largest = 4;
        for (int i = 4; i < t.length - 240; i++) {
            if (t[i - 4] - t[i] > t[largest - 4] - t[largest]) {
                largest = i;
            }
        }
        int step = largest;
        double stepMillis = temp.startMillis() + step * 1000 / temp.rateHz();
        List<Artifact> off = TempOffWristDetector.defaults().detect(t, temp.rateHz(), temp.startMillis());
        Artifact atStep = off.stream()
                .filter(a -> a.startMillis() <= stepMillis && a.endMillis() > stepMillis)
                .findFirst()
                .orElseThrow(() -> new AssertionError("step at " + step + " not masked: " + off));
        assertTrue(
                stepMillis - atStep.startMillis() <= 5_000,
                "masked from just before the step, not the flat worn stretch: " + atStep);
        assertTrue(atStep.durationMillis() <= 60_000, atStep.toString());
    }

    @Test
    void shouldFindTheSameIntervalsCoreByCoreWhenRunOverTheWholeMsr2023Session() throws IOException {
        E4Recording rec = E4Reader.read(SharedData.resolve("e4/msr2023"), "msr2023");
        AllDetectors.Channels c = channels(rec);
        double from = rec.startMillis();
        double to = rec.endMillis() + 1000;
        List<Artifact> whole = ArtifactIntervals.merge(AllDetectors.detectCore(c, from, to, null));
        assertTrue(whole.size() > 10, "a real session has artifacts: " + whole.size());
        // whole seconds: the gross-movement segments start at each core's start (GrossMovement)
        assertEquals(whole, AllDetectors.byCores(c, from, to, 307, null));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"flirt-truncated", "msr2023", "stress-predict-S01", "stress-predict-S04", "stress-predict-S06"})
    void shouldGiveAnInBandDominantFrequencyWhenFidgetSpectrumRunsOverARealRecording(String folder) throws IOException {
        E4Recording rec = E4Reader.read(SharedData.resolve("e4/" + folder), folder);
        E4Channel acc = rec.channel(Channel.ACC).orElseThrow();
        FidgetSpectrum.Result r = FidgetSpectrum.defaults().analyse(acc.values(), acc.rateHz(), acc.startMillis());
        System.out.printf(
                Locale.ROOT,
                "%-19s fidget %.2e g^2, dominant %s Hz, frames %d used, %d with gross movement%n",
                folder,
                r.bandPowerG2(),
                r.dominantHz() == null ? "-" : String.format(Locale.ROOT, "%.2f", r.dominantHz()),
                r.framesUsed(),
                r.framesExcluded());
        assertTrue(r.framesUsed() > 0);
        assertTrue(r.bandPowerG2() >= 0);
        if (r.dominantHz() != null) {
            assertTrue(r.dominantHz() >= 2 && r.dominantHz() <= 6, "dominant " + r.dominantHz());
        }
    }
}
