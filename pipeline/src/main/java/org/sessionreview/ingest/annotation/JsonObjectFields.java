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
 * The fields of one flat JSON object (a native annotation record), read token by token so that a
 * field given twice is seen: a tree keeps only one of the values, and which one was meant is
 * unknown. Names are trimmed and lower-cased, so {@code Code} and {@code code} are the same
 * field. A field whose value is an object or an array, or a field given twice, rejects the
 * record; the object is read to its end either way, so the next record starts where it should.
 */
final class JsonObjectFields {
    private JsonObjectFields() {}

    /**
     * @param p positioned on the object's {@code START_OBJECT}; left on its {@code END_OBJECT}
     * @param scalars reads one scalar value (its text as a tree gives it)
     * @param nameable names a reason may quote (the contract's and the allowed modifiers'); any
     *     other field is named by its position, since a key may be free text
     * @return each field's value as text (null for JSON null), in file order
     */
    static Map<String, String> read(JsonParser p, ObjectMapper scalars, Predicate<String> nameable)
            throws IOException, InvalidRecordException {
        Map<String, String> fields = new LinkedHashMap<>();
        String problem = null;
        int position = 0;
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String key = p.currentName().trim().toLowerCase(Locale.ROOT);
            position++;
            String which = nameable.test(key) ? "field " + key : "field number " + position + " of the object";
            JsonToken v = p.nextToken();
            if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
                p.skipChildren();
                if (problem == null) {
                    problem = which + " holds a JSON " + (v == JsonToken.START_ARRAY ? "array" : "object")
                            + "; expected a plain value";
                }
                continue;
            }
            JsonNode value = scalars.readTree(p);
            if (fields.containsKey(key)) {
                if (problem == null) {
                    problem = which + " is given twice (which value is meant is unknown)";
                }
                continue;
            }
            fields.put(key, value == null || value.isNull() ? null : value.asText());
        }
        if (problem != null) {
            throw new InvalidRecordException(problem);
        }
        return fields;
    }
}
