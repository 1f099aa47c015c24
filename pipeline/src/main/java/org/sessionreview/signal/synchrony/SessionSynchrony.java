package org.sessionreview.signal.synchrony;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A session's synchrony summary for one signal (DOMAIN.md 4.3 B and D, report section 6): the
 * SUSY effect size with its lag profiles, the surrogate percentile from segment shuffling, the
 * leader/follower share from the windows, and every parameter that produced them. Values are NaN
 * when {@link #status()} is not {@code ok}.
 *
 * <p>Wording: a percentile above {@link #significancePercentile()} means the real coupling is
 * stronger than in pseudo-sessions built from the same dyad's shuffled segments. It does not say
 * who caused it, and its changes are not rupture markers (Deres-Cohen et al. 2021; see {@link
 * SynchronyDrop}).
 *
 * @param status {@code ok}, or {@code too_few_segments} when fewer than {@code minSegments}
 *     segments are usable
 * @param es SUSY ES, (zReal - zPseudo) / zPseudoSd ({@link SusyIndex}); not a z-score: its
 *     denominator is the spread over lags, so under independence it scatters by several units
 * @param esClientLeads SUSY ES over lags where the client leads (k &gt; 0)
 * @param esTherapistLeads SUSY ES over lags where the therapist leads (k &lt; 0)
 * @param zReal mean over lags of Zreal (mean |z| over segments)
 * @param zPseudo mean over lags of Zpseudo (mean |z| over surrogate pairings)
 * @param zPseudoSd SD over lags of Zpseudo
 * @param shareOfLagsAbovePseudo share (0..1) of lags with Zreal &gt; Zpseudo
 * @param surrogatePairs pairings averaged into Zpseudo
 * @param percentile 0..100: the real session value within the segment-shuffle distribution
 * @param aboveChance percentile &gt; significancePercentile
 * @param significancePercentile the threshold used (default 95)
 * @param surrogateMean mean of the shuffled session values
 * @param surrogateSd SD of the shuffled session values
 * @param surrogateEs (real session value - surrogateMean) / surrogateSd
 * @param shuffles pseudo-sessions drawn
 * @param clientLeadsShare among analysed windows with a leader, the share led by the client
 *     (0..1; NaN without such windows)
 * @param windowsUsed analysed windows
 * @param windowsWithLeader analysed windows whose leader is the client or the therapist
 * @param segmentsUsed usable segments
 * @param segmentsTotal full segments in the session
 * @param parameters method description, rate and every {@code synchrony.*} option
 */
public record SessionSynchrony(
        String status,
        double es,
        double esClientLeads,
        double esTherapistLeads,
        double zReal,
        double zPseudo,
        double zPseudoSd,
        double shareOfLagsAbovePseudo,
        int surrogatePairs,
        double percentile,
        boolean aboveChance,
        double significancePercentile,
        double surrogateMean,
        double surrogateSd,
        double surrogateEs,
        int shuffles,
        double clientLeadsShare,
        int windowsUsed,
        int windowsWithLeader,
        int segmentsUsed,
        int segmentsTotal,
        Map<String, String> parameters) {

    /** Status of a computed index. */
    public static final String OK = "ok";

    /** Status when fewer than {@code minSegments} segments are usable. */
    public static final String TOO_FEW_SEGMENTS = "too_few_segments";

    /** Copies the parameters into an unmodifiable map that keeps their order. */
    public SessionSynchrony {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }
}
