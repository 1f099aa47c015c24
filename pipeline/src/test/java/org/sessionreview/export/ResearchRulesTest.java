package org.sessionreview.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sessionreview.parquet.Column;
import org.sessionreview.parquet.ColumnType;
import org.sessionreview.parquet.OutputTables;
import org.sessionreview.parquet.TableSchema;

class ResearchRulesTest {
    @Test
    void everyTextDateAndTimestampColumnOfEveryExportedTableIsClassified() {
        assertEquals(
                List.of(),
                ResearchRules.unclassified(),
                "a new STRING/STRING_LIST/DATE/TIMESTAMP_UTC column needs a research-export rule in ResearchRules");
    }

    @Test
    void shouldRefuseAnUnclassifiedTextColumnAtExportTime() {
        Column<Object> extra = new Column<>("coder_remark", ColumnType.STRING, false, "x", r -> null);
        ExportException e = assertThrows(ExportException.class, () -> ResearchRules.rule("moments", extra));
        assertTrue(e.getMessage().contains("moments.coder_remark"), e.getMessage());
        Column<Object> number = new Column<>("new_count", ColumnType.INT32, true, "x", r -> 1);
        assertEquals(
                ResearchRules.Treatment.KEPT,
                ResearchRules.rule("moments", number).treatment());
    }

    @Test
    void everyRuleNamesAColumnThatExists() {
        for (Map.Entry<String, Map<String, ResearchRules.Rule>> t :
                ResearchRules.all().entrySet()) {
            TableSchema<?> schema = OutputTables.byName(t.getKey()).orElse(null);
            assertNotNull(schema, "rules for unknown table " + t.getKey());
            for (String col : t.getValue().keySet()) {
                assertTrue(schema.columns().stream().anyMatch(c -> c.name().equals(col)), t.getKey() + "." + col);
            }
        }
    }

    @Test
    void noExportedTableHasATimestampADateOrAFreeTextColumn() {
        for (TableSchema<?> t : OutputTables.ALL) {
            if (ResearchRules.DROPPED_TABLES.containsKey(t.name())) {
                continue;
            }
            TableSchema<Map<String, Object>> out = ResearchExport.exportSchema(t);
            for (Column<Map<String, Object>> c : out.columns()) {
                assertTrue(ExportColumns.exportable(c.type()), t.name() + "." + c.name() + " is " + c.type());
                assertFalse(c.name().endsWith("_utc"), t.name() + "." + c.name());
                assertFalse(c.name().equals("session_date"), t.name() + "." + c.name());
            }
            List<String> names = out.columns().stream().map(Column::name).toList();
            for (String gone :
                    List.of("flag_reasons", "evidence", "label", "source_file", "source_line", "media_start_utc")) {
                assertFalse(names.contains(gone), t.name() + " exports " + gone);
            }
        }
    }

    @Test
    void shouldDropTheRejectsTableAndRenameTheSessionDate() {
        assertTrue(ResearchRules.DROPPED_TABLES.containsKey("rejects"));
        assertFalse(ResearchExport.tableNames().contains("rejects"));
        List<String> sessions =
                ResearchExport.exportSchema(OutputTables.byName("sessions").orElseThrow()).columns().stream()
                        .map(Column::name)
                        .toList();
        assertTrue(sessions.contains("session_week"));
        assertTrue(sessions.contains("session_id")
                && sessions.contains("therapist_id")
                && sessions.contains("client_key"));
    }

    @Test
    void shouldClassifyIdentifiersAsPseudonymised() {
        for (String[] tc : new String[][] {
            {"sessions", "session_id"},
            {"sessions", "therapist_id"},
            {"sessions", "client_key"},
            {"clients", "therapist_id"},
            {"clients", "session_id"},
            {"trainees", "therapist_id"},
            {"baselines", "person"},
            {"windows", "session_id"},
            {"annotations", "session_id"}
        }) {
            assertEquals(
                    ResearchRules.Treatment.PSEUDONYMISED,
                    ResearchRules.explicit(tc[0], tc[1]).orElseThrow().treatment(),
                    tc[0] + "." + tc[1]);
        }
    }
}
