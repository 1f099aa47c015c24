package org.sessionreview.ingest.annotation;

import static org.sessionreview.ingest.annotation.NativeJsonMappers.ELEMENTS;
import static org.sessionreview.ingest.annotation.NativeJsonMappers.JSON;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sessionreview.ingest.ParseResult;

/**
 * The project's own annotation format, as JSON Lines ({@link Layout#JSONL}) or CSV with a header
 * row ({@link Layout#CSV}).
 *
 * <p>Fields (names case-insensitive):
 *
 * <ul>
 *   <li>{@code start}: required, seconds from media start (a JSON number or numeric text), &gt;= 0;
 *       text may also be a clock time ({@code 01:02.5}, {@code 00:01:02.500}, {@code
 *       00:01:02,500}), and in a CSV separated by {@code ;} or tabs seconds may have a decimal
 *       comma ({@code 62,5}: a table saved by a spreadsheet in a German or French locale); in a
 *       file whose numbers mostly use a decimal comma a dot groups thousands ({@code 1.300} is
 *       1300 s) and is refused anywhere else ({@link RecordFields#decimals})
 *   <li>{@code end}: optional seconds from media start, &gt;= start; absent, null or empty means a
 *       point event
 *   <li>{@code code}: required, the label (a canonical code or a codebook label)
 *   <li>{@code actor}: optional actor hint (client, therapist, dyad, or a name the codebook maps)
 *   <li>{@code note}, and any field whose name marks free text ({@link RecordFields#isFreeText},
 *       e.g. {@code comment}): the note, never a modifier
 *   <li>{@code significance} and every other field: modifiers (key lower-cased); empty or null
 *       values are dropped; in JSON they may also be members of a {@code modifiers} object
 *       ({@code "modifiers": {"significance": 3}}, the annotations table's own column)
 * </ul>
 *
 * <p>Other tools' names for these fields are read too ({@link NativeFieldNames}: {@code onset},
 * {@code offset}, {@code label}, {@code role}, {@code Start (s)}, {@code start_ms} in
 * milliseconds, ...), and a {@code duration} gives the end when no end is given (both given must
 * agree within 1 ms). Two other names for one field are refused (the CSV as a whole, at its
 * header; a JSON record on its own).
 *
 * <p>A JSON file holding one array of such objects (one per line or pretty-printed) is read too,
 * and so is a sequence of pretty-printed objects (what {@code jq .} makes of a JSON Lines file:
 * its first non-blank line is a lone <code>{</code>), each element a record numbered by the line
 * it starts on.
 *
 * <p>JSONL: one object per line (a UTF-8 byte-order mark opening a line, and a comma after a
 * line's object, are ignored); blank lines are skipped and are not records; a line that is not
 * valid JSON ("not valid JSON at line 3, column 14": Jackson's message is never used, it quotes
 * the token), holds anything else after its object, is not an object, or has an object (other than {@code modifiers}) or array as a field
 * value is rejected, and parsing
 * continues. CSV: the separator is sniffed (comma, semicolon or tab), the first non-blank row is
 * the header and must name {@code start} and {@code code}, blank rows are skipped, a row with
 * more cells than the header is rejected. Records come out in file order.
 */
public final class NativeAnnotationParser implements AnnotationParser {
    /** The two physical layouts of the native format. */
    public enum Layout {
        JSONL,
        CSV
    }

    /** Field names our contract defines: the only ones a reason may name. */
    private static final Set<String> CONTRACT = Set.of("start", "end", "code", "actor", "note");
    /** How far an end and a duration given together may disagree, seconds (1 ms: rounding). */
    private static final double DURATION_TOLERANCE_S = 1e-3;

    private final Layout layout;

    public NativeAnnotationParser(Layout layout) {
        this.layout = layout;
    }

    @Override
    public ParseResult<RawAnnotation> parse(byte[] content, String sourceFile, String sessionId) {
        ParseSink sink = new ParseSink(sourceFile, sessionId);
        String text = RecordFields.utf8(content);
        if (layout == Layout.JSONL) {
            parseJsonl(text, sink);
        } else {
            parseCsv(text, sink);
        }
        return sink.result();
    }

    private static void parseJsonl(String text, ParseSink sink) {
        if (text.stripLeading().startsWith("[")) {
            parseJsonValues(text, true, sink);
            return;
        }
        if (firstLineOpensAnObject(text)) {
            parseJsonValues(text, false, sink);
            return;
        }
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            long lineNo = i + 1;
            try {
                sink.accept(fromFields(
                        jsonFields(line, lineNo), "field", RecordFields.Decimals.POINT, sink.sourceFile(), lineNo));
            } catch (InvalidRecordException e) {
                sink.reject(lineNo, e.getMessage(), line);
            }
        }
    }

    /**
     * True when the first non-blank line is a lone {@code {}: no JSON Lines record (a line holds a
     * whole object), but what {@code jq .} or Python's {@code json.dumps(o, indent=2)} writes for
     * each object of a JSON Lines file, a pretty-printed sequence of objects.
     */
    private static boolean firstLineOpensAnObject(String text) {
        for (String line : text.lines().toList()) {
            if (!line.isBlank()) {
                return line.strip().equals("{");
            }
        }
        return false;
    }

    /**
     * A file holding one JSON array of event objects (what a script's {@code json.dump} of a list
     * writes, one object per line or pretty-printed; {@code array} true) or a sequence of
     * pretty-printed objects ({@code jq .} of a JSON Lines file; {@code array} false): each
     * element is a record, numbered by the line it starts on. An element that is not an object,
     * or has an object (other than {@code modifiers}) or array as a field value, is rejected and the
     * next is read; invalid JSON
     * rejects the rest of the file as one record at the line of the error (nothing after it can be
     * delimited).
     */
    private static void parseJsonValues(String text, boolean array, ParseSink sink) {
        String what = array ? "array element" : "value";
        try (JsonParser p = ELEMENTS.getFactory().createParser(text)) {
            if (array) {
                p.nextToken(); // START_ARRAY
            }
            for (JsonToken t = p.nextToken(); t != null && t != JsonToken.END_ARRAY; t = p.nextToken()) {
                long lineNo = p.currentTokenLocation().getLineNr();
                try {
                    if (t != JsonToken.START_OBJECT) {
                        ELEMENTS.readTree(p);
                        throw new InvalidRecordException(what + " is not a JSON object");
                    }
                    Map<String, String> fields = JsonObjectFields.read(p, ELEMENTS, NativeAnnotationParser::nameable);
                    sink.accept(fromFields(fields, "field", RecordFields.Decimals.POINT, sink.sourceFile(), lineNo));
                } catch (InvalidRecordException e) {
                    sink.reject(lineNo, e.getMessage(), null);
                }
            }
            if (array) {
                RecordFields.requireEnd(p);
            }
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            sink.reject(
                    loc == null ? 0 : Math.max(0, loc.getLineNr()),
                    RecordFields.jsonProblem(e, 0) + ": the rest of the " + (array ? "JSON array" : "file")
                            + " is not read",
                    null);
        } catch (InvalidRecordException e) {
            sink.reject(0, e.getMessage(), null);
        } catch (java.io.IOException e) {
            sink.reject(
                    0,
                    "cannot read the JSON " + (array ? "array" : "values") + " ("
                            + e.getClass().getSimpleName() + ")",
                    null);
        }
    }

    private static Map<String, String> jsonFields(String raw, long lineNo) throws InvalidRecordException {
        // a byte-order mark opening a later line: files joined by cat, the second saved with one
        String line = raw.startsWith("\uFEFF") ? raw.substring(1) : raw;
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            String s = line.stripTrailing();
            node = s.endsWith(",") ? withoutSeparator(s.substring(0, s.length() - 1)) : null;
            if (node == null) {
                // never Jackson's message: it quotes the offending token
                throw new InvalidRecordException(RecordFields.jsonProblem(e, lineNo - 1));
            }
            line = s.substring(0, s.length() - 1);
        }
        if (node == null || !node.isObject()) {
            throw new InvalidRecordException("line is not a JSON object");
        }
        // the tree has kept one value of a field given twice: read the fields again, token by token
        try (JsonParser p = ELEMENTS.getFactory().createParser(line)) {
            p.nextToken();
            return JsonObjectFields.read(p, ELEMENTS, NativeAnnotationParser::nameable);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("a line read once failed to read again", e);
        }
    }

    /**
     * The object of a line that ended with a comma (the elements of a JSON array pasted as JSON
     * Lines: the comma separates, it holds nothing), or null when the rest is no JSON object.
     */
    private static JsonNode withoutSeparator(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            return node != null && node.isObject() ? node : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /**
     * Field names a reason may quote: the contract's, other tools' names for them ({@link
     * NativeFieldNames}), {@code modifiers} and the allowed modifiers'.
     */
    private static boolean nameable(String key) {
        return CONTRACT.contains(key)
                || ModifierPolicy.isAllowedKey(key)
                || key.equals(JsonObjectFields.MODIFIERS)
                || NativeFieldNames.quotable(key);
    }

    private static void parseCsv(String text, ParseSink sink) {
        // rows may leave out trailing empty cells here, so a short last row is cut only where
        // every other row is whole
        DelimitedTable table = DelimitedTable.read(text).readingCutRowIfRowsVary();
        List<String> header = null;
        long headerLine = 0;
        long unnamedValues = 0;
        RecordFields.Decimals decimals = RecordFields.Decimals.POINT;
        for (int i = 0; i < table.rows().size(); i++) {
            DelimitedTable.Row row = table.rows().get(i);
            if (row.isBlank()) {
                continue;
            }
            if (header != null) {
                unnamedValues += UnnamedColumns.values(header, row);
            }
            if (header == null) {
                headerLine = row.line();
                header = row.cells().stream()
                        .map(c -> c.trim().toLowerCase(Locale.ROOT))
                        .toList();
                decimals = RecordFields.decimals(table.separator(), table.cellsBelow(i));
                if (!NativeFieldNames.namesStartAndCode(header)) {
                    sink.reject(
                            row.line(),
                            "native CSV header must name the columns 'start' and 'code' (or another name for"
                                    + " them, e.g. 'onset' and 'label'); found "
                                    + row.cells().size()
                                    + " columns without them",
                            row.raw());
                    return;
                }
                try {
                    NativeFieldNames.resolve(header);
                    requireDistinctNames(header);
                } catch (InvalidRecordException e) {
                    sink.reject(row.line(), "native CSV header: " + e.getMessage(), row.raw());
                    return;
                }
                continue;
            }
            try {
                if (row.cells().size() > header.size()) {
                    throw new InvalidRecordException(
                            "row has " + row.cells().size() + " cells but the header has " + header.size());
                }
                Map<String, String> fields = new LinkedHashMap<>();
                for (int c = 0; c < header.size(); c++) {
                    fields.putIfAbsent(header.get(c), row.cell(c));
                }
                sink.accept(fromFields(fields, "column", decimals, sink.sourceFile(), row.line()));
            } catch (InvalidRecordException e) {
                sink.reject(row.line(), e.getMessage(), row.raw());
            }
        }
        if (unnamedValues > 0) {
            // one note, counted as one record, as for modifier values dropped by the allow-list
            sink.reject(headerLine, UnnamedColumns.reason(header, unnamedValues), null);
        }
        table.rejectFaults(sink);
    }

    /**
     * A header naming a column twice ({@code significance} and {@code Significance}) is refused:
     * which value is meant is unknown. A vocabulary name (contract field or allowed modifier) is
     * quoted; any other is named by position, since a header cell may be free text.
     */
    private static void requireDistinctNames(List<String> header) throws InvalidRecordException {
        for (int c = 1; c < header.size(); c++) {
            String name = header.get(c);
            int earlier = name.isEmpty() ? -1 : header.subList(0, c).indexOf(name);
            if (earlier >= 0) {
                throw new InvalidRecordException(
                        (nameable(name) ? "'" + name + "'" : "column " + (c + 1)) + " repeats the name of column "
                                + (earlier + 1) + " (which one is meant is unknown): keep one");
            }
        }
    }

    /** The text of native field {@code field} (null when absent). */
    private static String value(Map<String, String> fields, Map<String, NativeFieldNames.Source> names, String field) {
        NativeFieldNames.Source s = names.get(field);
        return s == null ? null : fields.get(s.written());
    }

    /**
     * Native time field {@code field} in seconds: a number or clock time, or a number of
     * milliseconds under a name ending in {@code _ms}; a reason names the field as written (a
     * name of {@link NativeFieldNames}' vocabulary).
     */
    private static double time(
            Map<String, String> fields,
            Map<String, NativeFieldNames.Source> names,
            String field,
            RecordFields.Decimals decimals)
            throws InvalidRecordException {
        NativeFieldNames.Source s = names.get(field);
        String label = s == null ? field : s.normalised();
        String text = s == null ? null : fields.get(s.written());
        if (s == null || s.toSeconds() == 1.0) {
            return RecordFields.parseTime(label, text, decimals);
        }
        if (!RecordFields.isMissing(text) && text.indexOf(':') >= 0) {
            throw new InvalidRecordException("field " + label + " is in milliseconds but holds a clock time");
        }
        return RecordFields.parseTime(label, text, decimals) * s.toSeconds();
    }

    /**
     * Builds a record from lower-cased field names to text values (null = absent); {@code noun} is
     * "field" (JSON Lines) or "column" (CSV), for reasons.
     */
    private static RawAnnotation fromFields(
            Map<String, String> fields, String noun, RecordFields.Decimals decimals, String sourceFile, long line)
            throws InvalidRecordException {
        Map<String, NativeFieldNames.Source> names = NativeFieldNames.resolve(fields.keySet());
        String code = value(fields, names, "code");
        if (RecordFields.isMissing(code)) {
            throw new InvalidRecordException("missing required field 'code'");
        }
        double start = time(fields, names, "start", decimals);
        Double end = names.containsKey("end") && !RecordFields.isMissing(value(fields, names, "end"))
                ? time(fields, names, "end", decimals)
                : null;
        if (names.containsKey("duration") && !RecordFields.isMissing(value(fields, names, "duration"))) {
            double duration = time(fields, names, "duration", decimals);
            if (!(duration >= 0)) {
                throw new InvalidRecordException("duration " + duration + " is negative or not a number");
            }
            if (end == null) {
                end = start + duration;
            } else if (Math.abs(end - start - duration) > DURATION_TOLERANCE_S) {
                throw new InvalidRecordException(
                        "end " + end + " and duration " + duration + " disagree (start " + start + ")");
            }
        }
        RecordFields.checkInterval(start, end);
        RawAnnotation.Builder b = RawAnnotation.builder(sourceFile, line)
                .times(start, end)
                .label(code.trim())
                .labelSource(noun + " code")
                .actorHint(RecordFields.isMissing(value(fields, names, "actor")) ? null : value(fields, names, "actor"))
                .actorSource(noun + " actor");
        java.util.Set<String> used = new java.util.HashSet<>();
        names.values().forEach(n -> used.add(n.written()));
        for (Map.Entry<String, String> f : fields.entrySet()) {
            String key = f.getKey();
            if (used.contains(key)) {
                continue;
            }
            if (RecordFields.isFreeText(key)) {
                b.note(f.getValue());
            } else if (!RecordFields.isMissing(f.getValue())) {
                // an NA cell (R, BORIS) is a value not coded, not one outside the allow-list
                b.modifier(key, f.getValue());
            }
        }
        return b.build();
    }
}
