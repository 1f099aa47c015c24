package org.sessionreview.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.sessionreview.model.Channel;

/** Writes live messages as {@link LiveJson} reads them (the message contract is in the README). */
final class LiveJsonWriter {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private LiveJsonWriter() {}

    /** The JSON of a message (NaN values as null). */
    static byte[] write(LiveMessage m) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("type", m.type);
        o.put("session_id", m.sessionId);
        switch (m.type) {
            case LiveMessage.SESSION_START -> {
                o.put("therapist_id", m.therapistId);
                o.put("client_key", m.clientKey);
                o.put("session_number", m.sessionNumber);
                o.put("media_start", m.mediaStart);
                if (m.durationS != null) {
                    o.put("duration_s", m.durationS);
                }
                o.put("consent_supervision", m.consentSupervision);
                o.put("consent_research", m.consentResearch);
                ArrayNode w = o.putArray("wearers");
                m.wearers.forEach(w::add);
                if (!m.multiPartWearers.isEmpty()) {
                    ArrayNode parts = o.putArray("multi_part_wearers");
                    m.multiPartWearers.forEach(parts::add);
                }
                if (m.folder != null) {
                    o.put("folder", m.folder);
                }
                if (m.metadataJson != null) {
                    try {
                        o.set("metadata", MAPPER.readTree(m.metadataJson));
                    } catch (JsonProcessingException e) {
                        throw new IllegalArgumentException("metadataJson is not JSON", e);
                    }
                }
            }
            case LiveMessage.SAMPLES -> {
                o.put("wearer", m.wearer);
                o.put("channel", m.channel);
                o.put("stream_start_ms", m.streamStartMillis);
                o.put("start_ms", m.startMillis);
                o.put("first_index", m.firstIndex);
                if (Channel.IBI.name().equals(m.channel)) {
                    o.put("span_s", m.spanS);
                    put(o.putArray("offsets_s"), m.offsetsS);
                } else {
                    o.put("rate_hz", m.rateHz);
                }
                put(o.putArray("values"), m.values);
            }
            case LiveMessage.EVENT -> {
                o.put("code", m.code);
                o.put("family", m.family);
                o.put("actor", m.actor);
                o.put("start_s", m.startS);
                if (m.endS != null) {
                    o.put("end_s", m.endS);
                }
                if (m.significance != null) {
                    o.put("significance", m.significance);
                }
                if (m.modifiers != null) {
                    o.put("modifiers", m.modifiers);
                }
                if (m.label != null) {
                    o.put("label", m.label);
                }
                if (m.sourceFile != null) {
                    o.put("source_file", m.sourceFile);
                }
                o.put("source_line", m.sourceLine);
                if (m.sourceRecord > 0) {
                    o.put("source_record", m.sourceRecord);
                }
            }
            default -> {}
        }
        try {
            return MAPPER.writeValueAsBytes(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void put(ArrayNode a, double[] values) {
        for (double v : values) {
            if (Double.isFinite(v)) {
                a.add(v);
            } else {
                a.addNull();
            }
        }
    }
}
