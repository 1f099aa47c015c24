package org.sessionreview.ingest.session;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Parses and validates {@code session.json} (the contract is in the README). Every problem is
 * reported at once, with the field name, so a site can fix the file in one go.
 *
 * <p>Messages never quote values from the file (it holds the client identifier and names):
 * invalid JSON is reported as "not valid JSON at line L, column C" (never Jackson's message, which
 * quotes the offending token), a field given twice as "a field given twice ... at line L, column
 * C" without its name, anything after the top-level object as "trailing content after the
 * JSON object at line L", and field problems by field name and kind only. A UTF-8 byte-order mark
 * is ignored, and so are comments and trailing commas ({@link
 * org.sessionreview.taxonomy.Codebook#handEditedJson()}). Path-valued fields ({@code wearables} folders and zips, each role's one or a list of parts, {@code annotations} entries, {@code
 * codebook}) must be relative paths inside the session folder: empty names, absolute paths ({@code
 * /x}, {@code \x}, {@code C:\x}, {@code C:x}), {@code ..} segments and NUL characters are errors
 * (symbolic links are checked by the ingestor).
 */
public final class SessionManifestParser {
    /**
     * Hand-edited JSON: {@code //} and {@code /* *}{@code /} comments and a comma before a closing
     * bracket are read; a field given twice is an error (which value was meant is unknown).
     */
    private static final ObjectMapper MAPPER = org.sessionreview.taxonomy.Codebook.handEditedJson();

    private static final Set<String> KNOWN = Set.of(
            "session_id",
            "therapist_id",
            "client_id",
            "session_number",
            "media_start",
            "wearables",
            "annotations",
            "consent",
            "duration_s",
            "codebook");

    /** Thrown when session.json is unusable; {@link #line()} is 0 when no position is known. */
    public static final class InvalidManifestException extends Exception {
        private final long line;

        InvalidManifestException(String message, long line) {
            super(message);
            this.line = line;
        }

        public long line() {
            return line;
        }
    }

    /** A comma before the fraction of a second, which ISO 8601 allows ({@code date --iso-8601=ns}). */
    private static final java.util.regex.Pattern COMMA_FRACTION =
            java.util.regex.Pattern.compile("([Tt]\\d{2}:\\d{2}:\\d{2}),(?=\\d)");
    /** A space between date and time: RFC 3339's allowed variant, Python's {@code str(datetime)}. */
    private static final java.util.regex.Pattern SPACE_BEFORE_TIME =
            java.util.regex.Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}) (?=\\d{2}:)");
    /** An offset without a colon ({@code +0100}): {@code date +%FT%T%z}, strftime {@code %z}. */
    private static final java.util.regex.Pattern BASIC_OFFSET =
            java.util.regex.Pattern.compile("([+-]\\d{2})(\\d{2})$");

    /** media_start must not be before this: no session of this project was recorded earlier. */
    static final java.time.Instant EARLIEST_MEDIA_START = java.time.Instant.parse("1990-01-01T00:00:00Z");
    /** media_start must be before this (2100-01-01T00:00Z, as E4 start times without a media start). */
    static final java.time.Instant LATEST_MEDIA_START = java.time.Instant.parse("2100-01-01T00:00:00Z");

    private SessionManifestParser() {}

    /**
     * Why {@code mediaStart} is no plausible date of a recorded session (before 1990 or from 2100
     * on), or null; session.json and a live {@code session_start} use the same bounds.
     */
    public static String implausibleMediaStart(OffsetDateTime mediaStart) {
        if (mediaStart.toInstant().isBefore(EARLIEST_MEDIA_START)
                || !mediaStart.toInstant().isBefore(LATEST_MEDIA_START)) {
            return "media_start is in the year "
                    + mediaStart.toInstant().atOffset(java.time.ZoneOffset.UTC).getYear()
                    + ", no plausible date of a recorded session (1990 to 2099 expected): a mistyped year?";
        }
        return null;
    }

    /**
     * media_start as an instant: ISO-8601 extended date and time with an offset ({@code
     * 2026-03-02T10:00:00+01:00}, {@code Z}, fractions of a second, any case), also with a space
     * instead of {@code T} or an offset written without a colon ({@code +0100}). A time without an
     * offset stays an error: its instant is unknown.
     */
    static OffsetDateTime parseMediaStart(String text) {
        String t = SPACE_BEFORE_TIME.matcher(text).replaceFirst("$1T");
        t = BASIC_OFFSET.matcher(t).replaceFirst("$1:$2");
        t = COMMA_FRACTION.matcher(t).replaceFirst("$1.");
        return OffsetDateTime.parse(t);
    }

    /**
     * The {@code session_id} of a manifest's text as {@link #parse} would read it (comments,
     * trailing commas, a whole number), even when the manifest has other problems; empty when
     * there is none to read. The sessions scan uses it to find two folders of one session.
     */
    public static java.util.Optional<String> peekSessionId(String json) {
        String text = json.startsWith("\uFEFF") ? json.substring(1) : json;
        try {
            JsonNode root = MAPPER.readTree(text);
            if (root == null || !root.isObject()) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.ofNullable(requiredText(root, "session_id", new ArrayList<>()));
        } catch (JsonProcessingException e) {
            return java.util.Optional.empty(); // parse reports the broken manifest with its line
        }
    }

    /** Parses {@code json} (the file's text). */
    public static SessionManifest parse(String json) throws InvalidManifestException {
        String text = json.startsWith("\uFEFF") ? json.substring(1) : json;
        if (text.isBlank()) {
            throw new InvalidManifestException("session.json is empty (a copy or save that never finished?)", 0);
        }
        if (text.replace("\0", "").isBlank()) {
            throw new InvalidManifestException("session.json holds only NUL bytes (a zeroed disk block?)", 0);
        }
        JsonNode root;
        try (JsonParser p = MAPPER.createParser(text)) {
            try {
                root = MAPPER.readTree(p);
            } catch (JsonProcessingException e) {
                // never Jackson's message: it quotes the offending token (an unquoted client_id, say)
                throw problem(
                        org.sessionreview.taxonomy.Codebook.isDuplicateKey(e)
                                ? "a field given twice (which value is meant is unknown)"
                                : "not valid JSON",
                        e.getLocation());
            }
            try {
                if (root != null && p.nextToken() != null) {
                    throw problem("trailing content after the JSON object", p.currentTokenLocation());
                }
            } catch (JsonProcessingException e) {
                throw problem("trailing content after the JSON object", e.getLocation());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading JSON from memory failed", e);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidManifestException("session.json must hold a JSON object", 1);
        }
        List<String> errors = new ArrayList<>();
        String sessionId = requiredText(root, "session_id", errors);
        String therapistId = requiredText(root, "therapist_id", errors);
        String clientId = requiredText(root, "client_id", errors);
        int sessionNumber = 0;
        JsonNode num = quotedNumber(root.get("session_number"));
        if (num == null || num.isNull()) {
            errors.add("missing required field 'session_number'");
        } else if (!wholeNumber(num) || num.asInt() < 1) {
            errors.add("'session_number' must be an integer >= 1, got " + describe(num));
        } else {
            sessionNumber = num.asInt();
        }
        OffsetDateTime mediaStart = null;
        String ms = requiredText(root, "media_start", errors);
        if (ms != null) {
            try {
                mediaStart = parseMediaStart(ms);
                String implausible = implausibleMediaStart(mediaStart);
                if (implausible != null) {
                    // every wearable file would then be rejected as far from it, and every window misplaced
                    errors.add(implausible);
                    mediaStart = null;
                }
            } catch (DateTimeParseException e) {
                errors.add("media_start is not an ISO-8601 instant with offset (e.g. 2026-03-02T10:00:00+01:00)");
            }
        }
        Map<org.sessionreview.model.Role, List<String>> wearables = ManifestPaths.wearables(root, errors);
        List<String> annotations = ManifestPaths.annotations(root, errors);
        boolean[] consent = consent(root, errors);
        Double durationS = null;
        JsonNode d = quotedNumber(root.get("duration_s"));
        if (d != null && !d.isNull()) {
            if (!d.isNumber() || d.asDouble() <= 0) {
                errors.add("'duration_s' must be a positive number of seconds, got " + describe(d));
            } else if (d.asDouble() < SessionManifest.MIN_DURATION_S) {
                errors.add("'duration_s' is " + describe(d) + " s, shorter than "
                        + (long) SessionManifest.MIN_DURATION_S + " s: no session video is that short"
                        + " (seconds are expected)");
            } else if (!(d.asDouble() <= SessionManifest.MAX_DURATION_S)) {
                // infinite or beyond 24 h: a damaged or mistyped value, never a session
                errors.add("'duration_s' is " + (Double.isInfinite(d.asDouble()) ? "infinite" : describe(d) + " s")
                        + ", longer than the longest plausible session ("
                        + (long) SessionManifest.MAX_DURATION_S + " s = 24 h)"
                        + (d.asDouble() / 1000 <= SessionManifest.MAX_DURATION_S
                                ? ": milliseconds? Seconds are expected"
                                : ""));
            } else {
                durationS = d.asDouble();
            }
        }
        String codebook = null;
        JsonNode cb = root.get("codebook");
        if (cb != null && !cb.isNull()) {
            if (!cb.isTextual() || !ManifestPaths.isInsideFolder(cb.asText())) {
                errors.add("codebook must be a file name inside the session folder (no '..', no absolute path)");
            } else {
                codebook = cb.asText();
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidManifestException(fieldsFirst(errors), 0);
        }
        ObjectNode extra = MAPPER.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!KNOWN.contains(e.getKey())) {
                extra.set(e.getKey(), e.getValue());
            }
        }
        return new SessionManifest(
                sessionId,
                therapistId,
                clientId,
                sessionNumber,
                mediaStart,
                wearables,
                annotations,
                consent[0],
                consent[1],
                durationS,
                codebook,
                extra.toString());
    }

    /** The field a problem text names first: {@code 'x'}, {@code missing required field 'x'} or {@code x ...}. */
    private static final java.util.regex.Pattern PROBLEM_FIELD =
            java.util.regex.Pattern.compile("(?:missing required field )?'?([A-Za-z_][A-Za-z0-9_.]*(?:\\[\\d+])?)");

    /**
     * All problems joined by {@code "; "}; with two or more, led by how many and which fields
     * (sorted, each once: {@code "4 problems (client_id, duration_s, media_start, session_number): "}),
     * so that a reason cut at {@link org.sessionreview.model.Reject#REASON_MAX_CHARS} still says every
     * field to fix.
     */
    static String fieldsFirst(List<String> errors) {
        String details = String.join("; ", errors);
        if (errors.size() < 2) {
            return details;
        }
        java.util.SortedSet<String> fields = new java.util.TreeSet<>();
        for (String e : errors) {
            java.util.regex.Matcher m = PROBLEM_FIELD.matcher(e);
            if (m.lookingAt()) {
                fields.add(m.group(1));
            }
        }
        return errors.size() + " problems (" + String.join(", ", fields) + "): " + details;
    }

    /** "what at line L, column C", with the line kept for the reject. */
    private static InvalidManifestException problem(String what, JsonLocation loc) {
        long line = loc == null ? 0 : Math.max(0, loc.getLineNr());
        String where =
                line > 0 ? " at line " + line + (loc.getColumnNr() > 0 ? ", column " + loc.getColumnNr() : "") : "";
        return new InvalidManifestException(what + where, line);
    }

    /** A plain decimal number written as a JSON string ({@code "1560"}, {@code " 3 "}). */
    private static final java.util.regex.Pattern QUOTED_NUMBER =
            java.util.regex.Pattern.compile("\\s*\\d{1,15}(\\.\\d{1,15})?\\s*");

    /**
     * {@code n}, or the number a string holds when it is a plain decimal number: a hand-written
     * {@code "duration_s": "1560"} means 1560 s, nothing else.
     */
    /**
     * An int-sized whole number: {@code 3}, and also {@code 3.0}, as a table tool writes an integer
     * column that held a missing value (pandas, R); not {@code 3.5}.
     */
    private static boolean wholeNumber(JsonNode n) {
        return n.isNumber()
                && n.canConvertToInt()
                && (n.isIntegralNumber() || n.doubleValue() == Math.rint(n.doubleValue()));
    }

    private static JsonNode quotedNumber(JsonNode n) {
        if (n == null || !n.isTextual() || !QUOTED_NUMBER.matcher(n.asText()).matches()) {
            return n;
        }
        String t = n.asText().trim();
        return t.contains(".")
                ? com.fasterxml.jackson.databind.node.DoubleNode.valueOf(Double.parseDouble(t))
                : com.fasterxml.jackson.databind.node.LongNode.valueOf(Long.parseLong(t));
    }

    /** The value when it is a number (safe to quote), else only its JSON type. */
    private static String article(String noun) {
        return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }

    private static String describe(JsonNode n) {
        return n.isNumber() ? n.toString() : "a " + n.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private static String requiredText(JsonNode root, String field, List<String> errors) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            errors.add("missing required field '" + field + "'");
            return null;
        }
        if (n.isIntegralNumber() && n.bigIntegerValue().signum() >= 0) {
            // a record number written without quotes ("client_id": 12345), of any length: its
            // digits (a 20-digit number is no long, but still the same identifier)
            return n.bigIntegerValue().toString();
        }
        if (!n.isTextual() || n.asText().isBlank()) {
            // never the value: an identifier is protected health information
            errors.add("'" + field + "' must be a non-empty string, got "
                    + (n.isTextual()
                            ? "a blank string"
                            : article(n.getNodeType().name().toLowerCase(Locale.ROOT))));
            return null;
        }
        return n.asText().trim();
    }

    private static boolean[] consent(JsonNode root, List<String> errors) {
        boolean[] out = new boolean[2];
        JsonNode c = root.get("consent");
        if (c == null || c.isNull()) {
            errors.add("missing required field 'consent' ({\"supervision\": bool, \"research\": bool})");
            return out;
        }
        String[] keys = {"supervision", "research"};
        for (int i = 0; i < keys.length; i++) {
            JsonNode v = c.get(keys[i]);
            if (v == null || !v.isBoolean()) {
                errors.add("'consent." + keys[i] + "' must be true or false");
            } else {
                out[i] = v.asBoolean();
            }
        }
        return out;
    }
}
