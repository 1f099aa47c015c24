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
 * codebook at all (not valid JSON, a section given twice, not an object, a section that is not an
 * object) is a {@link CodebookException}; an unusable entry is left out with its line and reason
 * and the other entries are used. An entry is one key of {@code labels}, {@code actors} or {@code
 * modifiers}, one word of a {@code modifier_values} modifier (a modifier that is not an object of
 * words is one entry), or one unknown top-level section. Two entries of a section whose keys are
 * the same or differ only in case and map to different targets are both left out (which is meant
 * is unknown); an entry repeating an earlier one verbatim (the same key and value, as a line
 * pasted twice) is left out as a repeat when the earlier one is used, and otherwise for the
 * earlier one's reason (it is blank, maps to no target, or its key is made ambiguous by another
 * entry, before or after the repeat). Reasons name the section and
 * positions, never a key or value (they can be client names).
 */
final class CodebookReader {
    private static final Set<String> SECTIONS =
            Set.of("description", "labels", "actors", "modifiers", "modifier_values");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]*");
    /** As {@link Codebook#handEditedJson()}, but a key given twice is read: entries judge repeats. */
    private static final ObjectMapper JSON = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();

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
        CodebookReader r = new CodebookReader(sourceName, Lines.of(text, sourceName));
        int position = 0;
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            position++;
            if (!SECTIONS.contains(name)) {
                r.problem(
                        r.lines.top.get(position - 1),
                        CodebookSection.UNKNOWN,
                        "top-level entry " + position
                                + " is not a known section; expected labels, actors, modifiers, modifier_values or"
                                + " description");
            }
        }
        Map<String, String> labels = r.section(root, CodebookSection.LABELS, (n, label, target) -> {
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
        Map<String, Actor> actors = r.section(root, CodebookSection.ACTORS, (n, key, value) -> {
            Optional<Actor> actor = Actor.parseCanonical(value);
            return actor.isPresent()
                    ? new Target<>(actor.get(), null)
                    : new Target<>(null, "actors entry " + n + " maps to a value other than client, therapist or dyad");
        });
        Map<String, String> modifiers = r.section(root, CodebookSection.MODIFIERS, (n, key, value) -> {
            String target = value.trim().toLowerCase(Locale.ROOT);
            return IDENTIFIER.matcher(target).matches()
                    ? new Target<>(target, null)
                    : new Target<>(
                            null, "modifiers entry " + n + " maps to a name that does not match [a-z][a-z0-9_]*");
        });
        JsonNode mv = root.get("modifier_values");
        if (mv != null && !mv.isNull() && !mv.isObject()) {
            throw fail(sourceName, "section 'modifier_values' must be a JSON object, not " + mv.getNodeType());
        }
        ModifierValues values = ModifierValues.parse(
                r.lines.fields("modifier_values"),
                (m, w, reason, repeat) -> r.problems.add(new Codebook.EntryProblem(
                        w == 0 ? r.lines.entry("modifier_values", m) : r.lines.word(m, w),
                        CodebookSection.MODIFIER_VALUES,
                        reason,
                        repeat)));
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
                throw fail(sourceName, "not valid JSON" + at(e.getLocation()), e);
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
    private <V> Map<String, V> section(JsonNode root, CodebookSection from, Check<V> check) {
        String section = from.key();
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
        Map<String, Integer> firstOfKey = new HashMap<>();
        // why each entry left out is not used (an entry missing here is used); repeats judged last
        Map<Integer, String> reasonOf = new HashMap<>();
        List<int[]> repeats = new ArrayList<>();
        List<Field> fields = lines.fields(section);
        int n = 0;
        for (Field e : fields) {
            n++;
            long line = e.line();
            JsonNode v = e.value();
            Integer first = firstOfKey.putIfAbsent(e.key(), n);
            if (first != null && fields.get(first - 1).value().equals(v)) {
                repeats.add(new int[] {n, first});
                continue;
            }
            if (e.key().isBlank()) {
                // an entry without a key maps nothing, whatever its section (EntryProblem#keyless)
                String reason = "section '" + section + "' has an empty key (entry " + n + ")";
                reasonOf.put(n, reason);
                problems.add(new Codebook.EntryProblem(line, from, reason, false, true));
                continue;
            }
            if (!v.isTextual() || v.asText().isBlank()) {
                leftOut(
                        reasonOf,
                        n,
                        line,
                        from,
                        section + " entry " + n + " must map to a non-empty string, not "
                                + (v.isTextual() ? "a blank one" : "a " + v.getNodeType()));
                continue;
            }
            Target<V> t = check.check(n, e.key(), v.asText());
            if (t.problem() != null) {
                leftOut(reasonOf, n, line, from, t.problem());
                continue;
            }
            String key = Codebook.key(e.key());
            V previous = out.get(key);
            if (ambiguous.contains(key) || (previous != null && !previous.equals(t.value()))) {
                // labels map to canonical codes and actors to the three actors: both safe to name
                String targets = from == CodebookSection.MODIFIERS || previous == null
                        ? ""
                        : ": " + previous + " and " + t.value();
                int earliest = used.get(key).get(0);
                leftOut(
                        reasonOf,
                        n,
                        line,
                        from,
                        section + " entry " + n + " repeats the key of entry " + earliest
                                + " (keys are case-insensitive) with a different target" + targets
                                + "; neither is used");
                if (ambiguous.add(key)) {
                    out.remove(key);
                    for (int earlier : used.get(key)) {
                        leftOut(
                                reasonOf,
                                earlier,
                                lines.entry(section, earlier),
                                from,
                                section + " entry " + earlier + " has its key repeated by entry " + n
                                        + " with a different target; neither is used");
                    }
                }
                continue;
            }
            used.computeIfAbsent(key, k -> new java.util.ArrayList<>()).add(n);
            out.put(key, t.value());
        }
        for (int[] r : repeats) {
            // a repeat of an entry used is read once; of one left out, it shares that entry's reason
            String repeat = section + " entry " + r[0] + " repeats entry " + r[1] + " verbatim";
            String firstReason = reasonOf.get(r[1]);
            problems.add(new Codebook.EntryProblem(
                    fields.get(r[0] - 1).line(),
                    from,
                    firstReason == null
                            ? repeat + " (the same key and target)"
                            : repeat + ", which is not used: " + firstReason,
                    firstReason == null,
                    fields.get(r[0] - 1).key().isBlank()));
        }
        return out;
    }

    private void leftOut(Map<Integer, String> reasonOf, int entry, long line, CodebookSection from, String reason) {
        reasonOf.put(entry, reason);
        problem(line, from, reason);
    }

    private void problem(long line, CodebookSection from, String reason) {
        problems.add(new Codebook.EntryProblem(line, from, reason));
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

    /** One key of an object and its value; a modifier_values modifier's words as {@code members}. */
    record Field(String key, JsonNode value, long line, List<Field> members) {}

    /**
     * The entries of each section, from a second, streaming pass over the text: a tree keeps no
     * lines, and only one value of a key given twice.
     */
    private static final class Lines {
        final List<Long> top = new ArrayList<>();
        final Map<String, List<Field>> sections = new HashMap<>();

        int entries;

        static Lines of(String text, String sourceName) {
            Lines l = new Lines();
            Set<String> names = new HashSet<>();
            try (JsonParser p = JSON.createParser(text)) {
                p.nextToken(); // the top-level object, already checked
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String section = p.currentName();
                    if (!names.add(section)) {
                        throw fail(sourceName, "section given twice" + at(p.currentTokenLocation()));
                    }
                    l.top.add(line(p));
                    JsonToken t = p.nextToken();
                    boolean known = SECTIONS.contains(section);
                    if (!known || section.equals("description") || t != JsonToken.START_OBJECT) {
                        l.entries += known ? 0 : 1;
                        p.skipChildren();
                        continue;
                    }
                    List<Field> fields = new ArrayList<>();
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String key = p.currentName();
                        long line = line(p);
                        JsonToken v = p.nextToken();
                        List<Field> words = null;
                        if (section.equals("modifier_values") && v == JsonToken.START_OBJECT) {
                            words = new ArrayList<>();
                            while (p.nextToken() == JsonToken.FIELD_NAME) {
                                String word = p.currentName();
                                long wordLine = line(p);
                                p.nextToken();
                                words.add(new Field(word, value(p), wordLine, null));
                            }
                        }
                        fields.add(new Field(key, words == null ? value(p) : null, line, words));
                        l.entries += words == null ? 1 : words.size();
                    }
                    l.sections.put(section, fields);
                }
            } catch (IOException e) {
                // the tree was read from the same text: not reached
                throw new UncheckedIOException("reading JSON from memory failed", e);
            }
            return l;
        }

        /** The value the parser is at, read whole. */
        private static JsonNode value(JsonParser p) throws IOException {
            JsonNode v = JSON.readTree(p);
            return v == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : v;
        }

        private static long line(JsonParser p) {
            return Math.max(0, p.currentTokenLocation().getLineNr());
        }

        /** The entries of {@code section} in file order (empty when absent or not an object). */
        List<Field> fields(String section) {
            return sections.getOrDefault(section, List.of());
        }

        /** The line of entry {@code n} (1-based) of {@code section}; 0 when unknown. */
        long entry(String section, int n) {
            List<Field> l = fields(section);
            return n >= 1 && n <= l.size() ? l.get(n - 1).line() : 0;
        }

        /** The line of word {@code w} of modifier {@code m} (both 1-based); 0 when unknown. */
        long word(int m, int w) {
            List<Field> l = fields("modifier_values");
            if (m < 1 || m > l.size() || l.get(m - 1).members() == null) {
                return 0;
            }
            List<Field> ws = l.get(m - 1).members();
            return w >= 1 && w <= ws.size() ? ws.get(w - 1).line() : 0;
        }
    }
}
