package org.sessionreview.taxonomy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads a codebook's JSON entry by entry ({@link Codebook#parseEntries}): what makes the text no
 * codebook at all (not valid JSON, a key given twice, not an object, a section that is not an
 * object) is a {@link CodebookException}; an unusable entry is left out with its line and reason
 * and the other entries are used. An entry is one key of {@code labels}, {@code actors} or {@code
 * modifiers}, one word of a {@code modifier_values} modifier (a modifier that is not an object of
 * words is one entry), or one unknown top-level section. Two entries of a section whose keys differ
 * only in case and map to different targets are both left out (which is meant is unknown).
 * Reasons name the section and positions, never a key or value (they can be client names).
 */
final class CodebookReader {
    private static final Set<String> SECTIONS =
            Set.of("description", "labels", "actors", "modifiers", "modifier_values");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]*");
    private static final ObjectMapper JSON = Codebook.handEditedJson();

    private final String sourceName;
    private final Lines lines;
    private final List<Codebook.EntryProblem> problems = new ArrayList<>();

    private CodebookReader(String sourceName, Lines lines) {
        this.sourceName = sourceName;
        this.lines = lines;
    }

    static Codebook.Loaded read(String json, String sourceName) {
        String text = json.startsWith("\uFEFF") ? json.substring(1) : json;
        JsonNode root = tree(text, sourceName);
        if (root == null || !root.isObject()) {
            throw fail(
                    sourceName,
                    "the top level must be a JSON object with sections labels, actors, modifiers, modifier_values");
        }
        CodebookReader r = new CodebookReader(sourceName, Lines.of(text));
        int position = 0;
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            position++;
            if (!SECTIONS.contains(name)) {
                r.problem(
                        r.lines.top.get(position - 1),
                        "top-level entry " + position
                                + " is not a known section; expected labels, actors, modifiers, modifier_values or"
                                + " description");
            }
        }
        Map<String, String> labels = r.section(root, "labels", (n, label, target) -> {
            Optional<CanonicalCode> code = CodeTaxonomy.lookup(target.trim());
            if (code.isEmpty()) {
                return new Target<>(null, "labels entry " + n + " maps to a value that is not a canonical code");
            }
            Optional<CanonicalCode> self = CodeTaxonomy.lookup(label);
            if (self.isPresent() && self.get() != code.get()) {
                return new Target<>(
                        null,
                        "labels entry " + n + " is the canonical code "
                                + self.get().code() + " and cannot be remapped to "
                                + code.get().code());
            }
            return new Target<>(code.get().code(), null);
        });
        Map<String, Actor> actors = r.section(root, "actors", (n, key, value) -> {
            Optional<Actor> actor = Actor.parse(value);
            return actor.isPresent()
                    ? new Target<>(actor.get(), null)
                    : new Target<>(null, "actors entry " + n + " maps to a value other than client, therapist or dyad");
        });
        Map<String, String> modifiers = r.section(root, "modifiers", (n, key, value) -> {
            String target = value.trim().toLowerCase(Locale.ROOT);
            return IDENTIFIER.matcher(target).matches()
                    ? new Target<>(target, null)
                    : new Target<>(
                            null, "modifiers entry " + n + " maps to a name that does not match [a-z][a-z0-9_]*");
        });
        ModifierValues values = ModifierValues.parse(
                root.get("modifier_values"),
                problem -> fail(sourceName, problem),
                (m, w, reason) -> r.problem(w == 0 ? r.lines.entry("modifier_values", m) : r.lines.word(m, w), reason));
        Codebook book = new Codebook(sourceName, labels, actors, modifiers, values);
        r.problems.sort(java.util.Comparator.comparingLong(Codebook.EntryProblem::line));
        return new Codebook.Loaded(book, r.lines.entries, List.copyOf(r.problems));
    }

    private static JsonNode tree(String text, String sourceName) {
        try (JsonParser p = JSON.createParser(text)) {
            JsonNode root;
            try {
                root = JSON.readTree(p);
            } catch (JsonProcessingException e) {
                // never Jackson's message: it quotes the token or duplicate key (site labels)
                throw fail(
                        sourceName,
                        (Codebook.isDuplicateKey(e) ? "duplicate key" : "not valid JSON") + at(e.getLocation()),
                        e);
            }
            try {
                if (root != null && p.nextToken() != null) {
                    throw fail(
                            sourceName, "trailing content after the JSON object" + at(p.currentTokenLocation()), null);
                }
            } catch (JsonProcessingException e) {
                throw fail(sourceName, "trailing content after the JSON object" + at(e.getLocation()), e);
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException("reading JSON from memory failed", e);
        }
    }

    /** A checked entry: its target, or why it is unusable. */
    private record Target<V>(V value, String problem) {}

    private interface Check<V> {
        Target<V> check(int entry, String key, String value);
    }

    /** The usable entries of one string-valued section, keys lower-cased. */
    private <V> Map<String, V> section(JsonNode root, String section, Check<V> check) {
        Map<String, V> out = new TreeMap<>();
        JsonNode node = root.get(section);
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            throw fail(sourceName, "section '" + section + "' must be a JSON object, not " + node.getNodeType());
        }
        // every entry used so far per key: when a later one makes the key ambiguous, each of them
        // is reported (an entry with the same target as the first was used too, and is dropped too)
        Map<String, java.util.List<Integer>> used = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        int n = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            n++;
            long line = lines.entry(section, n);
            JsonNode v = e.getValue();
            if (e.getKey().isBlank()) {
                problem(line, "section '" + section + "' has an empty key (entry " + n + ")");
                continue;
            }
            if (!v.isTextual() || v.asText().isBlank()) {
                problem(
                        line,
                        section + " entry " + n + " must map to a non-empty string, not "
                                + (v.isTextual() ? "a blank one" : "a " + v.getNodeType()));
                continue;
            }
            Target<V> t = check.check(n, e.getKey(), v.asText());
            if (t.problem() != null) {
                problem(line, t.problem());
                continue;
            }
            String key = Codebook.key(e.getKey());
            V previous = out.get(key);
            if (ambiguous.contains(key) || (previous != null && !previous.equals(t.value()))) {
                // labels map to canonical codes and actors to the three actors: both safe to name
                String targets =
                        section.equals("modifiers") || previous == null ? "" : ": " + previous + " and " + t.value();
                int first = used.get(key).get(0);
                problem(
                        line,
                        section + " entry " + n + " repeats the key of entry " + first
                                + " (keys are case-insensitive) with a different target" + targets
                                + "; neither is used");
                if (ambiguous.add(key)) {
                    out.remove(key);
                    for (int earlier : used.get(key)) {
                        problem(
                                lines.entry(section, earlier),
                                section + " entry " + earlier + " has its key repeated by entry " + n
                                        + " with a different target; neither is used");
                    }
                }
                continue;
            }
            used.computeIfAbsent(key, k -> new java.util.ArrayList<>()).add(n);
            out.put(key, t.value());
        }
        return out;
    }

    private void problem(long line, String reason) {
        problems.add(new Codebook.EntryProblem(line, reason));
    }

    private static String at(JsonLocation loc) {
        if (loc == null || loc.getLineNr() < 1) {
            return "";
        }
        return " at line " + loc.getLineNr() + (loc.getColumnNr() > 0 ? ", column " + loc.getColumnNr() : "");
    }

    private static CodebookException fail(String sourceName, String problem) {
        return new CodebookException("codebook " + sourceName + ": " + problem);
    }

    private static CodebookException fail(String sourceName, String problem, Throwable cause) {
        return new CodebookException("codebook " + sourceName + ": " + problem, cause);
    }

    /** The line of each entry, from a second, streaming pass over the text (a tree keeps no lines). */
    private static final class Lines {
        final List<Long> top = new ArrayList<>();
        final Map<String, List<Long>> sections = new HashMap<>();
        /** Per modifier of {@code modifier_values}, its words' lines (empty when not an object). */
        final List<List<Long>> words = new ArrayList<>();

        int entries;

        static Lines of(String text) {
            Lines l = new Lines();
            try (JsonParser p = JSON.createParser(text)) {
                p.nextToken(); // the top-level object, already checked
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String section = p.currentName();
                    l.top.add(line(p));
                    JsonToken t = p.nextToken();
                    boolean known = SECTIONS.contains(section);
                    if (!known || section.equals("description") || t != JsonToken.START_OBJECT) {
                        l.entries += known ? 0 : 1;
                        p.skipChildren();
                        continue;
                    }
                    List<Long> entries = new ArrayList<>();
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        entries.add(line(p));
                        JsonToken v = p.nextToken();
                        if (section.equals("modifier_values")) {
                            List<Long> ws = new ArrayList<>();
                            if (v == JsonToken.START_OBJECT) {
                                while (p.nextToken() == JsonToken.FIELD_NAME) {
                                    ws.add(line(p));
                                    p.nextToken();
                                    p.skipChildren();
                                }
                            } else {
                                p.skipChildren();
                            }
                            l.words.add(ws);
                            l.entries += v == JsonToken.START_OBJECT ? ws.size() : 1;
                        } else {
                            p.skipChildren();
                            l.entries++;
                        }
                    }
                    l.sections.put(section, entries);
                }
            } catch (IOException e) {
                // the tree was read from the same text: only the lines are lost (reported as 0)
            }
            return l;
        }

        private static long line(JsonParser p) {
            return Math.max(0, p.currentTokenLocation().getLineNr());
        }

        /** The line of entry {@code n} (1-based) of {@code section}; 0 when unknown. */
        long entry(String section, int n) {
            List<Long> l = sections.get(section);
            return l != null && n >= 1 && n <= l.size() ? l.get(n - 1) : 0;
        }

        /** The line of word {@code w} of modifier {@code m} (both 1-based); 0 when unknown. */
        long word(int m, int w) {
            if (m < 1 || m > words.size()) {
                return 0;
            }
            List<Long> l = words.get(m - 1);
            return w >= 1 && w <= l.size() ? l.get(w - 1) : 0;
        }
    }
}
