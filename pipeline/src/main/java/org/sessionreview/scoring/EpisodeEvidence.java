package org.sessionreview.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sessionreview.config.ScoringConfig;
import org.sessionreview.model.Annotation;
import org.sessionreview.model.Role;
import org.sessionreview.taxonomy.CodeTaxonomy;

/**
 * The readable evidence of an anxiety episode: which channels rose (each with its peak z), the
 * peak z of every other channel with a value, and
 * which coded ANX_* cues fall inside it (DOMAIN.md 4.0 and 2.1). Example:
 *
 * <pre>
 * client arousal: EDA level z 3.1, SCR rate z 2.4, HR z 2.2, RMSSD z -1.8
 *     (other channels' peak: fidget z 0.4, skin temp slope z -0.2);
 *     coded cues inside: ANX_STR_SIGH at 12:34, ANX_STR_FIDGET at 12:50
 * </pre>
 *
 * (one line in the output). When exactly one channel rose (mean z), the channel list starts with
 * {@code rests on a single channel (EDA level): }: the episode passed the concordance rule
 * ({@link Concordance}) where it began, but what sustained it is one signal, which a supervisor
 * should weigh accordingly (a drifting electrode level, exertion). Without cues the second part reads {@code no coded anxiety cue
 * inside (unvoiced arousal)}. Arousal is not affect: the text names signals and codes, never a
 * diagnosis.
 */
public final class EpisodeEvidence {
    private EpisodeEvidence() {}

    /**
     * Coded cues inside the episode: annotations whose code is an {@code ANX_*} channel (or whose
     * family is {@code ANX}), {@code AFF_CUE} or {@code AFF_CONCERN}, whose actor is the episode's wearer (a missing actor counts
     * as the client, ANX being client codes), and whose interval overlaps {@code [start -
     * cueLookbackS, end]} (SCR latency, DOMAIN.md 4.2). Sorted by start, then code.
     */
    public static List<Annotation> cuesInside(AnxietyEpisode e, List<Annotation> annotations, ScoringConfig cfg) {
        double from = e.startS() - cfg.cueLookbackS();
        List<Annotation> out = new ArrayList<>();
        for (Annotation a : annotations) {
            if (isAnxietyCue(a) && actorMatches(a, e.role()) && a.startS <= e.endS() && a.endOrStartS() >= from) {
                out.add(a);
            }
        }
        out.sort(Comparator.comparingDouble((Annotation a) -> a.startS)
                .thenComparing(a -> a.code, Comparator.nullsFirst(Comparator.naturalOrder())));
        return out;
    }

    /**
     * Channels that rose during the episode: features whose mean z over the episode, in the
     * anxiety direction ({@code sign * meanZ}), reaches {@link ScoringConfig#risingChannelZ()};
     * ordered by peak z in the anxiety direction, strongest first (ties in {@link Feature}
     * order). The mean decides, not the peak: over a few dozen windows the peak of an unchanged,
     * noisy channel often passes 1. Only channels with a weight in the index count (before
     * 2026-12-05 the unweighted fidget power, whose z saturates with any hand use, led 18 of 21
     * episodes' evidence on the Stress-Predict recordings and hid "rests on a single channel").
     */
    public static List<Feature> risingChannels(AnxietyEpisode e, ScoringConfig cfg) {
        List<Feature> out = new ArrayList<>();
        for (Map.Entry<Feature, Double> en : e.meanZ().entrySet()) {
            Feature f = en.getKey();
            // a channel without weight is not part of the index (fidget by default): it is listed
            // among the other channels, never as what the episode rests on
            if (f.weight(cfg) > 0
                    && f.sign() * en.getValue() >= cfg.risingChannelZ()
                    && e.peakZ().containsKey(f)) {
                out.add(f);
            }
        }
        out.sort(Comparator.comparingDouble((Feature f) -> -f.sign() * e.peakZ().get(f))
                .thenComparingInt(Enum::ordinal));
        return out;
    }

    /**
     * The evidence text for a moment row; see the class comment.
     *
     * @param coded whether the session's video was coded (any accepted annotation): without a
     *     coding, a missing cue says nothing, and the text says {@code video not coded} instead of
     *     calling the episode unvoiced
     */
    public static String text(AnxietyEpisode e, List<Annotation> cuesInside, boolean coded, ScoringConfig cfg) {
        return text(e, cuesInside, coded, cfg, Set.of());
    }

    /**
     * As {@link #text(AnxietyEpisode, List, boolean, ScoringConfig)}; when the episode's detector
     * left at least one of the wearer's silent channels out of the concordance support of at
     * least one of its windows ({@link AnxietyEpisode#silentLeftOut}), the text says that the
     * concordance rests on the other channels where the wearer's silent channels ({@code silent},
     * {@link SilentChannels}) do not rise, e.g. {@code ; concordance rests on the other channels
     * where SCR rate does not rise (no SCR in the calibration stretch: no baseline information)}.
     * An episode of such a wearer whose silent channels rose wherever the support was consulted
     * (SCRs appeared) gets no such sentence: its concordance counted them as any other channel.
     *
     * @param silent the wearer's silent channels, naming the sentence's channels and reason
     */
    public static String text(
            AnxietyEpisode e, List<Annotation> cuesInside, boolean coded, ScoringConfig cfg, Set<Feature> silent) {
        StringBuilder sb = new StringBuilder(e.role().id()).append(" arousal: ");
        List<Feature> rising = risingChannels(e, cfg);
        if (rising.isEmpty()) {
            sb.append("no single channel rose by a mean z of ").append(TimeText.oneDecimal(cfg.risingChannelZ()));
        }
        if (rising.size() == 1) {
            sb.append("rests on a single channel (")
                    .append(rising.get(0).label())
                    .append("): ");
        }
        for (int i = 0; i < rising.size(); i++) {
            Feature f = rising.get(i);
            sb.append(i == 0 ? "" : ", ")
                    .append(f.label())
                    .append(" z ")
                    .append(TimeText.oneDecimal(e.peakZ().get(f)));
        }
        List<String> others = new ArrayList<>();
        for (Feature f : Feature.values()) {
            if (!rising.contains(f) && e.peakZ().containsKey(f)) {
                others.add(f.label() + " z " + TimeText.oneDecimal(e.peakZ().get(f)));
            }
        }
        if (!others.isEmpty()) {
            sb.append(" (other channels' peak: ")
                    .append(String.join(", ", others))
                    .append(")");
        }
        if (!silent.isEmpty() && !e.silentLeftOut().isEmpty()) {
            List<String> labels = new ArrayList<>();
            silent.stream().sorted().forEach(f -> labels.add(f.label()));
            boolean nonResponder = silent.contains(Feature.SCL) && silent.contains(Feature.SCR_RATE);
            sb.append("; concordance rests on the other channels where ")
                    .append(String.join(" and ", labels))
                    .append(labels.size() == 1 ? " does" : " do")
                    .append(" not rise (")
                    .append(
                            nonResponder
                                    ? "no SCR in the calibration stretch: an electrodermal non-responder"
                                    : "no SCR in the calibration stretch: no baseline information")
                    .append(")");
        }
        if (!coded) {
            sb.append("; video not coded (no cue or response to compare)");
        } else if (cuesInside.isEmpty()) {
            sb.append("; no coded anxiety cue inside (unvoiced arousal)");
        } else {
            sb.append("; coded cues inside: ");
            for (int i = 0; i < cuesInside.size(); i++) {
                Annotation a = cuesInside.get(i);
                sb.append(i == 0 ? "" : ", ").append(a.code).append(" at ").append(TimeText.mmss(a.startS));
            }
        }
        return sb.toString();
    }

    /**
     * A cue that voices the episode, as the missed-opportunity rule counts it ({@link
     * CodeTaxonomy#isClientCue}: ANX_*, AFF_CUE, AFF_CONCERN; before 2026-12-05 ANX_* only, so an
     * episode voiced by an AFF_CONCERN was called unvoiced here and voiced in its moment).
     */
    private static boolean isAnxietyCue(Annotation a) {
        return CodeTaxonomy.isClientCue(a.code) || "ANX".equalsIgnoreCase(a.family);
    }

    private static boolean actorMatches(Annotation a, Role role) {
        if (a.actor == null || a.actor.isBlank()) {
            return role == Role.CLIENT;
        }
        return Role.parse(a.actor).map(r -> r == role).orElse(false);
    }
}
