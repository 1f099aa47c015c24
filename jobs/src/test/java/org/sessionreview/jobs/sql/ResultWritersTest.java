package org.sessionreview.jobs.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultWritersTest {
    private static final List<Object> ROW = Arrays.asList(
            "S1, \"quoted\"",
            42,
            0.0001,
            null,
            Instant.parse("2026-03-02T09:00:00Z"),
            LocalDate.parse("2026-03-02"),
            new String[] {"a", "b\"c"},
            true);
    private static final List<String> COLUMNS = List.of("id", "n", "x", "missing", "at", "day", "list", "ok");

    private static String write(SqlFormat format) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        ResultWriter w = format.writer(new PrintStream(buf, true, StandardCharsets.UTF_8));
        w.begin(COLUMNS);
        w.row(ROW);
        w.end();
        w.done("OK");
        w.begin(List.of("n"));
        w.end();
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldQuoteAndLeaveNullEmptyWhenWritingCsv() {
        assertEquals(
                String.join(
                        "\n",
                        "id,n,x,missing,at,day,list,ok",
                        "\"S1, \"\"quoted\"\"\",42,0.0001,,2026-03-02T09:00:00Z,2026-03-02,\"[\"\"a\"\",\"\"b\\\"\"c\"\"]\",true",
                        "",
                        "n",
                        ""),
                write(SqlFormat.CSV));
    }

    @Test
    void shouldWriteOneObjectPerRowWhenWritingJson() {
        assertEquals(
                String.join(
                        "\n",
                        "{\"id\":\"S1, \\\"quoted\\\"\",\"n\":42,\"x\":1.0E-4,\"missing\":null,\"at\":\"2026-03-02T09:00:00Z\","
                                + "\"day\":\"2026-03-02\",\"list\":[\"a\",\"b\\\"c\"],\"ok\":true}",
                        "",
                        ""),
                write(SqlFormat.JSON));
    }

    @Test
    void shouldAlignColumnsWhenWritingATable() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        ResultWriter w = SqlFormat.TABLE.writer(new PrintStream(buf, true, StandardCharsets.UTF_8));
        w.begin(List.of("session_id", "priority"));
        w.row(Arrays.asList("S03", 4012.5));
        w.row(Arrays.asList("S10", null));
        w.end();
        w.done("OK");
        assertEquals(
                String.join(
                        "\n",
                        "+------------+----------+",
                        "| session_id | priority |",
                        "+------------+----------+",
                        "| S03        |   4012.5 |",
                        "| S10        | NULL     |",
                        "+------------+----------+",
                        "2 rows",
                        "",
                        "OK",
                        ""),
                buf.toString(StandardCharsets.UTF_8));
    }
}
