package org.sessionreview.jobs.sampledata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A cohort of any size and session length for benchmarks: session {@code i} follows the plan of
 * sample session {@code i mod k} (the {@code k} standard sessions in which both wearers wear an
 * E4), stretched or cut to the requested length: its episodes, contact losses and coded events
 * are kept where they fit (episodes end at least 60 s, events 30 s before the end), gross
 * movements are laid out again over the whole length. Every session is a dyad with both wearers'
 * E4 exports as plain CSV (as the E4's export zip holds them) and its annotation files.
 *
 * <p>Ten therapists ({@code BT01..BT10}) and fifty clients ({@code BC-0001..BC-0050}) take turns,
 * one session per day from 2026-01-05. The seed drives the noise as in {@link
 * SampleDataGenerator}; session {@code i} uses {@code seed + i}, so the same arguments give
 * byte-identical files.
 */
public final class BenchCohort {
    /** The session folders' names: {@code bench-00000}, {@code bench-00001}, ... */
    static final String FOLDER = "bench-%05d";

    private static final OffsetDateTime FIRST_DAY = OffsetDateTime.parse("2026-01-05T09:00:00+01:00");

    private BenchCohort() {}

    /** The plans of an {@code n}-session cohort of {@code minutes}-minute sessions. */
    public static List<SessionPlan> plan(int n, int minutes) {
        if (n < 1 || minutes < 10) {
            throw new IllegalArgumentException("a bench cohort needs at least 1 session of at least 10 minutes");
        }
        List<SessionPlan> templates = CohortPlan.standard().stream()
                .filter(s -> s.therapist() != null)
                .toList();
        List<SessionPlan> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(session(i, templates.get(i % templates.size()), minutes * 60));
        }
        return out;
    }

    /** Writes the cohort's session folders into {@code root} (created if needed) and returns their count. */
    public static int write(Path root, int n, int minutes, long seed) throws IOException {
        Files.createDirectories(root);
        List<SessionPlan> plans = plan(n, minutes);
        for (int i = 0; i < plans.size(); i++) {
            SessionWriter.write(root.resolve(plans.get(i).folder()), plans.get(i), seed + i, ".csv");
        }
        return plans.size();
    }

    private static SessionPlan session(int i, SessionPlan t, int durationS) {
        List<EpisodePlan> episodes =
                t.episodes().stream().filter(e -> e.endS() <= durationS - 60).toList();
        List<CodedEvent> events = t.events().stream()
                .filter(e -> e.endOrStartS() <= durationS - 30)
                .toList();
        String therapist = String.format(Locale.ROOT, "BT%02d", i % 10 + 1);
        String client = String.format(Locale.ROOT, "BC-%04d", i % 50 + 1);
        return new SessionPlan(
                String.format(Locale.ROOT, FOLDER, i),
                String.format(Locale.ROOT, "B%05d", i),
                therapist,
                client,
                i / 50 + 1,
                FIRST_DAY.plusDays(i),
                durationS,
                t.consentResearch(),
                t.codebook(),
                t.annotationFiles(),
                wearer(t.client(), "client", durationS, episodes, 75),
                wearer(t.therapist(), "therapist", durationS, episodes, 140),
                episodes,
                events,
                "bench session after " + t.sessionId());
    }

    private static WearerPlan wearer(
            WearerPlan w, String folder, int durationS, List<EpisodePlan> episodes, int phaseS) {
        List<Interval> contactLoss =
                w.contactLoss().stream().filter(c -> c.endS() <= durationS - 60).toList();
        return new WearerPlan(
                w.role(),
                folder,
                w.leadS(),
                w.tailS(),
                durationS,
                w.edaLevelUs(),
                w.scrPerMin(),
                w.hrBpm(),
                w.tempC(),
                w.respHz(),
                w.missingChannels(),
                contactLoss,
                CohortPlan.grossMovements(phaseS, durationS, episodes, contactLoss),
                w.scrEchoProbability());
    }
}
