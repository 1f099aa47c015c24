package org.sessionreview.scoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.sessionreview.config.FeatureConfig;
import org.sessionreview.config.ScoringConfig;
import org.sessionreview.features.WearerWindower;
import org.sessionreview.ingest.e4.BlockSplitter;
import org.sessionreview.ingest.e4.E4Reader;
import org.sessionreview.ingest.e4.E4Recording;
import org.sessionreview.model.Role;
import org.sessionreview.model.SampleBlock;
import org.sessionreview.model.SessionInfo;
import org.sessionreview.model.WindowFeatures;
import org.sessionreview.testing.SharedData;
import org.sessionreview.validation.WindowAuc;

/**
 * The Stress-Predict development set (Iqbal et al. 2022, Sensors 22(21):8135; subjects S02-S08
 * in {@code ../shared/data/e4}, with the dataset's own per-second labels, 1 = during a stress
 * task) run through the plain-Java path: {@link WearerWindower} for the features, {@link
 * SessionReviewer} for the baseline and the anxiety index, exactly as the Flink operators call
 * them. No Flink.
 *
 * <p><b>Window labels.</b> A 30 s window's label is the mean of the labels of the whole seconds
 * inside it ({@code start <= t < end}, unix seconds); only pure windows (all stress = 1, all
 * rest = 0) count, as in the jobs module's {@code StressPredict}. <b>AUC</b> = Mann-Whitney U /
 * (n1 n0), ties half: the probability that a random stress window's anxiety index exceeds a
 * random rest window's. Windows without an index (no channel passes, gross movement) are left
 * out.
 */
final class StressPredictDevelopmentSet {
    /** The labelled development subjects. */
    static final List<String> SUBJECTS = List.of("S02", "S03", "S04", "S05", "S06", "S07", "S08");

    private static final Map<String, Subject> CACHE = new HashMap<>();

    /** One subject's unscored client windows, its media start and its per-second labels. */
    record Subject(String id, long mediaStartMillis, List<WindowFeatures> windows, Map<Long, Integer> labels) {
        /** Label of a window: mean of its seconds' labels, NaN when none is labelled ({@link WindowAuc#label}). */
        double label(WindowFeatures w) {
            return WindowAuc.label(w, mediaStartMillis, labels);
        }
    }

    private StressPredictDevelopmentSet() {}

    /** Reads and windows a subject once per JVM. */
    static synchronized Subject subject(String id) {
        return CACHE.computeIfAbsent(id, StressPredictDevelopmentSet::load);
    }

    private static Subject load(String id) {
        try {
            Path dir = SharedData.resolve("e4/stress-predict-" + id);
            E4Recording rec = E4Reader.read(dir, id);
            FeatureConfig cfg = FeatureConfig.defaults();
            long media = rec.startMillis();
            List<SampleBlock> blocks = new BlockSplitter(cfg).stream(rec, Role.CLIENT, media);
            WearerWindower windower = new WearerWindower(cfg, id, Role.CLIENT, media);
            List<WindowFeatures> windows = new ArrayList<>();
            for (SampleBlock b : blocks) {
                windows.addAll(windower.add(b));
            }
            windows.removeIf(w -> w.endOfStream);
            Map<Long, Integer> labels = new HashMap<>();
            List<String> lines = Files.readAllLines(dir.resolve("labels_" + id + ".csv"));
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",");
                labels.put((long) Double.parseDouble(f[0]), (int) Double.parseDouble(f[1]));
            }
            return new Subject(id, media, List.copyOf(windows), labels);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SessionInfo info(Subject s) {
        SessionInfo info = new SessionInfo();
        info.sessionId = s.id();
        info.therapistId = "none";
        info.clientKey = s.id();
        info.sessionNumber = 1;
        info.mediaStartMillis = s.mediaStartMillis();
        info.mediaStartText =
                java.time.Instant.ofEpochMilli(s.mediaStartMillis()).toString();
        info.sessionDate = info.mediaStartText.substring(0, 10);
        info.durationS = s.windows().isEmpty() ? 0 : s.windows().get(s.windows().size() - 1).endS;
        info.durationDeclared = false;
        info.wearers.add("client");
        return info;
    }

    /** The subject's windows scored by the review (baseline, index) under {@code cfg}. */
    static List<WindowFeatures> scored(Subject s, ScoringConfig cfg) {
        return new SessionReviewer()
                .review(info(s), s.windows(), List.of(), cfg)
                .scoredWindows();
    }

    /** Window-level ROC AUC of {@code score} for pure stress against pure rest windows. */
    static double auc(Subject s, List<WindowFeatures> scored, Function<WindowFeatures, Double> score) {
        List<Double> pos = new ArrayList<>();
        List<Double> neg = new ArrayList<>();
        for (WindowFeatures w : scored) {
            Double v = score.apply(w);
            if (v == null || !Double.isFinite(v)) {
                continue;
            }
            double l = s.label(w);
            if (l == 1) {
                pos.add(v);
            } else if (l == 0) {
                neg.add(v);
            }
        }
        return WindowAuc.auc(pos, neg);
    }

    static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
