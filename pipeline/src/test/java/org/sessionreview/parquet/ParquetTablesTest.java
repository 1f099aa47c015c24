package org.sessionreview.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionreview.report.SessionRow;

class ParquetTablesTest {
    @TempDir
    Path dir;

    /** parquet-java's example Group reader over a local file (no Hadoop file system). */
    private static final class GroupReader extends ParquetReader.Builder<Group> {
        GroupReader(InputFile file) {
            super(file);
        }

        @Override
        protected ReadSupport<Group> getReadSupport() {
            return new GroupReadSupport();
        }
    }

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
        r.dataQualityClient = 0.9;
        r.dataQualityTherapist = 0.0;
        r.annotationCount = 7;
        r.baselineSource = "calibration";
        return r;
    }

    @Test
    void shouldRoundTripValuesTypesAndFooterWhenWritingSessions() throws Exception {
        Path file = dir.resolve("s.parquet");
        try (ParquetWriter<SessionRow> w =
                ParquetTables.writer(Tables.SESSIONS, Map.of("version", "9.9"), new LocalOutputFile(file))) {
            w.write(row("S1", 3.25, List.of("two episodes", "low quality")));
            w.write(row("S2", null, List.of()));
        }
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(file))) {
            Map<String, String> footer = r.getFooter().getFileMetaData().getKeyValueMetaData();
            assertEquals("9.9", footer.get("session_review.version"));
            assertEquals("sessions", footer.get("session_review.table"));
            assertTrue(footer.get("session_review.column.client_key").contains("HMAC"));
            MessageType schema = r.getFooter().getFileMetaData().getSchema();
            assertEquals(
                    LogicalTypeAnnotation.dateType(),
                    schema.getType("session_date").getLogicalTypeAnnotation());
            assertEquals(
                    LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MILLIS),
                    schema.getType("media_start_utc").getLogicalTypeAnnotation());
            assertEquals(2, r.getRecordCount());
        }
        try (ParquetReader<Group> reader = new GroupReader(new LocalInputFile(file)).build()) {
            Group g = reader.read();
            assertEquals("S1", g.getString("session_id", 0));
            assertEquals(3, g.getInteger("session_number", 0));
            assertEquals((int) LocalDate.parse("2026-03-02").toEpochDay(), g.getInteger("session_date", 0));
            assertEquals(1_772_442_000_000L, g.getLong("media_start_utc", 0));
            assertEquals(3.25, g.getDouble("peak_anxiety_index", 0));
            Group reasons = g.getGroup("flag_reasons", 0);
            assertEquals(2, reasons.getFieldRepetitionCount("list"));
            assertEquals("low quality", reasons.getGroup("list", 1).getString("element", 0));
            Group second = reader.read();
            assertEquals("S2", second.getString("session_id", 0));
            assertEquals(0, second.getFieldRepetitionCount("peak_anxiety_index"));
            assertFalse(second.getBoolean("flagged", 0));
        }
    }

    @Test
    void shouldCloseARowGroupEveryFewMegabytesSoThatAnOpenFileDoesNotBufferTheWholeTable() throws Exception {
        Path file = dir.resolve("many.parquet");
        java.util.Random random = new java.util.Random(7);
        int rows = 250_000;
        try (ParquetWriter<SessionRow> w = ParquetTables.writer(Tables.SESSIONS, Map.of(), new LocalOutputFile(file))) {
            for (int i = 0; i < rows; i++) {
                SessionRow r = row(
                        new java.util.UUID(random.nextLong(), random.nextLong()).toString(),
                        random.nextDouble(),
                        List.of(Long.toHexString(random.nextLong())));
                r.priority = random.nextDouble();
                w.write(r);
            }
        }
        long bytes = java.nio.file.Files.size(file);
        assertTrue(bytes > 2 * ParquetTables.ROW_GROUP_BYTES, "enough data for several row groups: " + bytes);
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            List<org.apache.parquet.hadoop.metadata.BlockMetaData> groups =
                    reader.getFooter().getBlocks();
            assertTrue(
                    groups.size() >= bytes / ParquetTables.ROW_GROUP_BYTES,
                    groups.size() + " row groups in " + bytes + " bytes");
            assertEquals(
                    rows,
                    groups.stream()
                            .mapToLong(org.apache.parquet.hadoop.metadata.BlockMetaData::getRowCount)
                            .sum());
            for (org.apache.parquet.hadoop.metadata.BlockMetaData g : groups) {
                // parquet-java checks the buffered size every 100 to 10,000 rows, so a group may run a little over
                assertTrue(
                        g.getCompressedSize() < 1.25 * ParquetTables.ROW_GROUP_BYTES,
                        "row group of " + g.getCompressedSize() + " bytes");
            }
        }
    }

    @Test
    void shouldRefuseNullInRequiredColumnWhenWriting() throws Exception {
        SessionRow bad = row("S1", 1.0, List.of());
        bad.therapistId = null;
        Path file = dir.resolve("bad.parquet");
        try (ParquetWriter<SessionRow> w = ParquetTables.writer(Tables.SESSIONS, Map.of(), new LocalOutputFile(file))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> w.write(bad));
            assertTrue(e.getMessage().contains("therapist_id"), e.getMessage());
        }
    }
}
