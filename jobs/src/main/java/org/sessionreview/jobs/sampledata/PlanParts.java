package org.sessionreview.jobs.sampledata;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The building blocks the planned sessions ({@link T01Sessions}, {@link T02Sessions}) share: the
 * wearer roles, coder notes carrying the note canary, E4 connect folder names and wearer plans
 * with their gross movements ({@link CohortPlan#grossMovements}).
 */
final class PlanParts {
    static final String CLIENT = "client";
    static final String THERAPIST = "therapist";

    private PlanParts() {}

    static String note(String text) {
        return SampleDataGenerator.NOTE_CANARY + " synthetic note: " + text;
    }

    static List<Interval> none() {
        return List.of();
    }

    /** E4 connect style folder name: the recording's unix start time and a device id. */
    static String e4Folder(OffsetDateTime mediaStart, int leadS, String device) {
        return (mediaStart.toEpochSecond() - leadS) + "_" + device;
    }

    /** A wearer's plan, its gross movements placed by {@link CohortPlan#grossMovements}. */
    static WearerPlan wearer(
            String role,
            String folder,
            int leadS,
            int tailS,
            int durationS,
            double edaUs,
            double scrPerMin,
            double hrBpm,
            double tempC,
            double respHz,
            List<EpisodePlan> episodes,
            List<Interval> contactLoss,
            List<String> missing,
            int movementPhaseS,
            double echo) {
        List<Interval> moves = CohortPlan.grossMovements(movementPhaseS, durationS, episodes, contactLoss);
        return new WearerPlan(
                role,
                folder,
                leadS,
                tailS,
                durationS,
                edaUs,
                scrPerMin,
                hrBpm,
                tempC,
                respHz,
                missing,
                contactLoss,
                moves,
                echo);
    }
}
