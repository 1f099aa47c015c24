package org.sessionreview.jobs.sampledata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Synthesizes and writes one wearer's E4 folder ({@code EDA.csv.gz BVP.csv.gz ACC.csv.gz
 * TEMP.csv.gz HR.csv.gz IBI.csv.gz}), skipping the channels the plan marks missing.
 */
final class WearableWriter {
    /** E4 channel files in the order they are written. */
    static final List<String> CHANNELS = List.of("EDA", "BVP", "ACC", "TEMP", "HR", "IBI");

    private WearableWriter() {}

    /**
     * @param arousalOwner the session whose episodes drive this wearer, or null (therapist)
     * @param echoOf the client's SCRs, echoed in a therapist's EDA (may be empty)
     * @return the SCRs in this wearer's EDA
     */
    static List<EdaSynth.Scr> write(
            Path dir,
            SessionPlan s,
            WearerPlan w,
            SessionPlan arousalOwner,
            List<Double> sighTimes,
            List<EdaSynth.Scr> echoOf,
            long seed)
            throws IOException {
        return write(dir, s, w, arousalOwner, sighTimes, echoOf, seed, ".csv.gz");
    }

    /** As above, with the files' suffix: {@code .csv.gz} (sample data) or {@code .csv} (plain, as the E4 export zip holds them). */
    static List<EdaSynth.Scr> write(
            Path dir,
            SessionPlan s,
            WearerPlan w,
            SessionPlan arousalOwner,
            List<Double> sighTimes,
            List<EdaSynth.Scr> echoOf,
            long seed,
            String suffix)
            throws IOException {
        Files.createDirectories(dir);
        String key = s.sessionId() + "/" + w.role() + "/";
        double start = s.mediaStartEpochS() - w.leadS();

        EdaSynth.Result eda = EdaSynth.synthesize(w, arousalOwner, sighTimes, echoOf, Rngs.stream(seed, key + "EDA"));
        if (w.hasChannel("EDA")) {
            E4Writer.writeRegular(dir.resolve("EDA" + suffix), start, EdaSynth.RATE_HZ, eda.microsiemens(), 6, 6);
        }
        RandomGenerator cardiacRng = Rngs.stream(seed, key + "beats");
        List<CardiacSynth.Beat> beats = CardiacSynth.beats(w, arousalOwner, cardiacRng);
        if (w.hasChannel("BVP")) {
            double[] bvp = CardiacSynth.bvp(w, arousalOwner, beats, Rngs.stream(seed, key + "BVP"));
            E4Writer.writeRegular(dir.resolve("BVP" + suffix), start, CardiacSynth.BVP_RATE_HZ, bvp, 2, 2);
        }
        if (w.hasChannel("ACC")) {
            int[][] acc = MotionSynth.synthesize(w, arousalOwner, Rngs.stream(seed, key + "ACC"));
            E4Writer.writeAcc(dir.resolve("ACC" + suffix), start, MotionSynth.RATE_HZ, acc);
        }
        if (w.hasChannel("TEMP")) {
            double[] temp = TempSynth.synthesize(w, arousalOwner, Rngs.stream(seed, key + "TEMP"));
            E4Writer.writeRegular(dir.resolve("TEMP" + suffix), start, TempSynth.RATE_HZ, temp, 2, 6);
        }
        if (w.hasChannel("HR")) {
            E4Writer.writeRegular(dir.resolve("HR" + suffix), start + 10, 1.0, CardiacSynth.heartRate(w, beats), 2, 6);
        }
        if (w.hasChannel("IBI")) {
            E4Writer.writeIbi(dir.resolve("IBI" + suffix), start, CardiacSynth.ibiRows(w, beats));
        }
        return eda.scrs();
    }

    /** Samples per file for a channel of this wearer (IBI: not fixed, returns -1). */
    static int expectedSamples(WearerPlan w, String channel) {
        switch (channel) {
            case "EDA":
            case "TEMP":
                return w.recordingS() * 4;
            case "BVP":
                return w.recordingS() * 64;
            case "ACC":
                return w.recordingS() * 32;
            case "HR":
                return w.recordingS() - 10;
            default:
                return -1;
        }
    }
}
