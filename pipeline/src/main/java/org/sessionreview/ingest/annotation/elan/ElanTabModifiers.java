package org.sessionreview.ingest.annotation.elan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.sessionreview.ingest.annotation.RawAnnotation;

/**
 * Modifier rows of an ELAN tab-delimited export: the rows of a tier whose name holds the word
 * significance or intensity (a dependent tier of the coded one in the {@code .eaf}, {@code
 * significance@CL-rupture}, {@code client-anxiety-intensity}). The export writes each of its
 * annotations as a row of its own, with the times of the annotation it belongs to (Symbolic
 * Association) or inside them (Included_In), so read alone they would be codes "3" or "high". Each
 * is attached to the one coded row whose interval contains it, preferring a coded row whose tier
 * name the modifier tier's name contains and then one of the same participant, as {@link
 * ElanParser} attaches dependent tiers' values. Only these two words: other tiers named with a
 * modifier word ("anxiety channel") may hold codes of their own. Package-private.
 */
final class ElanTabModifiers {
    private static final Set<String> WORDS = Set.of("significance", "intensity");
    private static final Pattern SPLIT = Pattern.compile("[^\\p{L}\\p{N}]+");

    private ElanTabModifiers() {}

    /** A modifier row: its line, key, value, interval (s; end = begin for a point) and tier. */
    record Modifier(long line, String key, String value, double begin, double end, String tier, String participant) {}

    /** A coded row being built: its builder, interval, tier and participant. */
    record Coded(RawAnnotation.Builder builder, double begin, double end, String tier, String participant) {}

    /** The modifier key a tier's name gives (significance, intensity), or null for a coded tier. */
    static String key(String tier) {
        if (tier == null) {
            return null;
        }
        for (String word : SPLIT.split(tier.toLowerCase(Locale.ROOT))) {
            if (WORDS.contains(word)) {
                return word;
            }
        }
        return null;
    }

    /**
     * Attaches each modifier to its coded row ({@link RawAnnotation.Builder#modifier}).
     *
     * @return the modifiers attached to none (no coded row contains them, or several do equally)
     */
    static List<Modifier> attach(List<Modifier> modifiers, List<Coded> coded) {
        List<Modifier> orphans = new ArrayList<>();
        for (Modifier m : modifiers) {
            Coded best = null;
            int bestScore = -1;
            boolean tie = false;
            for (Coded c : coded) {
                if (c.begin() > m.begin() + 0.0015 || c.end() < m.end() - 0.0015) {
                    continue;
                }
                int score = (c.tier() != null && m.tier() != null && m.tier().contains(c.tier()) ? 2 : 0)
                        + (c.participant() != null
                                        && !c.participant().isEmpty()
                                        && c.participant().equals(m.participant())
                                ? 1
                                : 0);
                if (score > bestScore) {
                    best = c;
                    bestScore = score;
                    tie = false;
                } else if (score == bestScore) {
                    tie = true;
                }
            }
            if (best == null || tie) {
                orphans.add(m);
            } else {
                best.builder().modifier(m.key(), m.value());
            }
        }
        return orphans;
    }
}
