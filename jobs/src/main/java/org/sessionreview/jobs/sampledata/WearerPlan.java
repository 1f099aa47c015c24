package org.sessionreview.jobs.sampledata;

import java.util.List;

/**
 * One wearer's Empatica E4 recording in a session. The device starts {@code leadS} seconds
 * before media start and stops {@code tailS} seconds after the session ends, so the recording
 * lasts {@link #recordingS} seconds.
 *
 * @param role {@code client} or {@code therapist}
 * @param folder the wearable folder name inside the session folder
 * @param edaLevelUs resting EDA tonic level, microsiemens
 * @param scrPerMin resting spontaneous SCR rate, per minute
 * @param hrBpm resting heart rate, beats per minute
 * @param tempC resting skin temperature, degrees C
 * @param respHz breathing rate, Hz (drives respiratory sinus arrhythmia)
 * @param missingChannels E4 channels (e.g. {@code TEMP}) whose file is not written
 * @param contactLoss stretches where the EDA electrodes are off the skin (EDA ~0.00-0.02 uS)
 * @param grossMovements stretches of gross arm movement (large ACC bursts, posture change)
 * @param scrEchoProbability therapist only: probability that a client SCR is echoed 2-4 s later
 *     in this wearer's EDA (a mild planted physiological synchrony); 0 for none
 */
public record WearerPlan(
        String role,
        String folder,
        int leadS,
        int tailS,
        int durationS,
        double edaLevelUs,
        double scrPerMin,
        double hrBpm,
        double tempC,
        double respHz,
        List<String> missingChannels,
        List<Interval> contactLoss,
        List<Interval> grossMovements,
        double scrEchoProbability) {

    public int recordingS() {
        return leadS + durationS + tailS;
    }

    public boolean hasChannel(String channel) {
        return !missingChannels.contains(channel);
    }

    /** True when media time {@code t} lies in a gross movement (with {@code marginS} around it). */
    public boolean inGrossMovement(double t, double marginS) {
        for (Interval m : grossMovements) {
            if (t >= m.startS() - marginS && t <= m.endS() + marginS) {
                return true;
            }
        }
        return false;
    }

    public boolean inContactLoss(double t) {
        for (Interval c : contactLoss) {
            if (c.contains(t)) {
                return true;
            }
        }
        return false;
    }
}
