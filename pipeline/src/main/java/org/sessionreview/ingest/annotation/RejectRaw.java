package org.sessionreview.ingest.annotation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sessionreview.model.Reject;
import org.sessionreview.taxonomy.Actor;
import org.sessionreview.taxonomy.CodeTaxonomy;

/**
 * The {@link Reject#raw} text of a rejected annotation record, with everything that can carry an
 * identity or free text removed. Annotation records hold client names (subjects, actors, tier
 * ids), notes and site labels, so only what our contract defines survives:
 *
 * <ul>
 *   <li>a JSON object (a native JSON Lines record) keeps the fields {@code start}, {@code end},
 *       {@code code}, {@code actor}, other tools' names for them and {@code duration} ({@link
 *       NativeFieldNames}, judged as the field they stand for) and the allowed modifier keys
 *       ({@link ModifierPolicy}); null stays; a time ({@code start}, {@code end}, {@code
 *       duration}) stays when it is a number (or number text); any other value stays only when it
 *       is a canonical code, an actor ({@code client}, {@code therapist}, {@code dyad}) or an
 *       allowed modifier value ({@code "significance": 3}), and is otherwise replaced by {@value
 *       #WITHHELD_VALUE} (a number in an actor field may be a client's record number); every other
 *       field is dropped;
 *   <li>any other text (a delimited row, an XML element, a BORIS project event) is withheld
 *       entirely ({@value #WITHHELD}): the file and line locate the record.
 * </ul>
 *
 * <p>Redacting twice gives the same text.
 */
public final class RejectRaw {
    /** What {@link Reject#raw} says when the whole text is withheld. */
    public static final String WITHHELD = "[raw text withheld: annotation records may hold names and free text]";
    /** What replaces a withheld JSON text value. */
    public static final String WITHHELD_VALUE = "[withheld]";

    private static final Set<String> CONTRACT_FIELDS = Set.of("start", "end", "code", "actor");
    /** The fields whose numbers stay: times, never an identity. */
    private static final Set<String> TIMES = Set.of("start", "end", "duration");

    /** Reads what the parser reads, {@code NaN} tokens included ({@link NativeJsonMappers}). */
    private static final ObjectMapper MAPPER = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private RejectRaw() {}

    /** The redacted form of {@code raw}; null and blank text stay as they are. */
    public static String redact(String raw) {
        if (raw == null || raw.isBlank() || raw.equals(WITHHELD)) {
            return raw;
        }
        String t = raw.trim();
        if (t.startsWith("{")) {
            try {
                JsonNode n = MAPPER.readTree(t);
                if (n instanceof ObjectNode o) {
                    return Reject.cut(redactObject(o).toString());
                }
            } catch (IOException e) {
                // not parseable: we cannot tell which parts are safe, so withhold it
            }
        }
        return WITHHELD;
    }

    private static ObjectNode redactObject(ObjectNode in) {
        ObjectNode out = MAPPER.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = in.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey().trim().toLowerCase(Locale.ROOT);
            if (!NativeFieldNames.isPrintableAscii(key)) {
                continue; // "мария label" normalises to label: the name would stay in raw
            }
            // another tool's name for a native field (onset, label, ...) is judged as that field
            String field =
                    NativeFieldNames.of(key).map(NativeFieldNames.Field::name).orElse(key);
            if (!CONTRACT_FIELDS.contains(field) && !field.equals("duration") && !ModifierPolicy.isAllowedKey(key)) {
                continue;
            }
            JsonNode v = e.getValue();
            if (v.isNull() || (v.isNumber() || v.isBoolean()) && TIMES.contains(field)) {
                out.set(key, v);
            } else if (v.isNumber() || v.isBoolean()) {
                // a number in an actor or code field may be a record number: only an allowed value stays
                out.put(key, safeText(field, v.asText()).orElse(WITHHELD_VALUE));
            } else if (v.isTextual()) {
                out.put(key, safeText(field, v.asText()).orElse(WITHHELD_VALUE));
            } else {
                out.put(key, WITHHELD_VALUE);
            }
        }
        return out;
    }

    private static Optional<String> safeText(String key, String text) {
        String t = text.trim();
        if (t.equals(WITHHELD_VALUE)) {
            return Optional.of(t);
        }
        if (TIMES.contains(key)) {
            try {
                double d = Double.parseDouble(t);
                if (Double.isFinite(d) && t.matches("[-+]?[0-9.eE+-]+")) {
                    return Optional.of(t);
                }
            } catch (NumberFormatException ignored) {
                // not a number
            }
        }
        return switch (key) {
            case "code" -> CodeTaxonomy.lookup(t).map(c -> c.code());
            case "actor" -> Actor.parse(t).map(Actor::id);
            case "start", "end", "duration" -> Optional.empty();
            default -> ModifierPolicy.admit(key, t);
        };
    }
}
