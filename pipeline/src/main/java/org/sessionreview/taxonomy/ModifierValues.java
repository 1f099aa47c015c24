package org.sessionreview.taxonomy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The {@code modifier_values} section of a codebook: a site's own words for modifier values,
 * per modifier (after {@code modifiers} renames it), mapped to the project's scale, for example
 * {@code {"intensity": {"leicht": "1", "mittel": 2, "stark": 3}, "significance": {"hoch": 4}}}.
 * Keys and words are matched case-insensitively, ignoring surrounding white space; targets are
 * strings or whole numbers, checked against the modifier allow-list when a record is read (a
 * target outside it is dropped with the file's note, as any other value). Immutable.
 *
 * <p>Error messages name the section, the modifier's position and the word's position, never the
 * words themselves (they come from a site's files).
 */
public final class ModifierValues {
    static final ModifierValues NONE = new ModifierValues(Map.of());

    /** Modifier name to (word, lower-cased) to target. */
    private final Map<String, Map<String, String>> values;

    private ModifierValues(Map<String, Map<String, String>> values) {
        Map<String, Map<String, String>> copy = new TreeMap<>();
        values.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new TreeMap<>(v))));
        this.values = Collections.unmodifiableMap(copy);
    }

    /**
     * Where an unusable entry of the section is reported; {@code word} 0 for the modifier itself;
     * {@code repeat} when it repeats an earlier word verbatim (that one is used).
     */
    interface Problems {
        void entry(int modifier, int word, String reason, boolean repeat);

        default void entry(int modifier, int word, String reason) {
            entry(modifier, word, reason, false);
        }
    }

    /**
     * Reads the section; {@code problems} hears of each unusable entry, which is left out: a
     * modifier that is not an object of words, a word that is blank or maps to neither a non-empty
     * string nor a whole number, a word repeated (the same or in another case) with another value
     * (both left out: which is meant is unknown), a word repeating an earlier one verbatim (the same
     * word and value: read once when that one is used, else left out for its reason), each word of
     * a modifier repeated (case-insensitively; a repeat when the modifier's words are the same
     * verbatim, a block pasted twice).
     *
     * @param modifiers the section's modifiers in file order, each with its words as members (none
     *     when it is not an object); empty when the section is absent
     */
    static ModifierValues parse(List<CodebookReader.Field> modifiers, Problems problems) {
        if (modifiers.isEmpty()) {
            return NONE;
        }
        Map<String, Map<String, String>> out = new TreeMap<>();
        Map<String, Integer> blockOf = new java.util.HashMap<>(); // modifier key -> entry used
        // per modifier entry, why each word left out is not used (a word missing here is used)
        Map<Integer, Map<Integer, String>> reasons = new java.util.HashMap<>();
        int m = 0;
        for (CodebookReader.Field modifier : modifiers) {
            m++;
            if (modifier.members() == null) {
                problems.entry(m, 0, "modifier_values entry " + m + " must map words to values (a JSON object)");
                continue;
            }
            Integer firstBlock = blockOf.get(key(modifier.key()));
            if (firstBlock != null) {
                repeatedBlock(modifiers, m, firstBlock, reasons.get(firstBlock), problems);
                continue;
            }
            blockOf.put(key(modifier.key()), m);
            Map<Integer, String> reasonOf = new java.util.HashMap<>();
            reasons.put(m, reasonOf);
            Problems block = (mm, w, reason, repeat) -> {
                reasonOf.put(w, reason);
                problems.entry(mm, w, reason, repeat);
            };
            out.put(key(modifier.key()), words(modifier.members(), m, block, problems, reasonOf));
        }
        return new ModifierValues(out);
    }

    /** The usable words of modifier entry {@code m}; a word left out is told to {@code block}. */
    private static Map<String, String> words(
            List<CodebookReader.Field> members,
            int m,
            Problems block,
            Problems problems,
            Map<Integer, String> reasonOf) {
        Map<String, String> words = new TreeMap<>();
        Map<String, java.util.List<Integer>> usedWords = new java.util.HashMap<>();
        java.util.Set<String> ambiguous = new java.util.HashSet<>();
        Map<String, Integer> firstOfWord = new java.util.HashMap<>();
        List<int[]> repeats = new java.util.ArrayList<>();
        int w = 0;
        for (CodebookReader.Field word : members) {
            w++;
            JsonNode target = word.value();
            Integer first = firstOfWord.putIfAbsent(word.key(), w);
            if (first != null && members.get(first - 1).value().equals(target)) {
                repeats.add(new int[] {w, first});
                continue;
            }
            boolean ok = (target.isTextual() && !target.asText().isBlank()) || target.isIntegralNumber();
            if (!ok || word.key().isBlank()) {
                block.entry(
                        m,
                        w,
                        "modifier_values entry " + m + ", word " + w
                                + " must map a non-empty word to a non-empty string or a whole number");
                continue;
            }
            String k = key(word.key());
            String previous = words.get(k);
            if (ambiguous.contains(k)
                    || (previous != null && !previous.equals(target.asText().trim()))) {
                block.entry(
                        m,
                        w,
                        "modifier_values entry " + m + ", word " + w
                                + " repeats an earlier word (words are case-insensitive) with a different value;"
                                + " neither is used");
                if (ambiguous.add(k)) {
                    words.remove(k);
                    for (int earlier : usedWords.get(k)) { // each word used so far for k is dropped
                        block.entry(
                                m,
                                earlier,
                                "modifier_values entry " + m + ", word " + earlier + " is repeated by word " + w
                                        + " with a different value; neither is used");
                    }
                }
                continue;
            }
            usedWords.computeIfAbsent(k, x -> new java.util.ArrayList<>()).add(w);
            words.put(k, target.asText().trim());
        }
        for (int[] r : repeats) {
            // a repeat of a word used is read once; of one left out, it shares that word's reason
            String repeat = "modifier_values entry " + m + ", word " + r[0] + " repeats word " + r[1] + " verbatim";
            String firstReason = reasonOf.get(r[1]);
            if (firstReason != null) {
                reasonOf.put(r[0], firstReason); // a block repeating this one shares it too
            }
            problems.entry(
                    m,
                    r[0],
                    firstReason == null
                            ? repeat + " (the same word and value)"
                            : repeat + ", which is not used: " + firstReason,
                    firstReason == null);
        }
        return words;
    }

    /**
     * Each word of modifier entry {@code m}, whose modifier (case-insensitive) entry {@code first}
     * gave: when the two are the same verbatim (the same modifier and words, a block pasted twice),
     * a repeat of the word of {@code first} that is used, or that word's reason; otherwise not used.
     */
    private static void repeatedBlock(
            List<CodebookReader.Field> modifiers,
            int m,
            int first,
            Map<Integer, String> firstReasons,
            Problems problems) {
        CodebookReader.Field block = modifiers.get(m - 1);
        CodebookReader.Field earlier = modifiers.get(first - 1);
        boolean verbatim = block.key().equals(earlier.key()) && sameWords(block.members(), earlier.members());
        for (int w = 1; w <= block.members().size(); w++) {
            String why = firstReasons.get(w);
            if (!verbatim) {
                problems.entry(
                        m,
                        w,
                        "modifier_values entry " + m + " repeats an earlier modifier" + " (case-insensitive): its word "
                                + w + " is not used");
            } else if (why == null) {
                problems.entry(
                        m,
                        w,
                        "modifier_values entry " + m + ", word " + w + " repeats entry " + first
                                + " verbatim (the same modifier and words)",
                        true);
            } else {
                problems.entry(
                        m,
                        w,
                        "modifier_values entry " + m + ", word " + w + " repeats entry " + first
                                + " verbatim, whose word " + w + " is not used: " + why);
            }
        }
    }

    private static boolean sameWords(List<CodebookReader.Field> a, List<CodebookReader.Field> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).key().equals(b.get(i).key())
                    || !a.get(i).value().equals(b.get(i).value())) {
                return false;
            }
        }
        return true;
    }

    private static String key(String text) {
        return text.trim().toLowerCase(Locale.ROOT);
    }

    /** The project's value for a site's word for modifier {@code name}; empty when it is not mapped. */
    public Optional<String> map(String name, String word) {
        if (name == null || word == null) {
            return Optional.empty();
        }
        Map<String, String> words = values.get(key(name));
        return words == null ? Optional.empty() : Optional.ofNullable(words.get(key(word)));
    }

    /** These mappings with {@code override}'s taking precedence, word by word. */
    ModifierValues overriddenBy(ModifierValues override) {
        Map<String, Map<String, String>> merged = new TreeMap<>();
        values.forEach((k, v) -> merged.put(k, new TreeMap<>(v)));
        override.values.forEach(
                (k, v) -> merged.computeIfAbsent(k, x -> new TreeMap<>()).putAll(v));
        return new ModifierValues(merged);
    }

    /** Modifier name to its word mappings, all lower-cased, sorted. */
    public Map<String, Map<String, String>> asMap() {
        return values;
    }
}
