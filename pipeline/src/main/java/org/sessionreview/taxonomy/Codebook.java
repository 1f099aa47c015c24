package org.sessionreview.taxonomy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.sessionreview.storage.Entry;
import org.sessionreview.storage.LocalEntry;
import org.sessionreview.storage.TextEncoding;

/**
 * Maps the labels, actor names and modifier names found in annotation files to the canonical
 * taxonomy. Immutable.
 *
 * <p><b>Labels.</b> A canonical code ({@link CodeTaxonomy}) always maps to itself, in any case
 * ({@code anx_str_sigh} is {@code ANX_STR_SIGH}) and cannot be remapped. Any other label maps only
 * through the {@code labels} section, case-insensitively, ignoring surrounding white space.
 *
 * <p><b>JSON shape</b> (every section optional; keys are matched case-insensitively):
 *
 * <pre>{@code
 * {
 *   "description": "free text, ignored",
 *   "labels":    {"sigh": "ANX_STR_SIGH", "minimal response": "RUP_W_MINIMAL"},
 *   "actors":    {"CL": "client", "Pat": "client", "TH": "therapist", "both": "dyad"},
 *   "modifiers": {"modifier_1": "significance", "sig": "significance"},
 *   "modifier_values": {"intensity": {"leicht": 1, "mittel": 2, "stark": 3}}
 * }
 * }</pre>
 *
 * <ul>
 *   <li>{@code labels}: label as written in a file (ELAN value, BORIS behaviour code, native
 *       {@code code}) to a canonical code (any case; stored upper-case).
 *   <li>{@code actors}: an ELAN tier id or participant, a BORIS subject, or a native {@code actor}
 *       value to {@code client}, {@code therapist} or {@code dyad}.
 *   <li>{@code modifiers}: renames a modifier key (for example BORIS export columns {@code
 *       Modifier #1}, read as {@code modifier_1}) to a key of this project such as {@code
 *       significance}. Targets must be identifiers ({@code [a-z][a-z0-9_]*}).
 *   <li>{@code modifier_values}: a site's words for a modifier's values ({@link ModifierValues}).
 * </ul>
 *
 * <p>Loading fails with a {@link CodebookException} naming the file and the problem when the JSON
 * is malformed ("not valid JSON at line L, column C"), has anything after the top-level object
 * ("trailing content after the JSON object at line L"), has duplicate keys or a section that is
 * not an object. An unusable entry (a section other than these four, a label mapped to a
 * non-canonical code, a canonical code remapped, an actor other than the three actors, a
 * non-string value) fails {@link #parse} (the run-wide codebook) and is left out with its line by
 * {@link #parseEntries} (a session's codebook: the other entries are used; {@link CodebookReader}).
 *
 * <p>Messages never quote the file's keys or values (site labels and actor names can be client
 * names): they name the section and the entry's position in it ("labels entry 3 maps to a value
 * that is not a canonical code") and quote only canonical codes and actors. A UTF-8 byte-order
 * mark is ignored.
 *
 * <p>Codebooks merge with {@link #overriddenBy(Codebook)}: a session's codebook overrides a
 * run-wide one entry by entry.
 */
public final class Codebook {

    /**
     * The reader of the JSON files people write by hand (codebooks, session.json): {@code //} and
     * {@code /* *}{@code /} comments and a comma before a closing bracket are read, as editors
     * and JSON5 allow; a key given twice in one object is an error (which value was meant is
     * unknown; {@link #isDuplicateKey}).
     */
    public static ObjectMapper handEditedJson() {
        return com.fasterxml.jackson.databind.json.JsonMapper.builder()
                .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_JAVA_COMMENTS)
                .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_TRAILING_COMMA)
                .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    /** Whether {@code e} is {@link #handEditedJson()}'s error for a key given twice. */
    public static boolean isDuplicateKey(JsonProcessingException e) {
        return e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field");
    }

    private static final Codebook EMPTY =
            new Codebook("(canonical codes only)", Map.of(), Map.of(), Map.of(), ModifierValues.NONE);

    private final String source;
    private final Map<String, String> labels;
    private final Map<String, Actor> actors;
    private final Map<String, String> modifiers;
    private final ModifierValues modifierValues;

    Codebook(
            String source,
            Map<String, String> labels,
            Map<String, Actor> actors,
            Map<String, String> modifiers,
            ModifierValues modifierValues) {
        this.source = source;
        this.labels = Collections.unmodifiableMap(new TreeMap<>(labels));
        this.actors = Collections.unmodifiableMap(new TreeMap<>(actors));
        this.modifiers = Collections.unmodifiableMap(new TreeMap<>(modifiers));
        this.modifierValues = modifierValues;
    }

    /** A codebook that knows only the canonical codes (no label, actor or modifier mappings). */
    public static Codebook canonicalOnly() {
        return EMPTY;
    }

    /**
     * Reads a codebook JSON file (UTF-8, or UTF-16 after a byte-order mark, or Windows-1252 as an
     * older Windows editor saves it: {@link TextEncoding}).
     *
     * @throws CodebookException when the file cannot be read or is not a valid codebook; the
     *     message names the file
     */
    public static Codebook load(Path file) {
        return load(file, file.toString());
    }

    /**
     * Reads a codebook JSON file ({@link TextEncoding}), naming it {@code sourceName} in messages (a session's
     * codebook by its path relative to the sessions root, so no absolute path reaches a reject).
     */
    public static Codebook load(Path file, String sourceName) {
        return load(LocalEntry.of(file), sourceName);
    }

    /** As {@link #load(Path, String)}, on any file system. */
    public static Codebook load(Entry file, String sourceName) {
        return parse(text(file, sourceName), sourceName);
    }

    private static String text(Entry file, String sourceName) {
        try {
            return TextEncoding.decode(file.readAllBytes());
        } catch (IOException e) {
            throw new CodebookException(
                    "codebook " + sourceName + ": cannot be read ("
                            + e.getClass().getSimpleName() + ")",
                    e);
        }
    }

    /**
     * Parses codebook JSON text; {@code sourceName} names it in error messages.
     *
     * @throws CodebookException when the text is not a valid codebook, or any entry of it is
     *     unusable (the first such entry is named; a key or word given twice, even with the same
     *     target, refuses it with its line: the run-wide codebook is strict)
     */
    public static Codebook parse(String json, String sourceName) {
        Loaded loaded = CodebookReader.read(json, sourceName);
        if (!loaded.problems().isEmpty()) {
            EntryProblem p = loaded.problems().get(0);
            // a verbatim repeat is harmless in a session's codebook; here it refuses the run
            throw new CodebookException("codebook " + sourceName + ": "
                    + (p.repeat()
                            ? "a key given twice at line " + p.line() + " (" + p.reason() + "); give each key once"
                            : p.reason()));
        }
        return loaded.codebook();
    }

    /**
     * Parses codebook JSON text entry by entry: an unusable entry (a label mapped to no canonical
     * code, an actor that is none of the three, a section's value that is not a string) is left
     * out and listed with its line, and the other entries are used.
     *
     * @throws CodebookException when the text as a whole is no codebook (not valid JSON, a section
     *     given twice, not an object, a section that is not an object)
     */
    public static Loaded parseEntries(String json, String sourceName) {
        return CodebookReader.read(json, sourceName);
    }

    /** As {@link #parseEntries(String, String)}, reading the file as {@link #load(Entry, String)} does. */
    public static Loaded loadEntries(Entry file, String sourceName) {
        return CodebookReader.read(text(file, sourceName), sourceName);
    }

    /**
     * A codebook read entry by entry.
     *
     * @param codebook the usable entries
     * @param entries how many entries the file holds (the unusable ones included)
     * @param problems the entries left out, in file order
     */
    public record Loaded(Codebook codebook, int entries, java.util.List<EntryProblem> problems) {}

    /**
     * An entry left out: its line (1-based; 0 when unknown), the section it came from, and why,
     * naming the section and the entry's position, never its key or value; {@code repeat} when it
     * repeats an earlier entry verbatim (that one is used, so the labels it maps are not lost);
     * {@code keyless} when the entry has an empty key (it would map nothing).
     */
    public record EntryProblem(long line, CodebookSection section, String reason, boolean repeat, boolean keyless) {
        /** An entry with a key left out as unusable (not as a repeat). */
        public EntryProblem(long line, CodebookSection section, String reason) {
            this(line, section, reason, false, false);
        }

        /** An entry with a key left out, as a repeat or not. */
        public EntryProblem(long line, CodebookSection section, String reason, boolean repeat) {
            this(line, section, reason, repeat, false);
        }

        /**
         * What leaving the entry out means for the session's annotations: its section's {@link
         * CodebookSection#consequence()}, or {@code it maps nothing} for an entry without a key
         * (a blank name is never looked up). Told by the section the
         * reader found the entry in, never by the reason's wording (before 2026-12-06 late, by
         * the reason's first word).
         */
        public String consequence() {
            return keyless ? CodebookSection.MAPS_NOTHING : section.consequence();
        }
    }

    static String key(String text) {
        return text.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * This codebook with {@code override}'s entries taking precedence, entry by entry (for each
     * label, actor name and modifier name). Typical use: {@code runWide.overriddenBy(session)}.
     */
    public Codebook overriddenBy(Codebook override) {
        Map<String, String> l = new TreeMap<>(labels);
        l.putAll(override.labels);
        Map<String, Actor> a = new TreeMap<>(actors);
        a.putAll(override.actors);
        Map<String, String> m = new TreeMap<>(modifiers);
        m.putAll(override.modifiers);
        return new Codebook(
                source + " overridden by " + override.source,
                l,
                a,
                m,
                modifierValues.overriddenBy(override.modifierValues));
    }

    /**
     * The canonical code for a label: the label itself when it is canonical (any case), else the
     * {@code labels} mapping (case-insensitive); empty when neither applies or the label is null.
     */
    public Optional<CanonicalCode> canonicalCode(String label) {
        if (label == null || label.isBlank()) {
            return Optional.empty();
        }
        Optional<CanonicalCode> self = CodeTaxonomy.lookup(label);
        if (self.isPresent()) {
            return self;
        }
        return Optional.ofNullable(labels.get(key(label))).flatMap(CodeTaxonomy::lookup);
    }

    /** The actor an actor name (tier, participant, subject) maps to, case-insensitively; empty if none. */
    public Optional<Actor> actor(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(actors.get(key(name)));
    }

    /**
     * The project's name for a modifier key: the {@code modifiers} mapping (case-insensitive), or
     * the key itself trimmed and lower-cased when it is not mapped.
     */
    public String modifierName(String key) {
        String k = key(key);
        return modifiers.getOrDefault(k, k);
    }

    /**
     * The project's value for a site's word for modifier {@code name} (after {@link #modifierName}),
     * from the {@code modifier_values} section; empty when the word is not mapped.
     */
    public Optional<String> modifierValue(String name, String word) {
        return modifierValues.map(name, word);
    }

    /** Where this codebook came from (file name, or a description of a merge). */
    public String source() {
        return source;
    }

    /** The label mappings, keys lower-cased, sorted. */
    public Map<String, String> labels() {
        return labels;
    }

    /** The actor mappings, keys lower-cased, sorted. */
    public Map<String, Actor> actors() {
        return actors;
    }

    /** The modifier renames, keys lower-cased, sorted. */
    public Map<String, String> modifiers() {
        return modifiers;
    }

    @Override
    public String toString() {
        return "Codebook{" + source + ": " + labels.size() + " labels, " + actors.size() + " actors, "
                + modifiers.size() + " modifiers}";
    }
}
