package org.sessionreview.jobs.sampledata;

import java.util.List;
import java.util.Map;

/**
 * The site codebook written next to BORIS exports: the site's own behaviour labels and the
 * canonical codes they map to. Kept as an ordered list so the JSON is byte-stable.
 */
public final class Codebook {
    /** Codebook file name inside a session folder. */
    public static final String FILE_NAME = "codebook.json";

    /** Site label to canonical code, in file order. */
    public static final List<Map.Entry<String, String>> LABELS = List.of(
            Map.entry("sigh", "ANX_STR_SIGH"),
            Map.entry("fidget", "ANX_STR_FIDGET"),
            Map.entry("hands", "ANX_STR_HANDS"),
            Map.entry("tension", "ANX_STR_TENSION"),
            Map.entry("affect cue", "AFF_CUE"),
            Map.entry("positive affect", "AFF_POSITIVE"),
            Map.entry("explore feeling", "INT_EXPLORE_FEELING"),
            Map.entry("reflection", "INT_EMPATHIC_REFLECTION"),
            Map.entry("validation", "INT_VALIDATION"),
            Map.entry("topic shift", "INT_TOPIC_SHIFT"),
            Map.entry("agenda", "INT_STRUCTURE_AGENDA_HOMEWORK"),
            Map.entry("psychoeducation", "INT_PSYCHOED_RATIONALE"));

    /** Site actor abbreviations to roles, in file order. */
    public static final List<Map.Entry<String, String>> ACTORS =
            List.of(Map.entry("CL", "client"), Map.entry("TH", "therapist"));

    /**
     * BORIS modifier columns to the project's modifier names, in file order: {@link BorisWriter}
     * writes the ANX intensity as modifier #1, which BORIS exports as {@code Modifier #1} and the
     * pipeline reads as {@code modifier_1}; mapped to {@code intensity} it passes the pipeline's
     * modifier allow-list (integer 1-3) instead of being dropped.
     */
    public static final List<Map.Entry<String, String>> MODIFIERS = List.of(Map.entry("modifier_1", "intensity"));

    private Codebook() {}

    /** The site label for a canonical code; fails for a code the codebook does not map. */
    public static String labelFor(String code) {
        for (Map.Entry<String, String> e : LABELS) {
            if (e.getValue().equals(code)) {
                return e.getKey();
            }
        }
        throw new IllegalArgumentException("codebook has no label for " + code);
    }

    /** BORIS behavioural category for a code: its family in words. */
    public static String categoryFor(String code) {
        String family = code.contains("_") ? code.substring(0, code.indexOf('_')) : code;
        switch (family) {
            case "ANX":
                return "anxiety";
            case "AFF":
                return "affect";
            case "INT":
                return "intervention";
            case "RUP":
                return "rupture";
            case "RES":
                return "resolution";
            default:
                return "";
        }
    }
}
