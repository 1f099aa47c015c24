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
     * word and value: read once), each word of a modifier repeated (case-insensitively).
     *
     * @param modifiers the section's modifiers in file order, each with its words as members (none
     *     when it is not an object); empty when the section is absent
     */
    static ModifierValues parse(List<CodebookReader.Field> modifiers, Problems problems) {
        if (modifiers.isEmpty()) {
            return NONE;
        }
        Map<String, Map<String, String>> out = new TreeMap<>();
        int m = 0;
        for (CodebookReader.Field modifier : modifiers) {
            m++;
            if (modifier.members() == null) {
                problems.entry(m, 0, "modifier_values entry " + m + " must map words to values (a JSON object)");
                continue;
            }
            boolean repeated = out.containsKey(key(modifier.key()));
            Map<String, String> words = new TreeMap<>();
            Map<String, java.util.List<Integer>> usedWords = new java.util.HashMap<>();
            java.util.Set<String> ambiguous = new java.util.HashSet<>();
            Map<String, Integer> firstOfWord = new java.util.HashMap<>();
            int w = 0;
            for (CodebookReader.Field word : modifier.members()) {
                w++;
                JsonNode target = word.value();
                Integer first = repeated ? null : firstOfWord.putIfAbsent(word.key(), w);
                if (first != null && modifier.members().get(first - 1).value().equals(target)) {
                    problems.entry(
                            m,
                            w,
                            "modifier_values entry " + m + ", word " + w + " repeats word " + first
                                    + " verbatim (the same word and value): read once, as word " + first,
                            true);
                    continue;
                }
                boolean ok = (target.isTextual() && !target.asText().isBlank()) || target.isIntegralNumber();
                if (repeated) {
                    problems.entry(
                            m,
                            w,
                            "modifier_values entry " + m + " repeats an earlier modifier"
                                    + " (case-insensitive): its word " + w + " is not used");
                    continue;
                }
                if (!ok || word.key().isBlank()) {
                    problems.entry(
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
                    problems.entry(
                            m,
                            w,
                            "modifier_values entry " + m + ", word " + w
                                    + " repeats an earlier word (words are case-insensitive) with a different value;"
                                    + " neither is used");
                    if (ambiguous.add(k)) {
                        words.remove(k);
                        for (int earlier : usedWords.get(k)) { // each word used so far for k is dropped
                            problems.entry(
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
            if (!repeated) {
                out.put(key(modifier.key()), words);
            }
        }
        return new ModifierValues(out);
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
