package org.sessionreview.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.sessionreview.config.RuptureConfig;
import org.sessionreview.config.ScoringConfig;
import org.sessionreview.features.PlantedArousalWearer;
import org.sessionreview.features.PlantedArousalWearer.Drift;
import org.sessionreview.features.PlantedArousalWearer.Episode;
import org.sessionreview.model.Annotation;
import org.sessionreview.scoring.opportunity.MissedOpportunities;
import org.sessionreview.scoring.opportunity.Opportunity;

/**
 * The concordance rule and the onset-based response window through the whole chain (raw E4
 * signals, real windower, {@link SessionReviewer}, {@link MissedOpportunities}).
 */
class EpisodeConcordanceChainTest {
    private static final ScoringConfig CFG = ScoringConfig.defaults();
    /** A real episode: SCL, HR and SCR rate rising together, 60 s ramps, 3 minutes in all. */
    private static final Episode REAL = new Episode(1500, 60, 60, 0.4, 10, 2.5);

    private static final Drift[] DRIFTS = {
        new Drift(400, 400 + 30 * 60, 1.0, false),
        new Drift(400, 400 + 40 * 60, 3.0, false),
        new Drift(400, 400 + 50 * 60, 5.0, false),
        new Drift(400, 400 + 30 * 60, 2.0, true),
        new Drift(400, 400 + 50 * 60, 5.0, true),
    };

    @Test
    void shouldReportNoEpisodeWhenOnlyTheSkinConductanceLevelDrifts() {
        for (int i = 0; i < DRIFTS.length; i++) {
            PlantedArousalWearer w = new PlantedArousalWearer(DRIFTS[i].toS() + 300, 20 + i).drift(DRIFTS[i]);
            List<AnxietyEpisode> now = EpisodeOnsetChainTest.clientEpisodes(
                    w, OnsetRule.of(org.sessionreview.config.ScoringConfig.defaults()));
            List<AnxietyEpisode> old = EpisodeOnsetChainTest.clientEpisodes(w, EpisodeOnsetChainTest.CROSSING);
            System.out.printf(
                    Locale.ROOT,
                    "drift %s: %d episodes without the concordance rule (%.0f s), %d with it%n",
                    DRIFTS[i],
                    old.size(),
                    old.stream().mapToDouble(AnxietyEpisode::durationS).sum(),
                    now.size());
            assertEquals(List.of(), now, DRIFTS[i].toString());
        }
    }

    @Test
    void shouldStillFindARealEpisodeWithItsOnsetWhenItRidesOnADrift() {
        for (int i = 0; i < DRIFTS.length; i++) {
            PlantedArousalWearer w = new PlantedArousalWearer(DRIFTS[i].toS() + 300, 40 + i)
                    .drift(DRIFTS[i])
                    .episode(REAL);
            List<AnxietyEpisode> now = EpisodeOnsetChainTest.clientEpisodes(
                    w, OnsetRule.of(org.sessionreview.config.ScoringConfig.defaults()));
            double err = EpisodeOnsetChainTest.error(now, REAL);
            System.out.printf(
                    Locale.ROOT,
                    "drift %s + episode at %.0f s: %s, onset error %+.1f s%n",
                    DRIFTS[i],
                    REAL.onsetS(),
                    now,
                    err);
            assertEquals(1, now.size(), DRIFTS[i] + ": " + now);
            assertTrue(Math.abs(err) <= 15, DRIFTS[i] + ": onset error " + err);
            assertTrue(
                    now.get(0).endS() <= REAL.endS() + 120,
                    "the episode ends with the real one, not with the drift: " + now);
        }
    }

    @Test
    void shouldMeasureTheTherapistResponseFromTheDetectedOnsetWhenTheEpisodeIsPlantedInRawSignals() {
        Episode planted = new Episode(900, 60, 90, 0.4, 10, 2.5);
        List<AnxietyEpisode> eps = EpisodeOnsetChainTest.clientEpisodes(
                new PlantedArousalWearer(1800, 3).episode(planted),
                OnsetRule.of(org.sessionreview.config.ScoringConfig.defaults()));
        assertEquals(1, eps.size(), eps.toString());
        double onset = eps.get(0).startS();
        System.out.printf(Locale.ROOT, "planted onset %.0f s, detected %.1f s%n", planted.onsetS(), onset);
        assertTrue(onset >= planted.onsetS() && onset <= planted.onsetS() + 15, "detected onset " + onset);
        // responses after the planted onset: within 30 s answered, at 60 s missed
        for (double after : new double[] {5, 15, 30}) {
            assertFalse(
                    opportunity(eps, planted.onsetS() + after).missed(), "response " + after + " s after the onset");
        }
        assertTrue(opportunity(eps, planted.onsetS() + 60).missed(), "response 60 s after the onset");
        // DOMAIN.md 5: the window is [onset - 10 s, onset + 30 s] around the detected onset, edges included
        assertFalse(opportunity(eps, onset - 10).missed());
        assertFalse(opportunity(eps, onset + 30).missed());
        assertTrue(opportunity(eps, onset - 10.5).missed());
        assertTrue(opportunity(eps, onset + 30.5).missed());
    }

    private static Opportunity opportunity(List<AnxietyEpisode> eps, double responseS) {
        Annotation r = SyntheticSession.annotation("S1", "INT_EXPLORE_FEELING", "therapist", responseS, null);
        List<Opportunity> ops =
                MissedOpportunities.find(List.of(r), eps, DataRuns.throughout(), RuptureConfig.defaults());
        assertEquals(1, ops.size(), ops.toString());
        return ops.get(0);
    }
}
