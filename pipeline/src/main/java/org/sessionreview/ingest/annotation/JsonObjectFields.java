package org.sessionreview.ingest.annotation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The fields of one JSON object (a native annotation record), read token by token so that a
 * field given twice is seen: a tree keeps only one of the values, and which one was meant is
 * unknown. Names are trimmed and lower-cased, so {@code Code} and {@code code} are the same
 * field. A {@value #MODIFIERS} object ({@code "modifiers": {"significance": 3}}, the shape of the
 * annotations table's own {@code modifiers} column) gives its members as modifiers, as if each
 * were a field of the record; a member naming a field of the record ({@code start}, {@code
 * code}, a note, ...) is refused. Any other field whose value is an object or an array, or a field
 * given twice (also {@value #MODIFIERS}, whose two objects would otherwise merge), rejects the record; the object is read to its end either way, so the next record
 * starts where it should.
 */
final class JsonObjectFields {
    /** The field whose object holds modifiers. */
    static final String MODIFIERS = "modifiers";

    private JsonObjectFields() {}

    /**
     * @param p positioned on the object's {@code START_OBJECT}; left on its {@code END_OBJECT}
     * @param scalars reads one scalar value (its text as a tree gives it)
     * @param nameable names a reason may quote (the format's vocabulary); any other field is named
     *     by its position, since a key may be free text
     * @return each field's value as text (null for JSON null), in file order; the members of a
     *     {@value #MODIFIERS} object in its place
     */
    static Map<String, String> read(JsonParser p, ObjectMapper scalars, Predicate<String> nameable)
            throws IOException, InvalidRecordException {
        Map<String, String> fields = new LinkedHashMap<>();
        String problem = null;
        int position = 0;
        boolean modifiersSeen = false;
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String key = p.currentName().trim().toLowerCase(Locale.ROOT);
            position++;
            JsonToken v = p.nextToken();
            String found;
            if (key.equals(MODIFIERS) && modifiersSeen) {
                // a second modifiers object (or one beside a modifiers text) would merge into the
                // first: which coder's attributes are meant is unknown, as for any field given twice
                p.skipChildren();
                found = "field " + MODIFIERS + " is given twice (which value is meant is unknown)";
            } else if (v == JsonToken.START_OBJECT && key.equals(MODIFIERS)) {
                found = readModifiers(p, scalars, nameable, fields);
            } else {
                found = put(p, v, scalars, nameable.test(key) ? "field " + key : unnamed(position), key, fields);
            }
            modifiersSeen |= key.equals(MODIFIERS);
            problem = problem == null ? found : problem;
        }
        if (problem != null) {
            throw new InvalidRecordException(problem);
        }
        return fields;
    }

    private static String unnamed(int position) {
        return "field number " + position + " of the object (its name is none of the format's, so not quoted)";
    }

    /** The members of a {@value #MODIFIERS} object into {@code fields}; the first problem, or null. */
    private static String readModifiers(
            JsonParser p, ObjectMapper scalars, Predicate<String> nameable, Map<String, String> fields)
            throws IOException {
        String problem = null;
        int position = 0;
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String key = p.currentName().trim().toLowerCase(Locale.ROOT);
            position++;
            String which =
                    (nameable.test(key) ? "member " + key : "member number " + position) + " of field " + MODIFIERS;
            JsonToken v = p.nextToken();
            String found;
            if (NativeFieldNames.of(key).isPresent() || RecordFields.isFreeText(key) || key.equals(MODIFIERS)) {
                p.skipChildren();
                found = which + " is a field of the record, not a modifier: give it beside " + MODIFIERS;
            } else {
                found = put(p, v, scalars, which, key, fields);
            }
            problem = problem == null ? found : problem;
        }
        return problem;
    }

    /**
     * Puts the value {@code p} is on ({@code v}) into {@code fields} under {@code key}; returns why
     * it cannot be (an object or array, a key already given), naming it {@code which}, or null.
     */
    private static String put(
            JsonParser p, JsonToken v, ObjectMapper scalars, String which, String key, Map<String, String> fields)
            throws IOException {
        if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
            p.skipChildren();
            return which + " holds a JSON " + (v == JsonToken.START_ARRAY ? "array" : "object")
                    + "; expected a number or text";
        }
        JsonNode value = scalars.readTree(p);
        if (fields.containsKey(key)) {
            return which + " is given twice (which value is meant is unknown)";
        }
        // NaN (Python's json.dumps of a missing float, read as a number) is missing, as null is
        boolean nan = value != null && value.isNumber() && Double.isNaN(value.asDouble());
        fields.put(key, value == null || value.isNull() || nan ? null : value.asText());
        return null;
    }
}
