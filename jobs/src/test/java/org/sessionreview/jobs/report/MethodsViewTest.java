package org.sessionreview.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MethodsViewTest {
    @Test
    void shouldListEveryParameterButNotColumnDocsAndNameTablesWhoseParametersDiffer() {
        Map<String, String> a = Map.of(
                "session_review.version",
                "1.0",
                "session_review.commit",
                "abc1234",
                "session_review.run_input.codebook",
                "codes.json, 12 bytes, SHA-256 00",
                "session_review.methods",
                "text",
                "session_review.synchrony.window_s",
                "30.0",
                "session_review.column.x",
                "doc",
                "session_review.table",
                "sessions",
                "session_review.table_description",
                "One row per session");
        Map<String, String> b = Map.of(
                "session_review.version",
                "1.0",
                "session_review.run_input.codebook",
                "codes.json, 12 bytes, SHA-256 00",
                "session_review.synchrony.window_s",
                "60.0",
                "session_review.table",
                "moments",
                "session_review.table_description",
                "Moments");
        MethodsView m = MethodsView.of(Map.of("sessions", a, "moments", b), List.of("sessions", "moments", "missing"));
        assertEquals("1.0", m.version());
        assertEquals("text", m.methods());
        assertEquals("abc1234", m.commit());
        assertEquals(List.of(new MethodsView.Parameter("synchrony.window_s", "30.0")), m.parameters());
        assertEquals(
                List.of(new MethodsView.Parameter("run_input.codebook", "codes.json, 12 bytes, SHA-256 00")),
                m.runInputs());
        assertEquals("30.0", m.parameter("synchrony.window_s", "?"));
        assertEquals(
                List.of("sessions", "moments"),
                m.tables().stream().map(MethodsView.Parameter::key).toList());
        assertEquals(1, m.differences().size());
        assertTrue(m.differences().get(0).startsWith("moments: synchrony.window_s=60.0"));
    }
}
