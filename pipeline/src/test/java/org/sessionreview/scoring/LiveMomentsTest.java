package org.sessionreview.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.sessionreview.config.RuptureConfig;
import org.sessionreview.config.ScoringConfig;
import org.sessionreview.config.SynchronyConfig;
import org.sessionreview.model.Annotation;
import org.sessionreview.model.SessionInfo;
import org.sessionreview.model.WindowFeatures;
import org.sessionreview.report.LiveMomentRow;
import org.sessionreview.report.MomentRow;
import org.sessionreview.scoring.SyntheticSession.Plant;

class LiveMomentsTest {
    private static final double SETTLE_S = 90;

    private static MomentRow moment(String kind, String role, double startS, double endS) {
        MomentRow m = new MomentRow();
        m.sessionId = "S1";
        m.kind = kind;
        m.role = role;
        m.startS = startS;
        m.endS = endS;
        m.startMillis = 1_700_000_000_000L + Math.round(startS * 1000);
        m.severity = endS - startS; // distinct per moment, so copies can be told apart
        m.evidence = kind + " at " + startS;
        return m;
    }

    private static String ids(List<LiveMomentRow> rows) {
        return rows.stream()
                .map(r -> r.phase + ":" + r.kind + "/" + r.role + "@" + r.startS)
                .collect(Collectors.joining(", "));
    }

    @Test
    void shouldSendExactlyTheMomentsWhoseEndPlusSettleReachesTheHorizonWhenNoneWasSent() {
        double horizon = 400;
        List<MomentRow> found = List.of(
                moment("anxiety_episode", "client", 100, 250), // 250 + 90 = 340 <= 400
                moment("rupture", "client", 200, 310), // 310 + 90 = 400: on the boundary, settled
                moment("safety", "client", 300, 311), // 401 > 400
                moment("missed_opportunity", "therapist", 380, 390)); // 480 > 400
        List<LiveMomentRow> sent = LiveMoments.settled(found, horizon, SETTLE_S, Set.of());
        assertEquals("live:anxiety_episode/client@100.0, live:rupture/client@200.0", ids(sent));
        for (LiveMomentRow r : sent) {
            assertEquals(horizon, r.knownAtS);
            assertTrue(r.knownAtS >= r.endS + SETTLE_S);
        }
        MomentRow first = found.get(0);
        LiveMomentRow r = sent.get(0);
        assertEquals(first.sessionId, r.sessionId);
        assertEquals(first.endS, r.endS);
        assertEquals(first.startMillis, r.startMillis);
        assertEquals(first.severity, r.severity);
        assertEquals(first.evidence, r.evidence);
        assertEquals(LiveMomentRow.LIVE, r.phase);
    }

    @Test
    void shouldSkipSentIdentitiesAndTellKindRoleAndStartApartWhenMomentsWereSentBefore() {
        MomentRow sentBefore = moment("rupture", "client", 100, 150);
        MomentRow extended = moment("rupture", "client", 100, 200); // same identity, end moved
        List<MomentRow> found = List.of(
                extended,
                moment("unaddressed_rupture", "client", 100, 150), // other kind
                moment("rupture", "therapist", 100, 150), // other role
                moment("rupture", "client", Math.nextUp(100.0), 150)); // start differs in the last bit
        List<LiveMomentRow> sent = LiveMoments.settled(found, 1000, SETTLE_S, Set.of(LiveMoments.Key.of(sentBefore)));
        assertEquals(
                "live:rupture/therapist@100.0, live:unaddressed_rupture/client@100.0, " + "live:rupture/client@"
                        + Math.nextUp(100.0),
                ids(sent));
    }

    @Test
    void shouldOrderByStartThenKindThenRoleWhateverTheInputOrder() {
        List<MomentRow> found = new ArrayList<>(List.of(
                moment("safety", "client", 50, 60),
                moment("anxiety_episode", "therapist", 50, 70),
                moment("anxiety_episode", "client", 50, 80),
                moment("anxiety_episode", "client", 10, 90)));
        String expected = "live:anxiety_episode/client@10.0, live:anxiety_episode/client@50.0, "
                + "live:anxiety_episode/therapist@50.0, live:safety/client@50.0";
        assertEquals(expected, ids(LiveMoments.settled(found, 1000, SETTLE_S, Set.of())));
        java.util.Collections.reverse(found);
        assertEquals(expected, ids(LiveMoments.settled(found, 1000, SETTLE_S, Set.of())));
    }

    @Test
    void shouldSendOneRecordWhenAListRepeatsAnIdentity() {
        List<MomentRow> found = List.of(moment("safety", "client", 50, 70), moment("safety", "client", 50, 60));
        List<LiveMomentRow> sent = LiveMoments.settled(found, 1000, SETTLE_S, Set.of());
        assertEquals(1, sent.size());
        assertEquals(60, sent.get(0).endS, "the first in ORDER (earlier end) is the one sent");
    }

    @Test
    void shouldAddUnsentFinalMomentsAndWithdrawUnconfirmedOnesWhenTheSessionEnds() {
        double end = 1500;
        MomentRow confirmed = moment("anxiety_episode", "client", 100, 200);
        MomentRow gone = moment("unaddressed_rupture", "client", 700, 745);
        List<LiveMomentRow> sent = List.of(
                LiveMomentRow.of(confirmed, LiveMomentRow.LIVE, 300), LiveMomentRow.of(gone, LiveMomentRow.LIVE, 840));
        MomentRow confirmedLater = moment("anxiety_episode", "client", 100, 260); // end moved: same identity
        MomentRow repaired = moment("rupture", "client", 700, 900);
        MomentRow late = moment("safety", "client", 1400, 1410);
        List<LiveMomentRow> diff = LiveMoments.finalDiff(List.of(late, repaired, confirmedLater), sent, end);
        assertEquals(
                "final:rupture/client@700.0, withdrawn:unaddressed_rupture/client@700.0, final:safety/client@1400.0",
                ids(diff));
        diff.forEach(r -> assertEquals(end, r.knownAtS));
        LiveMomentRow withdrawn = diff.get(1);
        assertEquals(gone.endS, withdrawn.endS, "withdrawn with the values it was sent with");
        assertEquals(gone.severity, withdrawn.severity);
        assertEquals(gone.evidence, withdrawn.evidence);
        assertEquals(repaired.endS, diff.get(0).endS);
        assertEquals(repaired.evidence, diff.get(0).evidence);
    }

    @Test
    void shouldAddNothingWhenEverythingWasSentAndConfirmed() {
        MomentRow m = moment("safety", "client", 100, 110);
        assertEquals(
                List.of(),
                LiveMoments.finalDiff(List.of(m), List.of(LiveMomentRow.of(m, LiveMomentRow.LIVE, 200)), 1200));
    }

    @Test
    void shouldRejectASentListThatRepeatsAnIdentity() {
        MomentRow m = moment("safety", "client", 100, 110);
        LiveMomentRow r = LiveMomentRow.of(m, LiveMomentRow.LIVE, 200);
        assertThrows(IllegalArgumentException.class, () -> LiveMoments.finalDiff(List.of(), List.of(r, r), 1200));
    }

    @Test
    void shouldFindThePlantedEpisodeWithoutModifyingItsInputsWhenScoringProvisionally() {
        String id = "S1";
        double duration = 1800;
        List<WindowFeatures> all =
                new ArrayList<>(SyntheticSession.windows(id, "client", duration, 11, new Plant(900, 1080, 1.0)));
        all.addAll(SyntheticSession.windows(id, "therapist", duration, 12));
        double horizon = 1350;
        List<WindowFeatures> sofar = all.stream().filter(w -> w.endS <= horizon).toList();
        SessionInfo info = SyntheticSession.info(id);
        info.provisional = true;
        info.annotationCount = 0;
        List<Annotation> annotations = List.of(SyntheticSession.annotation(id, "ANX_STR_SIGH", "client", 915, null));

        List<MomentRow> found = LiveMoments.provisional(
                new SessionReviewer(),
                info,
                sofar,
                annotations,
                horizon,
                ScoringConfig.defaults(),
                RuptureConfig.defaults(),
                SynchronyConfig.defaults());

        List<MomentRow> episodes =
                found.stream().filter(m -> m.kind.equals("anxiety_episode")).toList();
        assertEquals(1, episodes.size(), found.toString());
        assertTrue(Math.abs(episodes.get(0).startS - 900) <= 30, "start " + episodes.get(0).startS);
        assertEquals(1800, info.durationS, "the caller's info is not modified");
        assertEquals(0, info.annotationCount);
        assertTrue(
                sofar.stream().allMatch(w -> w.anxietyIndex == null && w.zScl == null), "windows not scored in place");
        assertNull(sofar.get(0).zHr);
    }

    @Test
    void shouldEndALiveEpisodeAtTheDeclaredVideoEndWhenTheDataRunOnPastIt() {
        // found by the live audit: a band recording 220 s past the video gave a live episode ending
        // after the video, where the final review cuts it at the video's end
        String id = "S1";
        List<WindowFeatures> all =
                new ArrayList<>(SyntheticSession.windows(id, "client", 1800, 11, new Plant(1000, 1500, 1.0)));
        all.addAll(SyntheticSession.windows(id, "therapist", 1800, 12));
        SessionInfo info = SyntheticSession.info(id);
        info.provisional = true;
        info.durationS = 1200;
        info.durationDeclared = true;
        List<MomentRow> found = LiveMoments.provisional(
                new SessionReviewer(),
                info,
                all,
                List.of(),
                1800,
                ScoringConfig.defaults(),
                RuptureConfig.defaults(),
                SynchronyConfig.defaults());
        List<MomentRow> episodes =
                found.stream().filter(m -> m.kind.equals("anxiety_episode")).toList();
        assertEquals(1, episodes.size(), found.toString());
        assertEquals(1200, episodes.get(0).endS, 1e-9, "cut at the declared video end");
        info.durationDeclared = false; // no declared length: the data so far are the session
        List<MomentRow> undeclared = LiveMoments.provisional(
                new SessionReviewer(),
                info,
                all,
                List.of(),
                1800,
                ScoringConfig.defaults(),
                RuptureConfig.defaults(),
                SynchronyConfig.defaults());
        List<MomentRow> undeclaredEpisodes = undeclared.stream()
                .filter(m -> m.kind.equals("anxiety_episode"))
                .toList();
        assertEquals(1, undeclaredEpisodes.size(), undeclared.toString());
        assertTrue(undeclaredEpisodes.get(0).endS > 1200, undeclared.toString());
    }

    @Test
    void shouldHoldBackARuptureMomentUntilItsEpisodeHasClosed() {
        String id = "S1";
        SessionInfo info = SyntheticSession.info(id);
        info.provisional = true;
        List<WindowFeatures> none = List.of();
        // a confrontation marker at 12:25 (745 s); its repair window and quiet period run to 1045 s
        List<Annotation> marker =
                List.of(SyntheticSession.annotation(id, "RUP_C_COMPLAINT_THERAPIST", "client", 745, null));
        List<MomentRow> at840 = LiveMoments.provisional(
                new SessionReviewer(),
                info,
                none,
                marker,
                840,
                ScoringConfig.defaults(),
                RuptureConfig.defaults(),
                SynchronyConfig.defaults());
        // before: sent as an unaddressed rupture at 14:00, though a repair could still come until 17:25
        assertTrue(at840.stream().noneMatch(m -> m.kind.contains("rupture")), at840.toString());
        List<MomentRow> at1100 = LiveMoments.provisional(
                new SessionReviewer(),
                info,
                none,
                marker,
                1100,
                ScoringConfig.defaults(),
                RuptureConfig.defaults(),
                SynchronyConfig.defaults());
        assertEquals(
                List.of("unaddressed_rupture"),
                at1100.stream()
                        .map(m -> m.kind)
                        .filter(k -> k.contains("rupture"))
                        .toList(),
                "closed by its quiet period at 1045 s: the outcome is known");
    }
}
