package org.sessionreview.jobs.sampledata;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the native JSON Lines annotation format: one object per line with {@code start}
 * (seconds from media start), optional {@code end}, {@code code}, {@code actor}, optional
 * {@code intensity} / {@code significance} and optional free-text {@code note}. LF endings.
 */
final class JsonlWriter {
    private static final ObjectMapper JSON = Json.MAPPER;

    private JsonlWriter() {}

    static void write(Path file, List<CodedEvent> events) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (CodedEvent e : events) {
            ObjectNode o = JSON.createObjectNode();
            o.put("start", e.startS());
            if (e.endS() != null) {
                o.put("end", e.endS());
            }
            o.put("code", e.code());
            o.put("actor", e.actor());
            if (e.intensity() != null) {
                o.put("intensity", e.intensity());
            }
            if (e.significance() != null) {
                o.put("significance", e.significance());
            }
            if (e.note() != null) {
                o.put("note", e.note());
            }
            sb.append(JSON.writeValueAsString(o)).append('\n');
        }
        Files.writeString(file, sb, StandardCharsets.UTF_8);
    }
}
