package org.sessionreview.live;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import org.sessionreview.ingest.session.SessionManifest;
import org.sessionreview.ingest.session.SessionManifestParser;
import org.sessionreview.model.Channel;
import org.sessionreview.model.Role;

/**
 * The JSON form of {@link LiveMessage} (snake_case field names, one object per Kafka record).
 * JSON rather than Avro: Jackson is already in the stack, messages are readable with Kafka's
 * console tools, and no schema registry is needed; at E4 rates (at most 64 samples per second per
 * channel) the size is no concern.
 *
 * <p>{@link #parse} never throws: a record that is not a usable message comes back with {@link
 * LiveMessage#problem} saying why, and the payload itself is never quoted (it may hold an
 * identifier).
 */
public final class LiveJson {
    /** At most this many values in one samples message (about 30 s of ACC at 32 Hz). */
    public static final int MAX_VALUES = 3 * 32 * 30;
    /** Longest session id accepted, characters. */
    public static final int MAX_ID_CHARS = 200;

    /** Tolerance of the IBI stretch check, s (a beat time rounded to the millisecond). */
    static final double SLACK_S = 0.001;

    /** The longest stretch one IBI message may cover, seconds ({@code replay} sends 1). */
    static final double MAX_IBI_SPAN_S = 60;

    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final java.util.Set<String> KNOWN_TYPES = java.util.Set.of(
            LiveMessage.SESSION_START, LiveMessage.SAMPLES, LiveMessage.EVENT, LiveMessage.SESSION_END);

    private LiveJson() {}

    /** Thrown inside {@link #parse} for the first thing wrong with a record. */
    private static final class Bad extends Exception {
        private static final long serialVersionUID = 1L;

        Bad(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * Reads one Kafka record.
     *
     * @param key the record key (must be the session id, UTF-8)
     * @param value the record value (one JSON object)
     */
    public static LiveMessage parse(byte[] key, byte[] value) {
        String keyText = key == null ? null : new String(key, StandardCharsets.UTF_8);
        if (value == null || value.length == 0) {
            return LiveMessage.unusable(safeId(keyText), "empty record");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(value);
        } catch (IOException e) {
            return LiveMessage.unusable(safeId(keyText), "not JSON" + location(e));
        }
        LiveMessage m = new LiveMessage();
        try {
            if (root == null || !root.isObject()) {
                throw new Bad("not a JSON object");
            }
            if (root.has("client_id")) {
                throw new Bad("carries a raw client identifier (client_id); send client_key, its keyed pseudonym");
            }
            m.sessionId = text(root, "session_id", true);
            if (m.sessionId.isBlank() || m.sessionId.length() > MAX_ID_CHARS) {
                throw new Bad("session_id must be 1 to " + MAX_ID_CHARS + " characters");
            }
            if (!m.sessionId.equals(keyText)) {
                throw new Bad("the record key is not the session_id (a session's messages must share one key)");
            }
            m.type = text(root, "type", true);
            switch (m.type) {
                case LiveMessage.SESSION_START -> start(root, m);
                case LiveMessage.SAMPLES -> samples(root, m);
                case LiveMessage.EVENT -> event(root, m);
                case LiveMessage.SESSION_END -> {}
                default -> throw new Bad("unknown type (expected session_start, samples, event or session_end)");
            }
        } catch (Bad e) {
            String id = m.sessionId != null ? m.sessionId : safeId(keyText);
            LiveMessage bad = LiveMessage.unusable(id, e.getMessage());
            // an unknown type is input text: it does not name the message in the reject's reason
            bad.type = m.type != null && KNOWN_TYPES.contains(m.type) ? m.type : null;
            return bad;
        }
        return m;
    }

    private static void start(JsonNode root, LiveMessage m) throws Bad {
        m.therapistId = text(root, "therapist_id", true);
        m.clientKey = text(root, "client_key", true);
        if (!m.clientKey.matches("[0-9a-f]{64}")) { // what Pseudonymizer makes; a raw id would reach every table
            throw new Bad("client_key is not a keyed pseudonym (64 lower-case hex digits, HMAC-SHA256)");
        }
        m.sessionNumber = (int) integer(root, "session_number", 0, Integer.MAX_VALUE, true);
        m.mediaStart = text(root, "media_start", true);
        try {
            OffsetDateTime media = OffsetDateTime.parse(m.mediaStart);
            // a year ISO-8601 allows but epoch milliseconds cannot hold (+999999999-12-31) crashed
            // the job at every restart; the bounds are session.json's, so live and batch agree
            String problem = SessionManifestParser.implausibleMediaStart(media);
            if (problem != null) {
                throw new Bad(problem);
            }
        } catch (DateTimeParseException e) {
            throw new Bad("media_start is not an ISO-8601 date-time with offset");
        }
        JsonNode d = root.get("duration_s");
        if (d != null && !d.isNull()) {
            if (!d.isNumber() || !(d.asDouble() > 0) || !Double.isFinite(d.asDouble())) {
                throw new Bad("duration_s must be a positive number");
            }
            if (d.asDouble() > SessionManifest.MAX_DURATION_S) {
                throw new Bad("duration_s is longer than the longest plausible session ("
                        + (long) SessionManifest.MAX_DURATION_S + " s = 24 h)");
            }
            m.durationS = d.asDouble();
        }
        m.consentSupervision = bool(root, "consent_supervision");
        m.consentResearch = bool(root, "consent_research");
        JsonNode w = root.get("wearers");
        if (w == null || !w.isArray()) {
            throw new Bad("wearers must be an array of roles (client, therapist)");
        }
        for (JsonNode r : w) {
            Role role = Role.parse(r.asText()).orElse(null);
            if (!r.isTextual() || role == null || m.wearers.contains(role.id())) {
                throw new Bad("wearers must list client and/or therapist, each once");
            }
            m.wearers.add(role.id());
        }
        JsonNode parts = root.get("multi_part_wearers");
        if (parts != null && !parts.isNull()) {
            if (!parts.isArray()) {
                throw new Bad("multi_part_wearers must be an array of declared roles");
            }
            for (JsonNode r : parts) {
                Role role = Role.parse(r.asText()).orElse(null);
                if (!r.isTextual()
                        || role == null
                        || !m.wearers.contains(role.id())
                        || m.multiPartWearers.contains(role.id())) {
                    throw new Bad("multi_part_wearers must list declared wearers, each once");
                }
                m.multiPartWearers.add(role.id());
            }
        }
        m.folder = text(root, "folder", false);
        JsonNode meta = root.get("metadata");
        if (meta != null && !meta.isNull()) {
            if (!meta.isObject()) {
                throw new Bad("metadata must be an object");
            }
            m.metadataJson = meta.toString();
        }
    }

    private static void samples(JsonNode root, LiveMessage m) throws Bad {
        m.wearer = Role.parse(text(root, "wearer", true))
                .map(Role::id)
                .orElseThrow(() -> new Bad("wearer must be client or therapist"));
        Channel channel;
        try {
            channel = Channel.valueOf(text(root, "channel", true));
        } catch (IllegalArgumentException e) {
            throw new Bad("unknown channel (expected EDA, BVP, ACC, TEMP, HR or IBI)");
        }
        m.channel = channel.name();
        m.streamStartMillis = integer(root, "stream_start_ms", 0, Long.MAX_VALUE, true);
        m.startMillis = integer(root, "start_ms", 0, Long.MAX_VALUE, true);
        m.firstIndex = integer(root, "first_index", 0, Long.MAX_VALUE, true);
        m.values = numbers(root, "values", channel != Channel.IBI);
        if (channel == Channel.IBI) {
            m.rateHz = 0;
            m.offsetsS = numbers(root, "offsets_s", false);
            if (m.offsetsS.length != m.values.length) {
                throw new Bad("offsets_s and values must have the same length");
            }
            m.spanS = number(root, "span_s");
            if (!(m.spanS > 0)) {
                throw new Bad("span_s must be positive");
            }
            if (m.spanS > MAX_IBI_SPAN_S) {
                // a stretch of days made the job emit a block per 30 s of it and run out of memory
                throw new Bad(
                        "span_s is longer than " + (int) MAX_IBI_SPAN_S + " s (one message covers about a second)");
            }
            double startS = (m.startMillis - m.streamStartMillis) / 1000.0;
            for (int i = 0; i < m.offsetsS.length; i++) {
                if (!(m.values[i] > 0) || !Double.isFinite(m.values[i])) {
                    throw new Bad("IBI values must be positive intervals in seconds");
                }
                if (m.offsetsS[i] < startS - SLACK_S
                        || m.offsetsS[i] > startS + m.spanS + SLACK_S
                        || (i > 0 && m.offsetsS[i] < m.offsetsS[i - 1])) {
                    throw new Bad("offsets_s must rise and lie within [start_ms, start_ms + span_s)");
                }
            }
        } else {
            m.rateHz = number(root, "rate_hz");
            if (!(m.rateHz > 0)) {
                throw new Bad("rate_hz must be positive");
            }
            if (m.values.length == 0 || m.values.length % channel.width() != 0) {
                throw new Bad("values must hold whole samples (" + channel.width() + " value(s) each)");
            }
        }
    }

    private static void event(JsonNode root, LiveMessage m) throws Bad {
        m.code = text(root, "code", true);
        m.family = text(root, "family", true);
        m.actor = text(root, "actor", true);
        m.startS = number(root, "start_s");
        if (m.startS < 0) {
            throw new Bad("start_s must not be negative");
        }
        JsonNode e = root.get("end_s");
        if (e != null && !e.isNull()) {
            if (!e.isNumber() || !Double.isFinite(e.asDouble()) || e.asDouble() < m.startS) {
                throw new Bad("end_s must be a number not before start_s");
            }
            m.endS = e.asDouble();
        }
        JsonNode s = root.get("significance");
        if (s != null && !s.isNull()) {
            m.significance = (int) integer(root, "significance", 1, 5, true);
        }
        m.modifiers = text(root, "modifiers", false);
        m.label = text(root, "label", false);
        m.sourceFile = text(root, "source_file", false);
        m.sourceLine = integer(root, "source_line", 0, Long.MAX_VALUE, false);
        m.sourceRecord = (int) integer(root, "source_record", 0, Integer.MAX_VALUE, false);
    }

    /** The JSON of a message (NaN values as null): {@link LiveJsonWriter}. */
    public static byte[] write(LiveMessage m) {
        return LiveJsonWriter.write(m);
    }

    private static String text(JsonNode root, String field, boolean required) throws Bad {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            if (required) {
                throw new Bad("missing " + field);
            }
            return null;
        }
        if (!n.isTextual()) {
            throw new Bad(field + " must be a string");
        }
        return n.asText();
    }

    private static boolean bool(JsonNode root, String field) throws Bad {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            return false;
        }
        if (!n.isBoolean()) {
            throw new Bad(field + " must be true or false");
        }
        return n.asBoolean();
    }

    private static long integer(JsonNode root, String field, long min, long max, boolean required) throws Bad {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            if (required) {
                throw new Bad("missing " + field);
            }
            return 0;
        }
        if (!n.isIntegralNumber() || !n.canConvertToLong() || n.asLong() < min || n.asLong() > max) {
            throw new Bad(field + " must be a whole number from " + min + " to " + max);
        }
        return n.asLong();
    }

    private static double number(JsonNode root, String field) throws Bad {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            throw new Bad("missing " + field);
        }
        if (!n.isNumber() || !Double.isFinite(n.asDouble())) {
            throw new Bad(field + " must be a finite number");
        }
        return n.asDouble();
    }

    /** An array of numbers; null elements become NaN when {@code nullable}. */
    private static double[] numbers(JsonNode root, String field, boolean nullable) throws Bad {
        JsonNode n = root.get(field);
        if (n == null || !n.isArray()) {
            throw new Bad(field + " must be an array of numbers");
        }
        if (n.size() > MAX_VALUES) {
            throw new Bad(field + " holds more than " + MAX_VALUES + " values");
        }
        double[] out = new double[n.size()];
        Iterator<JsonNode> it = n.elements();
        for (int i = 0; it.hasNext(); i++) {
            JsonNode v = it.next();
            if (v.isNull() && nullable) {
                out[i] = Double.NaN;
            } else if (v.isNumber() && Double.isFinite(v.asDouble())) {
                out[i] = v.asDouble();
            } else {
                throw new Bad(field + "[" + i + "] is not a finite number" + (nullable ? " or null" : ""));
            }
        }
        return out;
    }

    /** The key as a session id when it looks like one, else null (never echo arbitrary bytes). */
    private static String safeId(String key) {
        return key != null
                        && !key.isBlank()
                        && key.length() <= MAX_ID_CHARS
                        && key.chars().allMatch(c -> c >= 0x20 && c < 0x7f)
                ? key
                : null;
    }

    private static String location(IOException e) {
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null) {
            return " (at line " + j.getLocation().getLineNr() + ", column "
                    + j.getLocation().getColumnNr() + ")";
        }
        return "";
    }
}
