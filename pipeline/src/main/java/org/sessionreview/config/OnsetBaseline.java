package org.sessionreview.config;

/**
 * What an episode onset fit takes a channel's level before the onset to be ({@code
 * scoring.episode.onset_baseline}; see {@code EpisodeOnsets}).
 *
 * <ul>
 *   <li>{@link #LINE}: a straight line with independent noise around it, over the whole
 *       look-back (the rule before 2026-12-06).
 *   <li>{@link #LINE_OR_WANDER}: per channel and candidate onset, whichever explains the window
 *       series with the smaller residual variance: that line, or a level that wanders as a
 *       random walk with drift (the same rise fitted to the increments between consecutive
 *       windows). A resting level that wanders over minutes (tonic EDA, heart rate) is then not
 *       read as the start of the rise (the default before 2026-12-06 evening).
 *   <li>{@link #LINE_OR_WALK} (default): as {@link #LINE_OR_WANDER}, the walk without a drift:
 *       a persistent trend is the line's (its slope), a wander the walk's (increments of mean
 *       zero). With a drift, the walk's drift came from the look-back's increments, which a
 *       wander's last excursion dominates, and the rise was bent early to undo it.
 * </ul>
 */
public enum OnsetBaseline {
    LINE,
    LINE_OR_WANDER,
    LINE_OR_WALK
}
