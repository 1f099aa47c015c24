package org.sessionreview.jobs.sampledata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Deterministic generator of the synthetic sample cohort in {@code sample-data/}: 8 recorded
 * therapy sessions (therapists T01, T02; clients C-0001..C-0003) with client and therapist
 * Empatica E4 exports, annotation files in every supported format (native JSONL, ELAN .eaf,
 * BORIS tabular and aggregated exports), planted client anxiety episodes, an EDA contact-loss
 * stretch, a calm session, a missing channel and a missing wearable, and the review facts of
 * {@link PlantedReview}: a resolved and an unaddressed rupture, missed opportunities and answered
 * episodes, an unanswered safety event and a client whose anxiety burden plateaus. Nothing in it
 * comes from a real person.
 *
 * <p>The plan ({@link CohortPlan}) fixes every planted time and magnitude; the seed drives only
 * the noise, the SCR and beat timing. The same seed gives byte-identical files on the same JDK
 * (no wall-clock times, fixed field order, gzip mtime 0, StrictMath); the uncompressed content
 * is identical on every platform.
 *
 * <p>Usage: {@code SampleDataGenerator --out sample-data [--seed 20260302]}.
 */
public final class SampleDataGenerator {
    /** The seed of the committed {@code sample-data/}. */
    public static final long DEFAULT_SEED = 20260302L;

    /** Marker in every synthetic free-text note: it must never appear in pipeline outputs. */
    public static final String NOTE_CANARY = "NOTE-PHI-CANARY";

    /** Name of the ground-truth file at the top of the output folder. */
    public static final String PLANTED_JSON = "planted.json";

    private SampleDataGenerator() {}

    /**
     * Writes the cohort into {@code outDir} (created if needed). Session folders of the cohort
     * that already exist there are deleted first; other files are left alone.
     */
    public static void generate(Path outDir, long seed) throws IOException {
        List<SessionPlan> sessions = CohortPlan.standard();
        Files.createDirectories(outDir);
        for (SessionPlan s : sessions) {
            Path dir = outDir.resolve(s.folder());
            deleteRecursively(dir);
            SessionWriter.write(dir, s, seed);
        }
        Json.write(outDir.resolve(PLANTED_JSON), PlantedJson.build(sessions, seed));
        ReadmeWriter.write(outDir, sessions, seed);
    }

    /** Deletes {@code dir} and everything in it; nothing when it does not exist. */
    public static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
