package org.sessionreview.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.sessionreview.model.Annotation;
import org.sessionreview.model.SessionInfo;
import org.sessionreview.model.WindowFeatures;

/**
 * Seeded synthetic window features of one wearer. The session is cut into 5-s cells; each cell
 * gets Gaussian noise per feature plus, inside a planted elevation, an arousal shift (SCL +0.3
 * uS, SCR rate +2.5 /min, HR +8 bpm, RMSSD -12 ms per unit of strength; fidget and temperature
 * unchanged). A 30-s window (hop 5 s) averages its six cells, so windows overlap and the planted
 * onset is smeared over a window length, as with real features.
 */
final class SyntheticSession {
    static final long MEDIA_START_MILLIS = 1_714_557_600_000L; // 2024-05-01T10:00:00Z

    /** A planted elevation from {@code startS} to {@code endS} with the given strength. */
    record Plant(double startS, double endS, double strength) {}

    private static final double CELL_S = 5.0;
    private static final int CELLS_PER_WINDOW = 6;
    // baseline level, window-level SD, shift per unit strength
    private static final double[][] FEATURES = {
        {2.0, 0.05, 0.3}, // SCL uS
        {3.0, 0.8, 2.5}, // SCR /min
        {72, 2.0, 8.0}, // HR bpm
        {45, 5.0, -12}, // RMSSD ms
        {1e-4, 2e-5, 0}, // fidget g^2
        {0.0, 0.03, 0}, // temp slope degC/min
    };

    private SyntheticSession() {}

    static SessionInfo info(String sessionId) {
        SessionInfo info = new SessionInfo();
        info.sessionId = sessionId;
        info.therapistId = "T07";
        info.clientKey = "c0ffee";
        info.sessionNumber = 4;
        info.mediaStartMillis = MEDIA_START_MILLIS;
        info.mediaStartText = "2024-05-01T12:00:00+02:00";
        info.sessionDate = "2024-05-01";
        info.durationS = 1800;
        info.durationDeclared = true;
        info.consentSupervision = true;
        info.consentResearch = false;
        info.wearers.add("client");
        info.wearers.add("therapist");
        return info;
    }

    /** Windows of one wearer over {@code durationS} seconds, all channel qualities 1. */
    static List<WindowFeatures> windows(String sessionId, String role, double durationS, long seed, Plant... plants) {
        Random rnd = new Random(seed);
        int cells = (int) (durationS / CELL_S);
        double[][] cellValues = new double[cells][FEATURES.length];
        for (int c = 0; c < cells; c++) {
            double arousal = arousal(c * CELL_S, plants);
            for (int f = 0; f < FEATURES.length; f++) {
                double cellSd = FEATURES[f][1] * Math.sqrt(CELLS_PER_WINDOW);
                cellValues[c][f] = FEATURES[f][0] + cellSd * rnd.nextGaussian() + arousal * FEATURES[f][2];
            }
        }
        List<WindowFeatures> out = windowsOfCells(role, cellValues);
        for (WindowFeatures w : out) {
            w.sessionId = sessionId;
            w.startMillis = MEDIA_START_MILLIS + Math.round(w.startS * 1000);
        }
        return out;
    }

    /**
     * 30 s windows every 5 s of one wearer from 5 s cells of {EDA level, SCR rate, HR, RMSSD,
     * fidget power, temperature slope}: each window's features are the mean of its six cells (SCR
     * rate and fidget power at least 0).
     */
    static List<WindowFeatures> windowsOfCells(String role, double[][] cellValues) {
        List<WindowFeatures> out = new ArrayList<>();
        for (int k = 0; k + CELLS_PER_WINDOW <= cellValues.length; k++) {
            double[] mean = new double[6];
            for (int c = k; c < k + CELLS_PER_WINDOW; c++) {
                for (int f = 0; f < mean.length; f++) {
                    mean[f] += cellValues[c][f] / CELLS_PER_WINDOW;
                }
            }
            WindowFeatures w = Windows.window(role, k * CELL_S);
            w.edaSclUs = mean[0];
            w.edaScrPerMin = Math.max(0, mean[1]);
            w.hrBpm = mean[2];
            w.hrvRmssdMs = mean[3];
            w.fidgetPower = Math.max(0, mean[4]);
            w.tempSlopeCPerMin = mean[5];
            out.add(w);
        }
        return out;
    }

    /** Strength-weighted share of the cell starting at {@code t} that lies inside a plant. */
    private static double arousal(double t, Plant... plants) {
        double a = 0;
        for (Plant p : plants) {
            double overlap = Math.min(t + CELL_S, p.endS()) - Math.max(t, p.startS());
            a += Math.max(0, overlap) / CELL_S * p.strength();
        }
        return a;
    }

    static Annotation annotation(String sessionId, String code, String actor, double startS, Double endS) {
        Annotation a = new Annotation();
        a.sessionId = sessionId;
        a.code = code;
        a.family = code.substring(0, code.indexOf('_'));
        a.actor = actor;
        a.startS = startS;
        a.endS = endS;
        a.label = code;
        a.sourceFile = "coding.eaf";
        a.sourceLine = Math.round(startS);
        return a;
    }
}
