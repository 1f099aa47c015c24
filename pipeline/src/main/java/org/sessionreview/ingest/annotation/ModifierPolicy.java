package org.sessionreview.ingest.annotation;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The allow-list of modifiers that may reach the {@code annotations/} table: which keys pass (after
 * the codebook's renames) and which values pass for each. Coders type free text into modifier
 * fields (names, remarks), so everything else is dropped: a modifier is a closed-vocabulary or
 * numeric attribute of a code, never text.
 *
 * <table>
 *   <caption>Allowed modifiers (DOMAIN.md section 2; values case-insensitive, written lower-case)</caption>
 *   <tr><th>key</th><th>values</th><th>source</th></tr>
 *   <tr><td>significance</td><td>integer 1-5</td><td>3RS significance of RUP and RES (2.2, 2.3)</td></tr>
 *   <tr><td>intensity</td><td>integer 1-3</td><td>ISTDP anxiety intensity (2.1)</td></tr>
 *   <tr><td>channel</td><td>striated, smooth, cpd, motor</td><td>ISTDP discharge channel (2.1)</td></tr>
 *   <tr><td>immediacy</td><td>yes, no</td><td>here-and-now resolution strategy (2.3)</td></tr>
 *   <tr><td>direct, directness</td><td>yes, no, direct, indirect</td><td>Safran &amp; Muran 2000 (2.3)</td></tr>
 *   <tr><td>space</td><td>provides, reduces</td><td>VR-CoDES-P (2.5)</td></tr>
 *   <tr><td>explicit</td><td>yes, no</td><td>VR-CoDES-P (2.5)</td></tr>
 *   <tr><td>stage</td><td>integer 1-4, or self_assertion, vulnerability, elaboration</td>
 *       <td>Safran &amp; Muran resolution stages and re-engagement (2.4, 3.4)</td></tr>
 *   <tr><td>reengagement</td><td>self_assertion, vulnerability, elaboration, yes, no</td>
 *       <td>client re-engagement after repair (3.4)</td></tr>
 *   <tr><td>observation</td><td>integer &gt;= 1</td><td>index of the BORIS observation in its file
 *       (1, 2, ... in file order; never the observation id)</td></tr>
 * </table>
 *
 * <p>For {@code stage} and {@code reengagement}, runs of spaces and hyphens become {@code _}
 * ({@code Self-assertion} is {@code self_assertion}). Integers are digits, with a zero fraction
 * allowed ({@code 3}, and {@code 3.0} as pandas or a JSON float writes a whole number; {@code 3.5}
 * is no integer). An {@code intensity} may also be written {@code low}, {@code medium} (or {@code
 * moderate}) or {@code high}: 1, 2, 3. A dropped modifier does not reject its record; {@link AnnotationNormalizer} counts
 * the drops of a file and reports them in one note.
 */
public final class ModifierPolicy {
    private static final Pattern DIGITS = Pattern.compile("(\\d{1,9})(?:\\.0+)?");
    private static final Map<String, String> INTENSITY_WORDS =
            Map.of("low", "1", "medium", "2", "moderate", "2", "high", "3");
    private static final Set<String> YES_NO = Set.of("yes", "no");
    private static final Set<String> REENGAGEMENT = Set.of("self_assertion", "vulnerability", "elaboration");

    /** Allowed keys to their closed vocabularies; keys with numeric ranges are in {@link #RANGES}. */
    public static final Map<String, Set<String>> VOCABULARIES = Map.of(
            "channel", Set.of("striated", "smooth", "cpd", "motor"),
            "immediacy", YES_NO,
            "direct", Set.of("yes", "no", "direct", "indirect"),
            "directness", Set.of("yes", "no", "direct", "indirect"),
            "space", Set.of("provides", "reduces"),
            "explicit", YES_NO,
            "stage", REENGAGEMENT,
            "reengagement", Set.of("self_assertion", "vulnerability", "elaboration", "yes", "no"));

    /** An inclusive integer range. */
    public record Range(int min, int max) {}

    /** Allowed keys with integer values, to their inclusive range. */
    public static final Map<String, Range> RANGES = Map.of(
            "significance", new Range(1, 5),
            "intensity", new Range(1, 3),
            "stage", new Range(1, 4),
            "observation", new Range(1, Integer.MAX_VALUE));

    private static final java.util.regex.Pattern NUMBERED_COLUMN = java.util.regex.Pattern.compile("modifier_\\d{1,3}");

    private ModifierPolicy() {}

    /** True when {@code key} (already renamed and lower-cased) is on the allow-list. */
    public static boolean isAllowedKey(String key) {
        return key != null && (VOCABULARIES.containsKey(key) || RANGES.containsKey(key));
    }

    /**
     * True when a dropped modifier's {@code key} (renamed, lower-cased) may be named in a reject
     * reason: an allowed key, or a BORIS export's numbered modifier column ({@code modifier_1} to
     * {@code modifier_999}); any other key may be free text (a coder's own field, a name) and is
     * only counted.
     */
    public static boolean isNameableKey(String key) {
        return isAllowedKey(key) || (key != null && NUMBERED_COLUMN.matcher(key).matches());
    }

    /**
     * The value as it is written to the annotation when {@code key=value} is allowed (trimmed,
     * lower-cased, vocabulary spelling normalised); empty when the pair is not allowed.
     */
    public static Optional<String> admit(String key, String value) {
        if (!isAllowedKey(key) || value == null) {
            return Optional.empty();
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (key.equals("intensity")) {
            v = INTENSITY_WORDS.getOrDefault(v, v);
        }
        Range range = RANGES.get(key);
        java.util.regex.Matcher digits = DIGITS.matcher(v);
        if (range != null && digits.matches()) {
            int n = Integer.parseInt(digits.group(1));
            if (n >= range.min() && n <= range.max()) {
                return Optional.of(Integer.toString(n));
            }
        }
        Set<String> vocabulary = VOCABULARIES.get(key);
        if (vocabulary != null) {
            String spelled = v.replaceAll("[-\\s]+", "_");
            if (vocabulary.contains(spelled)) {
                return Optional.of(spelled);
            }
        }
        return Optional.empty();
    }
}
