package org.sessionreview.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionreview.report.SessionRow;

class TableReaderTest {
    @TempDir
    Path dir;

    private static SessionRow row(String id, Double peak, List<String> reasons) {
        SessionRow r = new SessionRow();
        r.sessionId = id;
        r.therapistId = "T01";
        r.clientKey = "abc";
        r.sessionNumber = 3;
        r.sessionDate = "2026-03-02";
        r.mediaStartMillis = 1_772_442_000_000L;
        r.durationS = 1800.5;
        r.anxietyEpisodes = 2;
        r.anxietyTimeS = 300.0;
        r.peakAnxietyIndex = peak;
        r.flagged = peak != null;
        r.priority = 12.5;
        r.flagReasons = reasons;
        r.missingChannels = new ArrayList<>();
        r.annotationCount = 7;
        return r;
    }

    private void write(String file, SessionRow... rows) throws Exception {
        Path t = Files.createDirectories(dir.resolve("sessions"));
        try (ParquetWriter<SessionRow> w =
                ParquetTables.writer(Tables.SESSIONS, Map.of("version", "9.9"), new LocalOutputFile(t.resolve(file)))) {
            for (SessionRow r : rows) {
                w.write(r);
            }
        }
    }

    @Test
    void shouldReadBackEveryColumnInTheDocumentedJavaTypes() throws Exception {
        write("b.parquet", row("S2", null, List.of()));
        write("a.parquet", row("S1", 3.25, List.of("two episodes", "low quality")));
        Files.writeString(dir.resolve("sessions/.hidden.parquet.crc"), "not parquet");

        TableReader.Table t = TableReader.read(dir, "sessions");

        assertEquals(2, t.rows().size());
        Map<String, Object> s1 = t.rows().get(0);
        assertEquals("S1", s1.get("session_id"), "files are read in name order");
        assertEquals(3, s1.get("session_number"));
        assertEquals("2026-03-02", s1.get("session_date"));
        assertEquals(1_772_442_000_000L, s1.get("media_start_utc"));
        assertEquals(3.25, s1.get("peak_anxiety_index"));
        assertEquals(true, s1.get("flagged"));
        assertEquals(List.of("two episodes", "low quality"), s1.get("flag_reasons"));
        assertEquals(Tables.SESSIONS.columns().stream().map(Column::name).toList(), new ArrayList<>(s1.keySet()));
        Map<String, Object> s2 = t.rows().get(1);
        assertNull(s2.get("peak_anxiety_index"));
        assertEquals(List.of(), s2.get("flag_reasons"));
        assertEquals("9.9", t.footer().get("session_review.version"));
        assertEquals("sessions", t.footer().get("session_review.table"));
    }

    @Test
    void shouldRoundTripThroughASchemaWhoseGettersReadTheRow() throws Exception {
        write("a.parquet", row("S1", 3.25, List.of("x")), row("S2", null, List.of()));
        List<Map<String, Object>> rows = TableReader.read(dir, "sessions").rows();
        TableSchema.Builder<Map<String, Object>> b = TableSchema.builder("sessions");
        for (Column<SessionRow> c : Tables.SESSIONS.columns()) {
            String name = c.name();
            if (c.required()) {
                b.required(name, c.type(), c.description(), r -> r.get(name));
            } else {
                b.optional(name, c.type(), c.description(), r -> r.get(name));
            }
        }
        Path copy = Files.createDirectories(dir.resolve("copy/sessions"));
        try (ParquetWriter<Map<String, Object>> w =
                ParquetTables.writer(b.build(), Map.of(), new LocalOutputFile(copy.resolve("c.parquet")))) {
            for (Map<String, Object> r : rows) {
                w.write(r);
            }
        }
        assertEquals(rows, TableReader.read(dir.resolve("copy"), "sessions").rows());
    }

    @Test
    void shouldGiveAnEmptyTableForAMissingFolder() {
        TableReader.Table t = TableReader.read(dir, "moments");
        assertTrue(t.rows().isEmpty());
        assertTrue(t.footer().isEmpty());
    }

    @Test
    void shouldNameTheFileAndTheReasonWhenATableFileIsNotParquet() throws Exception {
        write("a.parquet", row("S1", 3.25, List.of()));
        Path bad = dir.resolve("sessions/b.parquet");
        Files.write(bad, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16});
        var e = org.junit.jupiter.api.Assertions.assertThrows(
                java.io.UncheckedIOException.class, () -> TableReader.read(dir, "sessions"));
        assertTrue(e.getMessage().startsWith(bad + ": not a readable Parquet table file ("), e.getMessage());
        assertTrue(!e.getMessage().contains("LocalInputFile@"), e.getMessage());
    }

    @Test
    void shouldPassTheConsumersOwnFailureThroughUnchanged() throws Exception {
        write("a.parquet", row("S1", 3.25, List.of()));
        IllegalStateException mine = new IllegalStateException("mine");
        var e = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalStateException.class,
                () -> TableReader.forEachRow(dir.resolve("sessions"), r -> {
                    throw mine;
                }));
        assertEquals(mine, e);
    }
}
