package org.sessionreview.config;

/**
 * Which channels the concordance support of an episode ({@code Concordance}) leaves out because
 * the wearer's baseline holds no information on them ({@code scoring.episode.silent_channels};
 * see {@code SilentChannels}). A channel is <em>silent</em> when its baseline median and MAD are
 * both 0 and every calibration window read 0 (no SCR at all, or a slope the sensor did not resolve): a
 * window reading that zero again says nothing about calm, so it cannot count against arousal.
 *
 * <ul>
 *   <li>{@link #KEEP}: every channel counts (the rule before 2026-12-06 late).
 *   <li>{@link #CHANNEL}: a silent channel is left out of a window's support, and out of its
 *       channel count, wherever its contribution is not above 0 (it still counts when it rises).
 *   <li>{@link #EDA_NON_RESPONDER} (default since 2026-12-06 late): as {@link #CHANNEL}; when the silent channel is the SCR rate
 *       (an electrodermal non-responder: Venables &amp; Mitchell 1996; Boucsein 2012, ch. 3), the
 *       EDA level is left out the same way, as it carries no sudomotor information for that
 *       wearer either.
 * </ul>
 */
public enum SilentChannelRule {
    KEEP,
    CHANNEL,
    EDA_NON_RESPONDER
}
