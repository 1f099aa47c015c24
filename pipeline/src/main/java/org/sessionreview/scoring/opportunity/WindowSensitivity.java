package org.sessionreview.scoring.opportunity;

import java.io.Serializable;

/**
 * The missed-opportunity count of a session at one post-trigger response window (DOMAIN.md
 * section 5: "report the sensitivity of the count at 5/10/20/30 s windows"), for research
 * outputs; see {@link MissedOpportunities#sensitivity}.
 *
 * @param windowS the post-trigger window, seconds: coded cues use [t, t + windowS], episode
 *     onsets [onset - lookback, onset + windowS]; coded turns are not used
 * @param opportunities voiced opportunities evaluated (answered or not): coded cues and episode
 *     onsets with a coded cue, the population of {@code missed_opportunities}
 * @param missedOpportunities of those, missed ({@code missed_opportunity})
 * @param physiologyOnly physiology-only opportunities evaluated (episode onsets without a coded
 *     cue, answered or not)
 * @param unvoicedArousal of those, missed ({@code unvoiced_arousal})
 */
public record WindowSensitivity(
        double windowS, int opportunities, int missedOpportunities, int physiologyOnly, int unvoicedArousal)
        implements Serializable {}
