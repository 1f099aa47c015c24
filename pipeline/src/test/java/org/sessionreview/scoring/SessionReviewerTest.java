package org.sessionreview.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sessionreview.scoring.SyntheticSession.annotation;
import static org.sessionreview.scoring.SyntheticSession.windows;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.sessionreview.config.ScoringConfig;
import org.sessionreview.config.ScoringOptions;
import org.sessionreview.model.Annotation;
import org.sessionreview.model.Role;
import org.sessionreview.model.SessionInfo;
import org.sessionreview.model.WindowFeatures;
import org.sessionreview.report.MomentRow;
import org.sessionreview.report.SessionRow;
import org.sessionreview.scoring.SyntheticSession.Plant;

class SessionReviewerTest {
    private static final ScoringConfig CFG = ScoringConfig.defaults();
    private static final double DURATION_S = 1800;
    private static final double ONSET_S = 900;
    private static final double OFFSET_S = 1080;

    private final SessionReviewer reviewer = new SessionReviewer();

    /** Client with a planted 3-min elevation at 15:00, calm therapist. */
    private static List<WindowFeatures> plantedSession(String id) {
        List<WindowFeatures> ws =
                new ArrayList<>(windows(id, "client", DURATION_S, 11, new Plant(ONSET_S, OFFSET_S, 1.0)));
        ws.addAll(windows(id, "therapist", DURATION_S, 12));
        return ws;
    }

    private static List<Annotation> cues(String id) {
        return List.of(
                annotation(id, "ANX_STR_SIGH", "client", 915, null),
                annotation(id, "ANX_STR_FIDGET", "client", 880, 884.0), // in the 30-s look-back
                annotation(id, "ANX_SMO", "client", 1500, null), // far after
                annotation(id, "RUP_W_MINIMAL", "client", 950, 960.0)); // not an ANX cue
    }

    /** A coded video without anything to flag: one therapist validation. */
    private static List<Annotation> coded(String id) {
        return List.of(annotation(id, "INT_VALIDATION", "therapist", 300, null));
    }

    @Test
    void shouldSayTheVideoWasNotCodedAndCallNoEpisodeUnvoicedWithoutACoding() {
        SessionReview r = reviewer.review(SyntheticSession.info("S1"), plantedSession("S1"), List.of(), CFG);
        SessionRow row = r.sessionRow();
        assertEquals(1, row.anxietyEpisodes);
        assertTrue(row.flagged, "the physiology is still reviewed");
        assertTrue(
                row.flagReasons.contains("no coded events (video not coded, or every coded event rejected: see the"
                        + " rejects table): ruptures, responses and missed opportunities not judged"),
                row.flagReasons.toString());
        assertTrue(row.flagReasons.stream().noneMatch(t -> t.contains("unvoiced")), row.flagReasons.toString());
        assertTrue(r.moments().get(0).evidence.endsWith("video not coded (no cue or response to compare)"));
        CodedEventsStep.apply(
                SyntheticSession.info("S1"),
                r,
                List.of(),
                new DyadSynchrony.Result(List.of(), List.of(), null),
                row,
                org.sessionreview.config.RuptureConfig.defaults(),
                org.sessionreview.config.SynchronyConfig.defaults());
        assertNull(row.missedOpportunities, "not coded: unknown, not none");
        assertNull(row.segmentsWithWithdrawalShare);
        assertNull(row.missedOpportunitySensitivity);
        SessionRow withCoding = reviewer.review(SyntheticSession.info("S1"), plantedSession("S1"), coded("S1"), CFG)
                .sessionRow();
        assertTrue(withCoding.flagReasons.contains("1 without a coded anxiety cue (unvoiced arousal)"));
        assertTrue(withCoding.flagReasons.stream().noneMatch(t -> t.contains("not coded")));
    }

    @Test
    void shouldFindThePlantedEpisodeNearItsOnsetWhenTheClientIsAroused() {
        SessionReview r = reviewer.review(SyntheticSession.info("S1"), plantedSession("S1"), cues("S1"), CFG);

        List<AnxietyEpisode> client = r.episodes(Role.CLIENT);
        assertEquals(1, client.size(), client.toString());
        AnxietyEpisode e = client.get(0);
        assertTrue(Math.abs(e.startS() - ONSET_S) <= 30, "start " + e.startS());
        assertTrue(Math.abs(e.endS() - OFFSET_S) <= 30, "end " + e.endS());
        assertTrue(r.episodes(Role.THERAPIST).isEmpty());

        assertEquals(1, r.moments().size());
        MomentRow m = r.moments().get(0);
        assertEquals("S1", m.sessionId);
        assertEquals("anxiety_episode", m.kind);
        assertEquals("client", m.role);
        assertEquals(e.startS(), m.startS);
        assertEquals(e.endS(), m.endS);
        assertEquals(SyntheticSession.MEDIA_START_MILLIS + Math.round(e.startS() * 1000), m.startMillis);
        assertEquals(e.peakIndex(), m.severity);
    }

    @Test
    void shouldLeaveTheClientBurdenUnknownWithoutClientDataAndZeroWithCalmData() {
        SessionRow therapistOnly = reviewer.review(
                        SyntheticSession.info("S1"), windows("S1", "therapist", DURATION_S, 12), List.of(), CFG)
                .sessionRow();
        assertNull(therapistOnly.anxietyEpisodes, "no client wristband: unknown, not none");
        assertNull(therapistOnly.anxietyTimeS);
        List<WindowFeatures> unworn = new ArrayList<>(windows("S1", "client", DURATION_S, 11));
        unworn.forEach(w -> {
            w.edaQuality = 0;
            w.cardiacQuality = 0;
            w.accQuality = 0;
            w.tempQuality = 0;
        });
        assertNull(reviewer.review(SyntheticSession.info("S1"), unworn, List.of(), CFG)
                .sessionRow()
                .anxietyEpisodes);
        SessionRow calm = reviewer.review(
                        SyntheticSession.info("S1"), windows("S1", "client", DURATION_S, 11), List.of(), CFG)
                .sessionRow();
        assertEquals(0, calm.anxietyEpisodes);
        assertEquals(0.0, calm.anxietyTimeS);
    }

    @Test
    void shouldNameTheRisingChannelsAndTheCuesInsideWhenWritingEvidence() {
        SessionReview r = reviewer.review(SyntheticSession.info("S1"), plantedSession("S1"), cues("S1"), CFG);
        AnxietyEpisode e = r.episodes(Role.CLIENT).get(0);
        String evidence = r.moments().get(0).evidence;

        // the planted shift moves SCL, SCR rate, HR up and RMSSD down; fidget and temp stay flat
        List<Feature> rising = List.of(Feature.SCL, Feature.SCR_RATE, Feature.HR, Feature.RMSSD).stream()
                .sorted((a, b) -> Double.compare(
                        b.sign() * e.peakZ().get(b), a.sign() * e.peakZ().get(a)))
                .collect(Collectors.toList());
        String channels = rising.stream()
                .map(f -> f.label() + " z "
                        + String.format(Locale.ROOT, "%.1f", e.peakZ().get(f)))
                .collect(Collectors.joining(", "));
        String others = List.of(Feature.FIDGET, Feature.TEMP_SLOPE).stream()
                .map(f -> f.label() + " z "
                        + String.format(Locale.ROOT, "%.1f", e.peakZ().get(f)))
                .collect(Collectors.joining(", "));
        assertEquals(
                "client arousal: " + channels + " (other channels' peak: " + others + ")"
                        + "; coded cues inside: ANX_STR_FIDGET at 14:40, ANX_STR_SIGH at 15:15",
                evidence);
        assertTrue(e.peakZ().get(Feature.RMSSD) <= -1.0);
        String risingPart = evidence.substring(0, evidence.indexOf(" (other channels' peak"));
        assertFalse(risingPart.contains("fidget z"), "fidget stayed flat: not a rising channel");
        assertFalse(risingPart.contains("skin temp"), "temperature stayed flat: not a rising channel");
    }

    @Test
    void shouldFillTheSessionRowFromTheClientEpisodesWhenFlagged() {
        SessionInfo info = SyntheticSession.info("S1");
        SessionReview r = reviewer.review(info, plantedSession("S1"), cues("S1"), CFG);
        AnxietyEpisode e = r.episodes(Role.CLIENT).get(0);
        SessionRow row = r.sessionRow();

        assertEquals("S1", row.sessionId);
        assertEquals("T07", row.therapistId);
        assertEquals("c0ffee", row.clientKey);
        assertEquals(4, row.sessionNumber);
        assertEquals("2024-05-01", row.sessionDate);
        assertEquals(SyntheticSession.MEDIA_START_MILLIS, row.mediaStartMillis);
        assertEquals(1800.0, row.durationS);
        assertTrue(row.consentSupervision);
        assertFalse(row.consentResearch);
        assertEquals(4, row.annotationCount);
        assertEquals(1, row.anxietyEpisodes);
        assertEquals(e.durationS(), row.anxietyTimeS, 1e-9);
        assertEquals(e.peakIndex(), row.peakAnxietyIndex, 1e-12);
        assertTrue(row.flagged);
        assertEquals(e.durationS() / 60 * e.peakIndex() + 0.5, row.priority, 1e-9);
        assertEquals(
                List.of(String.format(
                        Locale.ROOT,
                        "1 candidate client anxiety episode (%.1f min, peak index %.1f)",
                        e.durationS() / 60,
                        e.peakIndex())),
                row.flagReasons);
        assertEquals(1.0, row.dataQualityClient, 1e-12);
        assertEquals(1.0, row.dataQualityTherapist, 1e-12);
        assertEquals("client: calibration 120-360 s; therapist: calibration 120-360 s", row.baselineSource);
    }

    @Test
    void shouldNotFlagACalmSessionWhenNothingIsElevated() {
        List<WindowFeatures> ws = new ArrayList<>(windows("S2", "client", DURATION_S, 21));
        ws.addAll(windows("S2", "therapist", DURATION_S, 22));
        SessionReview r = reviewer.review(SyntheticSession.info("S2"), ws, coded("S2"), CFG);
        SessionRow row = r.sessionRow();

        assertFalse(row.flagged);
        assertEquals(0.0, row.priority);
        assertEquals(0, row.anxietyEpisodes);
        assertEquals(0.0, row.anxietyTimeS);
        assertTrue(row.flagReasons.isEmpty(), row.flagReasons.toString());
        assertTrue(r.moments().isEmpty());
        assertTrue(row.peakAnxietyIndex < CFG.enterThreshold(), "" + row.peakAnxietyIndex);
    }

    @Test
    void shouldRankSessionsByAnxietyBurdenWhenEpisodesAreMoreOrStronger() {
        double one = priority("A", new Plant(900, 1020, 1.0));
        double two = priority("B", new Plant(600, 780, 1.0), new Plant(1200, 1380, 1.0));
        double stronger = priority("C", new Plant(900, 1020, 1.6));
        assertTrue(one > 0);
        assertTrue(two > one, two + " vs " + one);
        assertTrue(stronger > one, stronger + " vs " + one);
    }

    private double priority(String id, Plant... plants) {
        List<WindowFeatures> ws = windows(id, "client", DURATION_S, 31, plants);
        SessionReview r = reviewer.review(SyntheticSession.info(id), ws, List.of(), CFG);
        assertEquals(plants.length, r.sessionRow().anxietyEpisodes, id);
        return r.sessionRow().priority;
    }

    @Test
    void shouldCallTheEpisodeUnvoicedWhenNoCodedCueIsInside() {
        SessionReview r = reviewer.review(
                SyntheticSession.info("S1"),
                plantedSession("S1"),
                List.of(annotation("S1", "ANX_CPD", "client", 1600, null)),
                CFG);
        assertTrue(r.moments().get(0).evidence.endsWith("; no coded anxiety cue inside (unvoiced arousal)"));
        assertEquals(
                "1 without a coded anxiety cue (unvoiced arousal)",
                r.sessionRow().flagReasons.get(1));
    }

    @Test
    void shouldAddAQualityReasonWithoutFlaggingWhenClientDataQualityIsLow() {
        List<WindowFeatures> ws = windows("S3", "client", DURATION_S, 41);
        for (WindowFeatures w : ws) {
            w.edaQuality = 0.8;
            w.cardiacQuality = 0.2;
            w.accQuality = 0.4;
            w.tempQuality = 0.3;
        }
        SessionInfo info = SyntheticSession.info("S3");
        info.wearers.remove("therapist"); // no therapist band: no reason about it
        SessionReview r = reviewer.review(info, ws, coded("S3"), CFG);
        SessionRow row = r.sessionRow();
        assertEquals((0.8 + 0.2 + 0.4 + 0.3) / 4, row.dataQualityClient, 1e-12);
        assertEquals(
                List.of("client data quality 42 % (heart beats 20 %, movement 40 %, skin temperature 30 %):"
                        + " review sensor placement"),
                row.flagReasons);
        assertFalse(row.flagged);
        assertEquals(0.0, row.priority);
        assertEquals(0.0, row.dataQualityTherapist, "no therapist sensor");
        assertNull(r.scoredWindows().get(0).zHr, "cardiac quality 0.2 fails the 0.5 threshold");
    }

    @Test
    void shouldSayThereIsNoClientDataWhenOnlyTheTherapistWoreASensor() {
        List<WindowFeatures> ws = windows("S4", "therapist", DURATION_S, 51);
        ws.forEach(w -> {
            w.tempQuality = 0;
            w.tempSlopeCPerMin = null;
        });
        SessionReview r = reviewer.review(SyntheticSession.info("S4"), ws, coded("S4"), CFG);
        SessionRow row = r.sessionRow();
        assertEquals(List.of("no client sensor data: nothing scored"), row.flagReasons);
        assertEquals(0.0, row.dataQualityClient);
        assertEquals(0.75, row.dataQualityTherapist, 1e-12);
        assertNull(row.peakAnxietyIndex);
        assertEquals("therapist: calibration 120-360 s", row.baselineSource);
    }

    @Test
    void shouldReportTherapistEpisodesAsMomentsOnlyWhenConfigured() {
        List<WindowFeatures> ws = new ArrayList<>(windows("S5", "client", DURATION_S, 61));
        ws.addAll(windows("S5", "therapist", DURATION_S, 62, new Plant(1200, 1320, 1.2)));
        SessionReview r = reviewer.review(SyntheticSession.info("S5"), ws, List.of(), CFG);

        assertEquals(1, r.episodes(Role.THERAPIST).size());
        assertEquals(1, r.moments().size());
        assertEquals("therapist", r.moments().get(0).role);
        assertTrue(r.moments().get(0).evidence.startsWith("therapist arousal: "));
        assertFalse(r.sessionRow().flagged);
        assertEquals(0, r.sessionRow().anxietyEpisodes);
        assertEquals(0.0, r.sessionRow().priority);

        SessionReview quiet = reviewer.review(
                SyntheticSession.info("S5"),
                ws,
                List.of(),
                CFG.toBuilder().set(ScoringOptions.THERAPIST_MOMENTS, false).build());
        assertTrue(quiet.moments().isEmpty());
        assertEquals(1, quiet.episodes(Role.THERAPIST).size());
    }

    @Test
    void shouldGiveIdenticalOutputWhenInputsAreShuffled() throws Exception {
        List<WindowFeatures> ws = plantedSession("S1");
        List<Annotation> as = new ArrayList<>(cues("S1"));
        SessionReview a = reviewer.review(SyntheticSession.info("S1"), ws, as, CFG);
        Collections.shuffle(ws, new Random(3));
        Collections.shuffle(as, new Random(4));
        SessionReview b = reviewer.review(SyntheticSession.info("S1"), ws, as, CFG);

        assertEquals(fields(a.sessionRow()), fields(b.sessionRow()));
        assertEquals(a.moments().toString(), b.moments().toString());
        assertEquals(a.episodes(), b.episodes());
        assertEquals(a.scoredWindows().size(), b.scoredWindows().size());
        for (int i = 0; i < a.scoredWindows().size(); i++) {
            assertEquals(
                    fields(a.scoredWindows().get(i)), fields(b.scoredWindows().get(i)));
        }
    }

    @Test
    void shouldSortScoredCopiesByRoleThenStartWithoutTouchingTheInput() {
        List<WindowFeatures> ws = plantedSession("S1");
        Collections.reverse(ws);
        SessionReview r = reviewer.review(SyntheticSession.info("S1"), ws, List.of(), CFG);
        List<WindowFeatures> scored = r.scoredWindows();
        assertEquals(ws.size(), scored.size());
        for (int i = 1; i < scored.size(); i++) {
            WindowFeatures p = scored.get(i - 1);
            WindowFeatures q = scored.get(i);
            int byRole = Role.parse(p.role)
                    .orElseThrow()
                    .compareTo(Role.parse(q.role).orElseThrow());
            assertTrue(byRole < 0 || (byRole == 0 && p.startS < q.startS), "order at " + i);
        }
        assertEquals("client", scored.get(0).role);
        assertTrue(ws.stream().allMatch(w -> w.anxietyIndex == null));
        assertTrue(scored.stream().allMatch(w -> w.anxietyIndex != null));
    }

    @Test
    void shouldUseTheInjectedBaselineWhenAProviderIsGiven() {
        Baseline stored = BaselineEstimator.calibration(windows("OLD", "client", DURATION_S, 71), CFG);
        BaselineProvider provider = (info, role, own, annotations, cfg) -> role == Role.CLIENT
                ? Baseline.builder("stored client baseline (session 3)")
                        .put(Feature.HR, stored.get(Feature.HR).orElseThrow())
                        .build()
                : BaselineProvider.CALIBRATION.baselineFor(info, role, own, annotations, cfg);
        SessionReview r =
                new SessionReviewer(provider).review(SyntheticSession.info("S1"), plantedSession("S1"), List.of(), CFG);
        assertEquals(
                "client: stored client baseline (session 3); therapist: calibration" + " 120-360 s",
                r.sessionRow().baselineSource);
        WindowFeatures first = r.scoredWindows().get(0);
        assertNull(first.zScl);
        assertEquals(first.zHr, first.anxietyIndex, 1e-12); // HR is the only baseline feature
    }

    @Test
    void shouldRejectWindowsOfAnotherSessionWhenReviewing() {
        List<WindowFeatures> ws = plantedSession("S1");
        ws.get(5).sessionId = "S9";
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> reviewer.review(SyntheticSession.info("S1"), ws, List.of(), CFG));
        assertTrue(
                e.getMessage().startsWith("window of session S9 passed to the review of" + " session S1"),
                e.getMessage());
    }

    /** Public fields as text, for comparing rows that have no equals(). */
    private static String fields(Object o) throws IllegalAccessException {
        StringBuilder sb = new StringBuilder();
        for (Field f : o.getClass().getFields()) {
            sb.append(f.getName()).append('=').append(f.get(o)).append(';');
        }
        return sb.toString();
    }
}
