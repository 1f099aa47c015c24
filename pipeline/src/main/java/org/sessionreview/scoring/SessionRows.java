package org.sessionreview.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sessionreview.config.ScoringConfig;
import org.sessionreview.model.Role;
import org.sessionreview.model.SessionInfo;
import org.sessionreview.model.WindowFeatures;
import org.sessionreview.report.SessionRow;

/** Builds the {@link SessionRow} of a reviewed session (see {@link SessionReviewer}). */
final class SessionRows {
    private SessionRows() {}

    static SessionRow of(
            SessionInfo info,
            int annotationCount,
            List<AnxietyEpisode> client,
            int clientWithoutCue,
            Map<Role, List<WindowFeatures>> byRole,
            List<WindowFeatures> scored,
            Map<Role, Baseline> baselines,
            ScoringConfig cfg) {
        SessionRow r = new SessionRow();
        r.sessionId = info.sessionId;
        r.therapistId = info.therapistId;
        r.clientKey = info.clientKey;
        r.sessionNumber = info.sessionNumber;
        r.sessionDate = info.sessionDate;
        r.mediaStartMillis = info.mediaStartMillis;
        r.durationS = info.durationS;
        r.consentSupervision = info.consentSupervision;
        r.consentResearch = info.consentResearch;
        r.annotationCount = annotationCount;

        // without client data during the video the burden is unknown, not zero (a trend must not
        // read it as calm)
        List<WindowFeatures> clientWindows = byRole.get(Role.CLIENT);
        boolean clientData =
                !DataRuns.of(clientWindows).runs().isEmpty() && VideoRange.coverage(clientWindows, info.durationS) > 0;
        r.anxietyEpisodes = clientData ? client.size() : null;
        r.anxietyTimeS = clientData
                ? client.stream().mapToDouble(AnxietyEpisode::watchableS).sum()
                : null;
        // of the windows overlapping the video, as the burden is of the episodes overlapping it
        // (before 2026-12-07 of all windows: eleventh audit, a peak of 10.0 after the video's end
        // where the video's own was 1.14); unknown, as the burden, when no client data overlap it
        r.peakAnxietyIndex = clientData ? peakIndex(scored, Role.CLIENT, info.durationS) : null;
        r.flagged = !client.isEmpty();
        r.priority = ReviewPriority.priority(client, cfg);

        r.dataQualityClient = DataQuality.of(clientWindows);
        r.dataQualityTherapist = DataQuality.of(byRole.get(Role.THERAPIST));
        r.flagReasons = new ArrayList<>(ReviewPriority.reasons(
                client,
                clientWithoutCue,
                (int) clientWindows.stream()
                        .filter(DataRuns.holdsData(clientWindows))
                        .count(),
                r.dataQualityClient,
                DataQuality.byGroup(clientWindows),
                ChannelGroup.missing(Role.CLIENT, info.missingChannels),
                cfg));
        for (Role role : Role.values()) {
            String shortCoverage = VideoRange.shortCoverageReason(
                    role.id(),
                    byRole.get(role),
                    info.durationS,
                    cfg.minVideoCoverage(),
                    info.multiPartWearers.contains(role.id()));
            if (shortCoverage != null) {
                r.flagReasons.add(shortCoverage);
            }
            // (the client's case already reads "no client sensor data: nothing scored")
            String noWindow = role == Role.CLIENT || !info.wearers.contains(role.id())
                    ? null
                    : VideoRange.noWindowReason(role.id(), byRole.get(role), info.durationS, cfg.windowLengthS());
            if (noWindow != null) {
                r.flagReasons.add(noWindow);
            }
            // the client's index is what flags a session: say when movement hid much of it
            String movement = role != Role.CLIENT
                    ? null
                    : VideoRange.movementReason(
                            role.id(),
                            scored.stream()
                                    .filter(w -> Role.parse(w.role).orElse(null) == role)
                                    .toList(),
                            info.durationS,
                            cfg.minVideoCoverage(),
                            cfg.grossMovementMaxS());
            if (movement != null) {
                r.flagReasons.add(movement);
            }
        }
        if (annotationCount == 0) {
            // informs, never flags: the physiology is still reviewed
            r.flagReasons.add("no coded events (video not coded, or every coded event rejected: see the rejects"
                    + " table): ruptures, responses and missed opportunities not judged");
        }
        r.baselineSource = baselineSource(baselines);
        for (Role role : Role.values()) {
            String settling = VideoRange.settlingReason(role.id(), baselines.get(role), cfg);
            if (settling != null) {
                r.flagReasons.add(settling);
            }
        }
        Baseline clientBaseline = baselines.get(Role.CLIENT);
        double[] stretch = clientBaseline == null
                ? null
                : clientBaseline.stretch().orElse(new double[] {cfg.baselineStartS(), cfg.baselineEndS()});
        String calibration = clientBaseline == null
                ? null
                : VideoRange.calibrationShareReason(
                        Role.CLIENT.id(),
                        clientBaseline.source(),
                        info.durationS,
                        stretch[0],
                        stretch[1],
                        cfg.calibrationNoteShare());
        if (calibration != null) {
            r.flagReasons.add(calibration);
        }
        return r;
    }

    /**
     * The highest anxiety index of {@code role}'s windows overlapping the video: {@code end_s > 0}
     * and, when the duration is positive, {@code start_s < durationS} (with an unknown duration
     * every window ending after the video's start); null without one.
     */
    static Double peakIndex(List<WindowFeatures> scored, Role role, double durationS) {
        Double peak = null;
        for (WindowFeatures w : scored) {
            if (Role.parse(w.role).orElse(null) == role
                    && w.anxietyIndex != null
                    && w.endS > 0
                    && (!(durationS > 0) || w.startS < durationS)
                    && (peak == null || w.anxietyIndex > peak)) {
                peak = w.anxietyIndex;
            }
        }
        return peak;
    }

    /** {@code client: <source>; therapist: <source>} over the wearers present, or {@code none}. */
    private static String baselineSource(Map<Role, Baseline> baselines) {
        List<String> parts = new ArrayList<>();
        for (Role role : Role.values()) {
            Baseline b = baselines.get(role);
            if (b != null) {
                parts.add(role.id() + ": " + b.source());
            }
        }
        return parts.isEmpty() ? "none (no sensor data)" : String.join("; ", parts);
    }
}
