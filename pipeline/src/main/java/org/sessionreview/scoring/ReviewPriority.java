package org.sessionreview.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import org.sessionreview.config.ScoringConfig;

/**
 * Flag, priority and flag reasons of a session from the client's anxiety episodes.
 *
 * <p><b>Flag.</b> A session is flagged when the client has at least one anxiety episode. A calm
 * session with nothing to review is not flagged and has priority 0.
 *
 * <p><b>Priority</b> (anxiety burden; higher = review first):
 *
 * <pre>
 *   priority = sum over client episodes e of (watchable minutes_e x peakIndex_e)
 *              + priorityPerEpisode [0.5] x number of client episodes
 * </pre>
 *
 * where an episode's watchable minutes are its time inside the video ({@link
 * AnxietyEpisode#watchableS()}). Every term is positive (an episode's peak index is at least the enter threshold), so adding
 * an episode, lengthening one or raising its peak raises the priority. Order of review, as
 * planned: SAFE events, then unaddressed ruptures, then missed opportunities, then this anxiety
 * burden; later issues add those as higher-ranking terms, so this term only orders sessions
 * within the same higher-ranking tier.
 *
 * <p><b>Reasons</b> (short, readable; candidates for review, never diagnoses), in this order:
 * {@code 2 candidate client anxiety episodes (5.5 min, peak index 3.4)}; {@code 1 without a
 * coded anxiety cue (unvoiced arousal)}; and, without flagging on its own, {@code client data
 * quality 42 % (EDA 3 %, skin temperature 0 %): review sensor placement} when the client's data
 * quality is below {@link ScoringConfig#lowDataQuality()}, naming the channel groups below it too
 * (the artifacts and rejects tables say why), or {@code no client sensor data: nothing scored}.
 * A group below it of which no file was read at all (missing, or rejected as a whole: a damaged
 * file, not the sensor's placement) is named as such, {@code ...: no EDA or heart beats data read
 * (a file missing or rejected: see the rejects table)}; "review sensor placement" follows only
 * for groups that were read and are poor.
 */
public final class ReviewPriority {
    private ReviewPriority() {}

    /** The anxiety-burden priority of the client's episodes; 0 without episodes. */
    public static double priority(List<AnxietyEpisode> clientEpisodes, ScoringConfig cfg) {
        double p = 0;
        for (AnxietyEpisode e : clientEpisodes) {
            p += e.watchableS() / 60.0 * e.peakIndex() + cfg.priorityPerEpisode();
        }
        return p;
    }

    /**
     * Flag reasons, in the order of the class comment.
     *
     * @param clientEpisodes the client's episodes
     * @param withoutCue how many of them have no coded ANX cue inside
     * @param clientWindows number of client windows (0 = the client wore no sensor)
     * @param clientDataQuality the client's {@link DataQuality}
     * @param clientGroups the client's {@link DataQuality#byGroup}
     * @param missingGroups the client's groups of which no file was read ({@link ChannelGroup#missing})
     */
    public static List<String> reasons(
            List<AnxietyEpisode> clientEpisodes,
            int withoutCue,
            int clientWindows,
            double clientDataQuality,
            Map<ChannelGroup, Double> clientGroups,
            Set<ChannelGroup> missingGroups,
            ScoringConfig cfg) {
        List<String> reasons = new ArrayList<>();
        int n = clientEpisodes.size();
        if (n > 0) {
            double minutes = 0;
            double peak = Double.NEGATIVE_INFINITY;
            for (AnxietyEpisode e : clientEpisodes) {
                minutes += e.watchableS() / 60.0;
                peak = Math.max(peak, e.peakIndex());
            }
            reasons.add(n + " candidate client anxiety episode" + (n == 1 ? "" : "s") + " ("
                    + TimeText.oneDecimal(minutes) + " min, peak index "
                    + TimeText.oneDecimal(peak) + ")");
        }
        if (withoutCue > 0) {
            reasons.add(withoutCue + " without a coded anxiety cue (unvoiced arousal)");
        }
        if (clientWindows == 0) {
            reasons.add("no client sensor data: nothing scored");
        } else if (clientDataQuality < cfg.lowDataQuality()) {
            StringJoiner low = new StringJoiner(", ", " (", ")").setEmptyValue("");
            List<String> notRead = new ArrayList<>();
            boolean poor = false;
            for (Map.Entry<ChannelGroup, Double> g : clientGroups.entrySet()) {
                if (g.getValue() < cfg.lowDataQuality()) {
                    low.add(g.getKey().label() + " " + percent(g.getValue()));
                    if (missingGroups.contains(g.getKey())) {
                        notRead.add(g.getKey().label());
                    } else {
                        poor = true;
                    }
                }
            }
            List<String> advice = new ArrayList<>();
            if (!notRead.isEmpty()) {
                advice.add("no " + orList(notRead) + " data read (a file missing or rejected: see the rejects table)");
            }
            if (poor || notRead.isEmpty()) {
                advice.add("review sensor placement");
            }
            reasons.add("client data quality " + percent(clientDataQuality) + low + ": " + String.join("; ", advice));
        }
        return reasons;
    }

    /** {@code a}, {@code a or b}, {@code a, b or c}. */
    private static String orList(List<String> items) {
        int n = items.size();
        return n == 1 ? items.get(0) : String.join(", ", items.subList(0, n - 1)) + " or " + items.get(n - 1);
    }

    /**
     * A share 0..1 as whole per cent, rounded down (so a share just under a threshold never reads
     * as the threshold) after a nudge of 1e-9 (so a mean of 0.3s that sums to 0.29999... reads 30).
     */
    private static String percent(double share) {
        return String.format(Locale.ROOT, "%d %%", (long) Math.floor(share * 100 + 1e-9));
    }
}
