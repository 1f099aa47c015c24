package org.sessionreview.jobs.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sessionreview.parquet.ColumnType;
import org.sessionreview.parquet.OutputTables;
import org.sessionreview.parquet.TableSchema;

class TableDdlTest {
    private static final TableSchema<Object> TABLE = TableSchema.builder("demo")
            .description("One row per demo; the therapist's view")
            .required("id", ColumnType.STRING, "Identifier", r -> "x")
            .required("n", ColumnType.INT32, "A count", r -> 1)
            .optional("big", ColumnType.INT64, "", r -> null)
            .optional("x", ColumnType.DOUBLE, "A value, seconds", r -> null)
            .required("ok", ColumnType.BOOLEAN, "Whether it's fine", r -> true)
            .required("at_utc", ColumnType.TIMESTAMP_UTC, "An instant", r -> 0L)
            .optional("day", ColumnType.DATE, "A date", r -> null)
            .required("codes", ColumnType.STRING_LIST, "Codes in order", r -> List.of())
            .required("class", ColumnType.STRING, "W or C", r -> "W")
            .build();

    @Test
    void shouldWriteTheWholeStatementWhenGivenATable() {
        assertEquals(
                String.join(
                        "\n",
                        "CREATE TABLE `demo` (",
                        "  `id` STRING NOT NULL COMMENT 'Identifier',",
                        "  `n` INT NOT NULL COMMENT 'A count',",
                        "  `big` BIGINT,",
                        "  `x` DOUBLE COMMENT 'A value, seconds',",
                        "  `ok` BOOLEAN NOT NULL COMMENT 'Whether it''s fine',",
                        "  `at_utc` TIMESTAMP_LTZ(3) NOT NULL COMMENT 'An instant',",
                        "  `day` DATE COMMENT 'A date',",
                        "  `codes` ARRAY<STRING> COMMENT 'Codes in order',",
                        "  `class` STRING NOT NULL COMMENT 'W or C'",
                        ")",
                        "COMMENT 'One row per demo; the therapist''s view'",
                        "WITH ('connector' = 'filesystem', 'path' = 'file:/data/it''s/demo', 'format' = 'parquet',"
                                + " 'parquet.utc-timezone' = 'true')"),
                TableDdl.createTable(TABLE, "file:/data/it's/demo"));
    }

    @Test
    void shouldMapEveryColumnTypeWhenAskedForItsFlinkType() {
        assertEquals("STRING", TableDdl.flinkType(ColumnType.STRING));
        assertEquals("INT", TableDdl.flinkType(ColumnType.INT32));
        assertEquals("BIGINT", TableDdl.flinkType(ColumnType.INT64));
        assertEquals("DOUBLE", TableDdl.flinkType(ColumnType.DOUBLE));
        assertEquals("BOOLEAN", TableDdl.flinkType(ColumnType.BOOLEAN));
        assertEquals("TIMESTAMP_LTZ(3)", TableDdl.flinkType(ColumnType.TIMESTAMP_UTC));
        assertEquals("DATE", TableDdl.flinkType(ColumnType.DATE));
        assertEquals("ARRAY<STRING>", TableDdl.flinkType(ColumnType.STRING_LIST));
    }

    @Test
    void shouldDoubleQuotesAndBackticksWhenQuoting() {
        assertEquals("'it''s ''quoted'''", TableDdl.literal("it's 'quoted'"));
        assertEquals("`we``ird`", TableDdl.identifier("we`ird"));
    }

    @Test
    void shouldDescribeEveryColumnWhenGivenAnOutputTable() {
        for (TableSchema<?> t : OutputTables.ALL) {
            String ddl = TableDdl.createTable(t, "file:/out/" + t.name());
            assertTrue(ddl.startsWith("CREATE TABLE `" + t.name() + "` ("), ddl);
            long described =
                    t.columns().stream().filter(c -> !c.description().isEmpty()).count();
            assertEquals(
                    described,
                    ddl.lines()
                            .filter(l -> l.contains(" COMMENT '") && l.startsWith("  `"))
                            .count(),
                    t.name());
        }
    }
}
