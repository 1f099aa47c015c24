package org.sessionreview.jobs.sampledata;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The fixed plan of the synthetic sample cohort: 8 sessions, therapists T01 and T02, clients
 * C-0001..C-0003. Every planted time and magnitude is fixed here; the seed only drives the
 * noise, SCR and beat timing, so {@code planted.json} and the README do not depend on it.
 *
 * <p>Besides anxiety episodes the plan plants what the review rules must find (DOMAIN.md 2.7, 3,
 * 5): a resolved withdrawal rupture (S4), an unaddressed confrontation rupture (S8), missed
 * opportunities and answered episodes (S1, S3, S5-S8), an unanswered safety event (S7, so S7 is
 * reviewed first) and a client whose anxiety burden plateaus over four sessions (C-0003, S5-S8).
 *
 * <p>Rules the plan keeps (checked by {@link #validate}): no episode starts before minute 7
 * (minutes 2-6 are the calibration baseline), episodes last 2-4 minutes, contact loss and gross
 * movements stay clear of episodes and of the baseline, and every rule outcome planted.json
 * states (episode-onset responses, rupture outcomes) is unambiguous, and the planted burden fits
 * each client's plateau flag ({@link #clients}, {@link PlannedTrend#validate}).
 */
public final class CohortPlan {
    private static final String CLIENT = "client";
    private static final String THERAPIST = "therapist";

    private CohortPlan() {}

    /** The standard cohort written to {@code sample-data/}. */
    public static List<SessionPlan> standard() {
        List<SessionPlan> sessions =
                List.of(session1(), session2(), session3(), session4(), session5(), session6(), session7(), session8());
        sessions.forEach(CohortPlan::validate);
        PlannedTrend.validate(sessions, clients());
        return sessions;
    }

    /**
     * The cohort's clients and whether each is planted to plateau at its latest session: decided
     * here with the design, and the episodes of {@link #standard} are planted to fit (C-0003: four
     * consecutive sessions S5-S8 of 370, 180, 180 and 360 s, the last at or above their mean;
     * C-0001 and C-0002: two sessions each, too few for a plateau).
     */
    public static List<ClientPlan> clients() {
        return List.of(
                new ClientPlan("C-0001", false), new ClientPlan("C-0002", false), new ClientPlan("C-0003", true));
    }

    // S1: T01 / C-0001 #3, JSONL, two voiced episodes (one with ACC fidget).
    private static SessionPlan session1() {
        OffsetDateTime start = OffsetDateTime.parse("2026-03-02T10:00:00+01:00");
        int dur = 1560;
        String f = "annotations.jsonl";
        List<EpisodePlan> eps = List.of(
                new EpisodePlan("S1-E1", 570, 35, 750, 45, 2.0, 15, 0.40, null, null),
                new EpisodePlan("S1-E2", 1120, 35, 1270, 35, 1.6, 13, 0.30, 4.2, new Interval(1145, 1235)));
        List<CodedEvent> ev = List.of(
                CodedEvent.state("INT_STRUCTURE_AGENDA_HOMEWORK", THERAPIST, 30, 85, f),
                CodedEvent.point("AFF_POSITIVE", CLIENT, 240, f)
                        .withNote(note("client laughed about a fictional neighbour" + " called Jane Placeholder")),
                CodedEvent.point("ANX_STR_SIGH", CLIENT, 582, f).withIntensity(2),
                CodedEvent.point("INT_EXPLORE_FEELING", THERAPIST, 588, f),
                CodedEvent.state("ANX_STR_HANDS", CLIENT, 590, 625, f).withIntensity(2),
                CodedEvent.point("INT_EMPATHIC_REFLECTION", THERAPIST, 596, f),
                CodedEvent.state("SILENCE", "dyad", 905, 913, f),
                CodedEvent.state("ANX_STR_FIDGET", CLIENT, 1145, 1240, f).withIntensity(2),
                CodedEvent.point("INT_TOPIC_SHIFT", THERAPIST, 1150, f),
                CodedEvent.point("INT_VALIDATION", THERAPIST, 1400, f)
                        .withNote(note("coder aside, fictional phone 555-0100")));
        return new SessionPlan(
                "2026-03-02_T01_1000",
                "T01-20260302-1000",
                "T01",
                "C-0001",
                3,
                start,
                dur,
                true,
                null,
                List.of(new AnnotationFile(f, AnnotationFormat.JSONL)),
                wearer(CLIENT, "client", 47, 35, dur, 4.5, 2.0, 70, 33.2, 0.25, eps, none(), List.of(), 75, 0),
                wearer(THERAPIST, "therapist", 72, 50, dur, 3.4, 1.2, 68, 33.0, 0.22, eps, none(), List.of(), 140, 0.3),
                eps,
                ev,
                "two voiced episodes (JSONL cues), E2 with ACC fidget and a topic-shift" + " response");
    }

    // S2: T01 / C-0001 #4, BORIS aggregated, calm: nothing to review.
    private static SessionPlan session2() {
        OffsetDateTime start = OffsetDateTime.parse("2026-03-09T10:00:00+01:00");
        int dur = 1440;
        String f = "boris_aggregated.tsv";
        List<EpisodePlan> eps = List.of();
        List<CodedEvent> ev = List.of(
                CodedEvent.state("INT_STRUCTURE_AGENDA_HOMEWORK", THERAPIST, 20, 75, f),
                CodedEvent.point("AFF_POSITIVE", CLIENT, 410, f),
                CodedEvent.point("INT_EMPATHIC_REFLECTION", THERAPIST, 416, f),
                CodedEvent.point("INT_VALIDATION", THERAPIST, 980, f),
                CodedEvent.state("INT_PSYCHOED_RATIONALE", THERAPIST, 1100, 1160, f),
                CodedEvent.state("INT_STRUCTURE_AGENDA_HOMEWORK", THERAPIST, 1340, 1400, f));
        return new SessionPlan(
                "2026-03-09_T01_1000",
                "T01-20260309-1000",
                "T01",
                "C-0001",
                4,
                start,
                dur,
                true,
                Codebook.FILE_NAME,
                List.of(new AnnotationFile(f, AnnotationFormat.BORIS_AGGREGATED)),
                wearer(
                        CLIENT,
                        e4Folder(start, 64, "A01F4D"),
                        64,
                        28,
                        dur,
                        4.2,
                        2.0,
                        71,
                        33.3,
                        0.26,
                        eps,
                        none(),
                        List.of(),
                        75,
                        0),
                wearer(
                        THERAPIST,
                        e4Folder(start, 38, "A02C7E"),
                        38,
                        61,
                        dur,
                        3.6,
                        1.2,
                        67,
                        33.1,
                        0.21,
                        eps,
                        none(),
                        List.of(),
                        140,
                        0.3),
                eps,
                ev,
                "calm session: no episode, no cue (nothing to review)");
    }

    // S3: T01 / C-0002 #1, ELAN with MEDIA_DESCRIPTOR TIME_ORIGIN="0", one voiced episode.
    private static SessionPlan session3() {
        OffsetDateTime start = OffsetDateTime.parse("2026-04-14T14:30:00+02:00");
        int dur = 1680;
        String f = "session.eaf";
        List<EpisodePlan> eps = List.of(new EpisodePlan("S3-E1", 500, 40, 680, 40, 2.5, 18, 0.50, null, null));
        List<CodedEvent> ev = List.of(
                CodedEvent.point("AFF_CUE", CLIENT, 512, f),
                CodedEvent.point("INT_VALIDATION", THERAPIST, 516, f),
                CodedEvent.point("ANX_STR_SIGH", CLIENT, 520, f).withIntensity(2),
                CodedEvent.state("ANX_STR_TENSION", CLIENT, 525, 600, f).withIntensity(3),
                CodedEvent.state("INT_REGULATE_ANXIETY", THERAPIST, 527, 560, f),
                CodedEvent.point("AFF_CONCERN", CLIENT, 1200, f),
                CodedEvent.point("INT_EMPATHIC_REFLECTION", THERAPIST, 1205, f));
        return new SessionPlan(
                "2026-04-14_T01_1430",
                "T01-20260414-1430",
                "T01",
                "C-0002",
                1,
                start,
                dur,
                true,
                null,
                List.of(new AnnotationFile(f, AnnotationFormat.ELAN_WITH_MEDIA)),
                wearer(
                        CLIENT,
                        e4Folder(start, 83, "A04E22"),
                        83,
                        40,
                        dur,
                        6.5,
                        2.5,
                        76,
                        32.6,
                        0.27,
                        eps,
                        none(),
                        List.of(),
                        75,
                        0),
                wearer(
                        THERAPIST,
                        e4Folder(start, 55, "A02C7E"),
                        55,
                        22,
                        dur,
                        3.3,
                        1.1,
                        69,
                        33.0,
                        0.22,
                        eps,
                        none(),
                        List.of(),
                        140,
                        0),
                eps,
                ev,
                "one voiced episode (ELAN cues), therapist regulates anxiety");
    }

    // S4: T01 / C-0002 #2, ELAN without media descriptor, EDA contact loss, unvoiced episode.
    private static SessionPlan session4() {
        OffsetDateTime start = OffsetDateTime.parse("2026-04-21T14:30:00+02:00");
        int dur = 1320;
        String f = "coding.eaf";
        List<EpisodePlan> eps = List.of(new EpisodePlan("S4-E1", 960, 35, 1140, 40, 1.8, 14, 0.35, null, null));
        List<Interval> loss = List.of(new Interval(690, 855));
        List<CodedEvent> ev = List.of(
                CodedEvent.state("RUP_W_MINIMAL", CLIENT, 420, 445, f).withSignificance(2),
                CodedEvent.point("RES_INVITE_DISCUSS_RELATIONSHIP", THERAPIST, 450, f)
                        .withSignificance(3),
                CodedEvent.point("AFF_POSITIVE", CLIENT, 1250, f),
                CodedEvent.point("INT_VALIDATION", THERAPIST, 1255, f));
        return new SessionPlan(
                "2026-04-21_T01_1430",
                "T01-20260421-1430",
                "T01",
                "C-0002",
                2,
                start,
                dur,
                false,
                null,
                List.of(new AnnotationFile(f, AnnotationFormat.ELAN)),
                wearer(
                        CLIENT,
                        e4Folder(start, 58, "A04E22"),
                        58,
                        33,
                        dur,
                        6.2,
                        2.5,
                        75,
                        32.7,
                        0.27,
                        eps,
                        loss,
                        List.of(),
                        75,
                        0),
                wearer(
                        THERAPIST,
                        e4Folder(start, 41, "A02C7E"),
                        41,
                        47,
                        dur,
                        3.5,
                        1.2,
                        68,
                        33.0,
                        0.22,
                        eps,
                        none(),
                        List.of(),
                        140,
                        0),
                eps,
                ev,
                "client EDA contact loss, then one unvoiced episode (no coded cue)");
    }

    // S5: T02 / C-0003 #5, BORIS tabular + codebook, voiced + unvoiced, therapist TEMP missing.
    private static SessionPlan session5() {
        OffsetDateTime start = OffsetDateTime.parse("2026-03-05T09:00:00-05:00");
        int dur = 1800;
        String f = "boris_events.tsv";
        List<EpisodePlan> eps = List.of(
                new EpisodePlan("S5-E1", 600, 35, 790, 40, 2.2, 16, 0.45, 3.6, new Interval(630, 740)),
                new EpisodePlan("S5-E2", 1320, 30, 1500, 40, 1.7, 13, 0.30, null, null));
        List<CodedEvent> ev = List.of(
                CodedEvent.point("AFF_POSITIVE", CLIENT, 300, f)
                        .withNote(note("client named a fictional pet Rex Example")),
                CodedEvent.state("ANX_STR_FIDGET", CLIENT, 628, 735, f).withIntensity(2),
                CodedEvent.point("ANX_STR_SIGH", CLIENT, 640, f).withIntensity(2),
                // 648, not 645: E1's onset window [onset - 10, onset + 30] must miss it
                // for every detector lag of 0-15 s (ResponseRules.ONSET_LAG_MAX_S)
                CodedEvent.point("INT_EXPLORE_FEELING", THERAPIST, 648, f),
                CodedEvent.point("INT_EMPATHIC_REFLECTION", THERAPIST, 700, f),
                CodedEvent.state("INT_STRUCTURE_AGENDA_HOMEWORK", THERAPIST, 1700, 1760, f));
        return new SessionPlan(
                "2026-03-05_T02_0900",
                "T02-20260305-0900",
                "T02",
                "C-0003",
                5,
                start,
                dur,
                true,
                Codebook.FILE_NAME,
                List.of(new AnnotationFile(f, AnnotationFormat.BORIS_TABULAR)),
                wearer(
                        CLIENT,
                        e4Folder(start, 35, "A05D90"),
                        35,
                        52,
                        dur,
                        2.8,
                        1.5,
                        66,
                        33.6,
                        0.24,
                        eps,
                        none(),
                        List.of(),
                        75,
                        0),
                wearer(
                        THERAPIST,
                        e4Folder(start, 88, "A03B19"),
                        88,
                        30,
                        dur,
                        5.0,
                        1.8,
                        72,
                        33.4,
                        0.23,
                        eps,
                        none(),
                        List.of("TEMP"),
                        140,
                        0.4),
                eps,
                ev,
                "voiced episode (BORIS cues, ACC fidget) and a later unvoiced one; therapist" + " TEMP.csv missing");
    }

    // S6: T02 / C-0003 #6, BORIS tabular (client) + JSONL (therapist), no therapist response.
    private static SessionPlan session6() {
        OffsetDateTime start = OffsetDateTime.parse("2026-03-12T09:00:00-04:00");
        int dur = 1500;
        String b = "boris_events.tsv";
        String j = "therapist_codes.jsonl";
        List<EpisodePlan> eps =
                List.of(new EpisodePlan("S6-E1", 840, 30, 1020, 35, 3.0, 20, 0.50, 5.0, new Interval(855, 990)));
        List<CodedEvent> ev = List.of(
                CodedEvent.state("INT_STRUCTURE_AGENDA_HOMEWORK", THERAPIST, 40, 100, j),
                CodedEvent.state("ANX_STR_HANDS", CLIENT, 850, 905, b).withIntensity(3),
                CodedEvent.point("INT_INTERPRETATION_LINK", THERAPIST, 1180, j),
                CodedEvent.point("INT_CHALLENGE_DEFENSE", THERAPIST, 1230, j)
                        .withNote(note("supervisor reminder for a fictional Dr. Nobody")),
                CodedEvent.point("AFF_POSITIVE", CLIENT, 1300, b));
        return new SessionPlan(
                "2026-03-12_T02_0900",
                "T02-20260312-0900",
                "T02",
                "C-0003",
                6,
                start,
                dur,
                true,
                Codebook.FILE_NAME,
                List.of(
                        new AnnotationFile(b, AnnotationFormat.BORIS_TABULAR),
                        new AnnotationFile(j, AnnotationFormat.JSONL)),
                wearer(
                        CLIENT,
                        e4Folder(start, 76, "A05D90"),
                        76,
                        25,
                        dur,
                        3.0,
                        1.6,
                        67,
                        33.5,
                        0.24,
                        eps,
                        none(),
                        List.of(),
                        75,
                        0),
                wearer(
                        THERAPIST,
                        e4Folder(start, 49, "A03B19"),
                        49,
                        58,
                        dur,
                        4.8,
                        1.8,
                        71,
                        33.3,
                        0.23,
                        eps,
                        none(),
                        List.of(),
                        140,
                        0),
                eps,
                ev,
                "strongest episode (BORIS hands cue, 5 Hz tremor in ACC), no therapist" + " response");
    }

    // S7: T02 / C-0003 #7, JSONL, no therapist wearable, ANX_CPD met by pressure to feeling,
    // and a suicidal-ideation statement with no therapist response within 60 s: reviewed first.
    private static SessionPlan session7() {
        OffsetDateTime start = OffsetDateTime.parse("2026-03-19T09:00:00-04:00");
        int dur = 1200;
        String f = "annotations.jsonl";
        List<EpisodePlan> eps = List.of(new EpisodePlan("S7-E1", 660, 35, 840, 40, 2.0, 16, 0.40, null, null));
        List<CodedEvent> ev = List.of(
                CodedEvent.point("ANX_CPD", CLIENT, 678, f)
                        .withIntensity(2)
                        .withNote(note("client said she felt foggy; fictional")),
                CodedEvent.point("INT_EXPLORE_FEELING", THERAPIST, 686, f),
                CodedEvent.state("INT_REGULATE_ANXIETY", THERAPIST, 740, 770, f),
                CodedEvent.point("SAFE_SUICIDAL_IDEATION", CLIENT, 960, f)
                        .withNote(note("client voiced passive suicidal thoughts;" + " fictional")));
        return new SessionPlan(
                "2026-03-19_T02_0900",
                "T02-20260319-0900",
                "T02",
                "C-0003",
                7,
                start,
                dur,
                true,
                null,
                List.of(new AnnotationFile(f, AnnotationFormat.JSONL)),
                wearer(
                        CLIENT,
                        e4Folder(start, 52, "A05D90"),
                        52,
                        44,
                        dur,
                        2.9,
                        1.5,
                        65,
                        33.7,
                        0.23,
                        eps,
                        none(),
                        List.of(),
                        75,
                        0),
                null,
                eps,
                ev,
                "no therapist wearable; ANX_CPD cue answered by pressure to feeling within 30 s;"
                        + " SAFE_SUICIDAL_IDEATION with no therapist response (reviewed first)");
    }

    // S8: T02 / C-0003 #8, JSONL, 20 min: two episodes (the fourth high-burden session in a row),
    // a sigh met by deliberate silence, an unaddressed confrontation rupture, an unvoiced episode.
    private static SessionPlan session8() {
        OffsetDateTime start = OffsetDateTime.parse("2026-03-26T09:00:00-04:00");
        int dur = 1200;
        String f = "annotations.jsonl";
        List<EpisodePlan> eps = List.of(
                new EpisodePlan("S8-E1", 450, 35, 630, 40, 2.1, 15, 0.40, null, null),
                new EpisodePlan("S8-E2", 900, 30, 1080, 40, 1.8, 14, 0.45, null, null));
        List<CodedEvent> ev = List.of(
                CodedEvent.state("INT_STRUCTURE_AGENDA_HOMEWORK", THERAPIST, 30, 80, f),
                CodedEvent.point("ANX_STR_SIGH", CLIENT, 465, f).withIntensity(2),
                CodedEvent.state("INT_SILENCE_DELIBERATE", THERAPIST, 468, 480, f),
                CodedEvent.point("RUP_C_COMPLAINT_PROGRESS", CLIENT, 700, f)
                        .withSignificance(3)
                        .withNote(note("client said these sessions go nowhere; fictional")),
                CodedEvent.point("INT_CHALLENGE_DEFENSE", THERAPIST, 735, f),
                CodedEvent.point("RUP_C_REJECTS_INTERVENTION", CLIENT, 745, f).withSignificance(4),
                CodedEvent.state("INT_STRUCTURE_AGENDA_HOMEWORK", THERAPIST, 1120, 1170, f));
        return new SessionPlan(
                "2026-03-26_T02_0900",
                "T02-20260326-0900",
                "T02",
                "C-0003",
                8,
                start,
                dur,
                true,
                null,
                List.of(new AnnotationFile(f, AnnotationFormat.JSONL)),
                wearer(
                        CLIENT,
                        e4Folder(start, 61, "A05D90"),
                        61,
                        33,
                        dur,
                        3.1,
                        1.6,
                        66,
                        33.6,
                        0.24,
                        eps,
                        none(),
                        List.of(),
                        75,
                        0),
                wearer(
                        THERAPIST,
                        e4Folder(start, 44, "A03B19"),
                        44,
                        40,
                        dur,
                        4.9,
                        1.8,
                        71,
                        33.4,
                        0.23,
                        eps,
                        none(),
                        List.of(),
                        140,
                        0),
                eps,
                ev,
                "two episodes (sigh met by deliberate silence; unvoiced); unaddressed"
                        + " confrontation rupture (JSONL)");
    }

    private static String note(String text) {
        return SampleDataGenerator.NOTE_CANARY + " synthetic note: " + text;
    }

    private static List<Interval> none() {
        return List.of();
    }

    /** E4 connect style folder name: the recording's unix start time and a device id. */
    private static String e4Folder(OffsetDateTime mediaStart, int leadS, String device) {
        return (mediaStart.toEpochSecond() - leadS) + "_" + device;
    }

    private static WearerPlan wearer(
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
        List<Interval> moves = grossMovements(movementPhaseS, durationS, episodes, contactLoss);
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

    /**
     * Gross movements of 3 s every 310 s from {@code phaseS}, skipping the calibration baseline
     * (with 30 s margins), the 90 s around each episode, the 60 s around contact loss and the
     * last 30 s.
     */
    static List<Interval> grossMovements(
            int phaseS, int durationS, List<EpisodePlan> episodes, List<Interval> contactLoss) {
        List<Interval> out = new ArrayList<>();
        for (int t = phaseS; t + 3 < durationS - 30; t += 310) {
            Interval m = new Interval(t, t + 3);
            boolean clear = !m.near(SessionPlan.CALIBRATION, 30);
            for (EpisodePlan e : episodes) {
                clear &= !m.near(e.interval(), 90);
            }
            for (Interval c : contactLoss) {
                clear &= !m.near(c, 60);
            }
            if (clear) {
                out.add(m);
            }
        }
        return List.copyOf(out);
    }

    /** Fails when a session breaks a rule of the cohort (see the class comment). */
    static void validate(SessionPlan s) {
        for (EpisodePlan e : s.episodes()) {
            check(e.startS() >= 420, e.id() + " starts before minute 7");
            check(e.endS() - e.startS() >= 120 && e.endS() - e.startS() <= 240, e.id() + " is not 2-4 minutes long");
            check(e.rampUpS() >= 30 && e.rampUpS() <= 60, e.id() + " ramp is not 30-60 s");
            check(e.endS() <= s.durationS() - 60, e.id() + " ends too late");
            check(e.edaRiseUs() >= 1.5 && e.edaRiseUs() <= 3.0, e.id() + " EDA rise");
            check(e.hrRiseBpm() >= 12 && e.hrRiseBpm() <= 20, e.id() + " HR rise");
            if (e.fidget() != null) {
                check(e.fidgetHz() >= 3 && e.fidgetHz() <= 5, e.id() + " fidget frequency");
                check(
                        e.fidget().startS() >= e.startS() && e.fidget().endS() <= e.endS(),
                        e.id() + " fidget outside the episode");
            }
        }
        for (WearerPlan w : s.wearers()) {
            for (Interval c : w.contactLoss()) {
                check(!c.near(SessionPlan.CALIBRATION, 60), "contact loss in the baseline");
                for (EpisodePlan e : s.episodes()) {
                    check(!c.near(e.interval(), 60), "contact loss near " + e.id());
                }
            }
            check(w.leadS() >= 30 && w.leadS() <= 90, "lead must be 30-90 s");
        }
        for (CodedEvent c : s.events()) {
            check(
                    s.annotationFiles().stream().anyMatch(a -> a.name().equals(c.file())),
                    "event in an undeclared file " + c.file());
        }
        for (EpisodePlan e : s.episodes()) {
            ResponseRules.onsetResponse(s, e); // fails when the outcome depends on detector lag
        }
        RuptureRules.episodes(s); // fails on a marker gap the rules leave open
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalStateException("cohort plan: " + message);
        }
    }
}
