package org.sessionreview.jobs.sampledata;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Everything planted in one synthetic session: metadata, wearables, client anxiety episodes and
 * coded events.
 *
 * @param mediaStart second 0 of the session video, ISO-8601 with offset
 * @param therapist the therapist's wearable, or null when the therapist wore none
 * @param codebook codebook file name (BORIS sessions), or null
 * @param summary one line for the README table
 */
public record SessionPlan(
        String folder,
        String sessionId,
        String therapistId,
        String clientId,
        int sessionNumber,
        OffsetDateTime mediaStart,
        int durationS,
        boolean consentResearch,
        String codebook,
        List<AnnotationFile> annotationFiles,
        WearerPlan client,
        WearerPlan therapist,
        List<EpisodePlan> episodes,
        List<CodedEvent> events,
        String summary) {

    /** Calibration baseline used by the pipeline: minutes 2 to 6 of the session. */
    public static final Interval CALIBRATION = new Interval(120, 360);

    public long mediaStartEpochS() {
        return mediaStart.toEpochSecond();
    }

    public List<WearerPlan> wearers() {
        return therapist == null ? List.of(client) : List.of(client, therapist);
    }

    /**
     * Coded client cues (DOMAIN.md 5: ANX_*, AFF_CUE, AFF_CONCERN) whose start lies inside the
     * episode: they voice it.
     */
    public List<CodedEvent> cuesInside(EpisodePlan e) {
        return events.stream()
                .filter(c -> c.actor().equals("client")
                        && (c.family().equals("ANX")
                                || c.code().equals("AFF_CUE")
                                || c.code().equals("AFF_CONCERN")))
                .filter(c -> e.interval().contains(c.startS()))
                .toList();
    }

    /** Client arousal 0..1 at media time {@code t} (max over episodes). */
    public double arousal(double t) {
        double a = 0.0;
        for (EpisodePlan e : episodes) {
            a = Math.max(a, e.arousal(t));
        }
        return a;
    }

    public List<CodedEvent> eventsIn(String file) {
        return events.stream().filter(c -> c.file().equals(file)).toList();
    }
}
