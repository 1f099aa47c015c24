package org.sessionreview.jobs.report;

import java.util.Locale;

/**
 * How the report words a moment kind: every detected moment is a <i>candidate</i> for
 * supervision, never a judgement; safety events are what the coder coded.
 */
final class MomentText {
    private MomentText() {}

    /** The readable kind, e.g. {@code candidate missed opportunity}. */
    static String kind(String kind, String role) {
        String who = role == null ? "" : role + " ";
        return switch (kind) {
            case "anxiety_episode" -> "candidate " + who + "anxiety episode";
            case "rupture" -> "candidate rupture episode";
            case "unaddressed_rupture" -> "candidate unaddressed rupture";
            case "missed_opportunity" -> "candidate missed opportunity";
            case "unvoiced_arousal" -> "candidate unvoiced arousal";
            case "safety" -> "coded safety event";
            case "pressure_above_threshold" -> "candidate pressure above threshold";
            case "synchrony_drop" -> "candidate synchrony drop (context only)";
            default -> "candidate " + kind.replace('_', ' ').toLowerCase(Locale.ROOT);
        };
    }

    /** A short label for a band on the timeline. */
    static String shortLabel(String kind) {
        return switch (kind) {
            case "missed_opportunity" -> "missed opportunity?";
            case "unvoiced_arousal" -> "unvoiced arousal?";
            case "pressure_above_threshold" -> "pressure?";
            case "synchrony_drop" -> "synchrony drop?";
            default -> kind.replace('_', ' ') + "?";
        };
    }

    /** Rupture class letter as words. */
    static String ruptureClass(String c) {
        return "W".equals(c) ? "withdrawal (W)" : "C".equals(c) ? "confrontation (C)" : String.valueOf(c);
    }

    /** An outcome as words ({@code partially_resolved} -> {@code partially resolved}). */
    static String outcome(String o) {
        return o == null ? "" : o.replace('_', ' ');
    }
}
