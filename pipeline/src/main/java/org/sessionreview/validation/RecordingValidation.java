package org.sessionreview.validation;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sessionreview.config.PipelineConfig;
import org.sessionreview.features.WearerWindower;
import org.sessionreview.ingest.e4.BlockSplitter;
import org.sessionreview.ingest.e4.E4Reader;
import org.sessionreview.ingest.e4.E4Recording;
import org.sessionreview.model.Role;
import org.sessionreview.model.SampleBlock;
import org.sessionreview.model.SessionInfo;
import org.sessionreview.model.WindowFeatures;
import org.sessionreview.scoring.BaselineProvider;
import org.sessionreview.scoring.SessionReviewer;

/**
 * The anxiety index of one labelled E4 recording against its task labels: the recording is read
 * as a client's wearable ({@link E4Reader}), cut into blocks ({@link BlockSplitter}), windowed
 * ({@link WearerWindower}) and scored against its calibration-stretch baseline ({@link
 * SessionReviewer}), the steps the review's operators call, in one thread without Flink; then
 * each scored window is labelled and the window AUC computed ({@link WindowAuc}). No parameter is
 * fitted to the recording: the configuration is the review's.
 */
public final class RecordingValidation {
    private RecordingValidation() {}

    /**
     * One recording's figures.
     *
     * @param windows the client's windows
     * @param scored windows with an anxiety index (the others: no usable channel, gross movement)
     * @param stress scored windows whose seconds are all labelled 1
     * @param rest scored windows whose seconds are all labelled 0
     * @param auc window AUC of the index, stress against rest; NaN without both kinds
     * @param rejectedRecords E4 records rejected while reading (bad rows), as {@code review} would
     *     list them in {@code rejects/}
     * @param missingChannels E4 channels without a usable file
     */
    public record Result(
            String recording,
            int windows,
            int scored,
            int stress,
            int rest,
            double auc,
            int rejectedRecords,
            List<String> missingChannels) {}

    /**
     * Scores the recording in {@code folder} and compares it with {@code labels}.
     *
     * @param name the recording's name (its folder's name), used as its session id
     * @param labels per-second labels keyed by unix second (1 stress, 0 rest)
     * @throws IOException when the folder cannot be listed
     */
    public static Result run(Path folder, String name, Map<Long, Integer> labels, PipelineConfig cfg)
            throws IOException {
        E4Recording rec = E4Reader.read(folder, name);
        List<String> missing = rec.missingChannels().stream().map(Enum::name).toList();
        int rejected = rec.rejects().size();
        if (rec.presentChannels().isEmpty()) {
            return new Result(name, 0, 0, 0, 0, Double.NaN, rejected, missing);
        }
        long media = rec.startMillis();
        WearerWindower windower = new WearerWindower(cfg.features(), name, Role.CLIENT, media);
        List<WindowFeatures> windows = new ArrayList<>();
        for (SampleBlock b : new BlockSplitter(cfg.features()).stream(rec, Role.CLIENT, media)) {
            windows.addAll(windower.add(b));
        }
        windows.removeIf(w -> w.endOfStream);
        List<WindowFeatures> scored = new SessionReviewer(BaselineProvider.CALIBRATION)
                .review(info(name, media, windows), windows, List.of(), cfg.scoring())
                .scoredWindows();
        List<Double> stress = new ArrayList<>();
        List<Double> rest = new ArrayList<>();
        int withIndex = 0;
        for (WindowFeatures w : scored) {
            if (w.anxietyIndex == null || !Double.isFinite(w.anxietyIndex)) {
                continue;
            }
            withIndex++;
            double l = WindowAuc.label(w, media, labels);
            if (l == 1) {
                stress.add(w.anxietyIndex);
            } else if (l == 0) {
                rest.add(w.anxietyIndex);
            }
        }
        return new Result(
                name,
                windows.size(),
                withIndex,
                stress.size(),
                rest.size(),
                WindowAuc.auc(stress, rest),
                rejected,
                missing);
    }

    private static SessionInfo info(String name, long mediaStartMillis, List<WindowFeatures> windows) {
        SessionInfo info = new SessionInfo();
        info.sessionId = name;
        info.therapistId = "none";
        info.clientKey = name;
        info.sessionNumber = 1;
        info.mediaStartMillis = mediaStartMillis;
        info.mediaStartText = Instant.ofEpochMilli(mediaStartMillis).toString();
        info.sessionDate = info.mediaStartText.substring(0, 10);
        info.durationS = windows.isEmpty() ? 0 : windows.get(windows.size() - 1).endS;
        info.durationDeclared = false;
        info.wearers.add("client");
        return info;
    }
}
