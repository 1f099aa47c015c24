package org.sessionreview.jobs.sampledata;

import static org.sessionreview.jobs.sampledata.PlanParts.CLIENT;
import static org.sessionreview.jobs.sampledata.PlanParts.THERAPIST;
import static org.sessionreview.jobs.sampledata.PlanParts.e4Folder;
import static org.sessionreview.jobs.sampledata.PlanParts.none;
import static org.sessionreview.jobs.sampledata.PlanParts.note;
import static org.sessionreview.jobs.sampledata.PlanParts.wearer;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The planned sessions S5-S8 of the standard cohort (therapist T02, client C-0003, whose anxiety
 * burden plateaus over these four sessions): every planted time and magnitude of each session.
 * {@link CohortPlan#standard} puts them in order after {@link T01Sessions} and checks them
 * against the cohort's rules.
 */
final class T02Sessions {
    private T02Sessions() {}

    /** S5-S8, in session order. */
    static List<SessionPlan> all() {
        return List.of(session5(), session6(), session7(), session8());
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
}
