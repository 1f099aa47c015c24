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
 * The planned sessions S1-S4 of the standard cohort (therapist T01, clients C-0001 and C-0002):
 * every planted time and magnitude of each session. {@link CohortPlan#standard} puts them in
 * order with {@link T02Sessions} and checks them against the cohort's rules.
 */
final class T01Sessions {
    private T01Sessions() {}

    /** S1-S4, in session order. */
    static List<SessionPlan> all() {
        return List.of(session1(), session2(), session3(), session4());
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
}
