package org.sessionreview.ingest.session;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses and validates {@code session.json} (the contract is in the README). Every problem is
 * reported at once, with the field name, so a site can fix the file in one go.
 */
public final class SessionManifestParser {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> KNOWN = Set.of(
            "session_id", "therapist_id", "client_id", "session_number", "media_start", "wearables",
            "annotations", "consent", "duration_s", "codebook");

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

    private SessionManifestParser() {}

    /** Parses {@code json} (the file's text). */
    public static SessionManifest parse(String json) throws InvalidManifestException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            throw new InvalidManifestException("not valid JSON: " + e.getOriginalMessage(),
                    loc == null ? 0 : Math.max(0, loc.getLineNr()));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidManifestException("session.json must hold a JSON object", 1);
        }
        List<String> errors = new ArrayList<>();
        String sessionId = requiredText(root, "session_id", errors);
        String therapistId = requiredText(root, "therapist_id", errors);
        String clientId = requiredText(root, "client_id", errors);
        int sessionNumber = 0;
        JsonNode num = root.get("session_number");
        if (num == null || num.isNull()) {
            errors.add("missing required field 'session_number'");
        } else if (!num.canConvertToInt() || !num.isIntegralNumber() || num.asInt() < 1) {
            errors.add("'session_number' must be an integer >= 1, got " + num);
        } else {
            sessionNumber = num.asInt();
        }
        OffsetDateTime mediaStart = null;
        String ms = requiredText(root, "media_start", errors);
        if (ms != null) {
            try {
                mediaStart = OffsetDateTime.parse(ms);
            } catch (DateTimeParseException e) {
                errors.add("'media_start' must be an ISO-8601 instant with an offset"
                        + " (e.g. 2026-03-02T10:00:00+01:00), got '" + ms + "'");
            }
        }
        Map<org.sessionreview.model.Role, String> wearables = wearables(root, errors);
        List<String> annotations = annotations(root, errors);
        boolean[] consent = consent(root, errors);
        Double durationS = null;
        JsonNode d = root.get("duration_s");
        if (d != null && !d.isNull()) {
            if (!d.isNumber() || d.asDouble() <= 0) {
                errors.add("'duration_s' must be a positive number of seconds, got " + d);
            } else {
                durationS = d.asDouble();
            }
        }
        String codebook = null;
        JsonNode cb = root.get("codebook");
        if (cb != null && !cb.isNull()) {
            if (!cb.isTextual() || cb.asText().isBlank()) {
                errors.add("'codebook' must be a file name");
            } else {
                codebook = cb.asText();
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidManifestException(String.join("; ", errors), 0);
        }
        ObjectNode extra = MAPPER.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!KNOWN.contains(e.getKey())) {
                extra.set(e.getKey(), e.getValue());
            }
        }
        return new SessionManifest(sessionId, therapistId, clientId, sessionNumber, mediaStart,
                wearables, annotations, consent[0], consent[1], durationS, codebook, extra.toString());
    }

    private static String requiredText(JsonNode root, String field, List<String> errors) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            errors.add("missing required field '" + field + "'");
            return null;
        }
        if (!n.isTextual() || n.asText().isBlank()) {
            errors.add("'" + field + "' must be a non-empty string, got " + n.getNodeType().name().toLowerCase());
            return null;
        }
        return n.asText().trim();
    }

    private static Map<org.sessionreview.model.Role, String> wearables(JsonNode root, List<String> errors) {
        Map<org.sessionreview.model.Role, String> out = new EnumMap<>(org.sessionreview.model.Role.class);
        JsonNode w = root.get("wearables");
        if (w == null || w.isNull()) {
            errors.add("missing required field 'wearables'");
            return out;
        }
        if (!w.isObject()) {
            errors.add("'wearables' must be an object mapping role (client, therapist) to a folder");
            return out;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = w.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            var role = org.sessionreview.model.Role.parse(e.getKey());
            if (role.isEmpty()) {
                errors.add("'wearables' has unknown role '" + e.getKey() + "' (expected client or therapist)");
            } else if (!e.getValue().isTextual() || e.getValue().asText().isBlank()) {
                errors.add("'wearables." + e.getKey() + "' must be a folder name");
            } else {
                out.put(role.get(), e.getValue().asText());
            }
        }
        return out;
    }

    private static List<String> annotations(JsonNode root, List<String> errors) {
        List<String> out = new ArrayList<>();
        JsonNode a = root.get("annotations");
        if (a == null || a.isNull()) {
            errors.add("missing required field 'annotations' (use [] when there are none)");
            return out;
        }
        if (!a.isArray()) {
            errors.add("'annotations' must be an array of file names");
            return out;
        }
        for (JsonNode n : a) {
            if (!n.isTextual() || n.asText().isBlank()) {
                errors.add("'annotations' holds a non-file-name entry " + n);
            } else {
                out.add(n.asText());
            }
        }
        return out;
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
