package org.sessionreview.scoring;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.sessionreview.model.Role;
import org.sessionreview.model.WindowFeatures;
import org.sessionreview.report.MomentRow;
import org.sessionreview.report.SessionRow;

/**
 * The result of {@link SessionReviewer#review}: everything the scoring layer says about one
 * session. Lists are unmodifiable and in a fixed order.
 */
public final class SessionReview {
    private final List<WindowFeatures> scoredWindows;
    private final Map<Role, Baseline> baselines;
    private final List<AnxietyEpisode> episodes;
    private final SessionRow sessionRow;
    private final List<MomentRow> moments;

    SessionReview(
            List<WindowFeatures> scoredWindows,
            Map<Role, Baseline> baselines,
            List<AnxietyEpisode> episodes,
            SessionRow sessionRow,
            List<MomentRow> moments) {
        this.scoredWindows = List.copyOf(scoredWindows);
        EnumMap<Role, Baseline> b = new EnumMap<>(Role.class);
        b.putAll(baselines);
        this.baselines = Collections.unmodifiableMap(b);
        this.episodes = List.copyOf(episodes);
        this.sessionRow = sessionRow;
        this.moments = List.copyOf(moments);
    }

    /** Copies of the input windows with z-scores and index filled, sorted by role then start. */
    public List<WindowFeatures> scoredWindows() {
        return scoredWindows;
    }

    /** The baseline used for each wearer that had windows. */
    public Map<Role, Baseline> baselines() {
        return baselines;
    }

    /** All episodes, client first, each role in time order. */
    public List<AnxietyEpisode> episodes() {
        return episodes;
    }

    /** The episodes of one wearer, in time order. */
    public List<AnxietyEpisode> episodes(Role role) {
        return episodes.stream().filter(e -> e.role() == role).toList();
    }

    public SessionRow sessionRow() {
        return sessionRow;
    }

    /** Moments to review, sorted by start, then role (client first), then end. */
    public List<MomentRow> moments() {
        return moments;
    }
}
