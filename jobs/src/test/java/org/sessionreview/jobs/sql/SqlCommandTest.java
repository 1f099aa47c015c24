package org.sessionreview.jobs.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionreview.jobs.Main;

/** Unusable arguments: exit 2 with one message, before Flink starts. */
class SqlCommandTest {
    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {}

    private static Result sql(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] all = new String[args.length + 1];
        all[0] = "sql";
        System.arraycopy(args, 0, all, 1, args.length);
        int code = Main.run(
                all,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void assertUsage(Result r, String message) {
        assertEquals(2, r.code(), r.err());
        assertEquals("", r.out());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("session-review sql: ") && r.err().contains(message), r.err());
    }

    @Test
    void shouldExitTwoWhenArgumentsAreUnusable() throws IOException {
        String tables = dir.toString();
        assertUsage(sql("--tables", tables), "give the SQL with -e STATEMENT or -f FILE");
        assertUsage(sql("-e", "SELECT 1", "-f", "q.sql", "--tables", tables), "not both");
        assertUsage(sql("-e", "SELECT 1"), "--tables DIR");
        assertUsage(sql("-e", "SELECT 1", "--tables", dir.resolve("nope").toString()), "no such folder");
        assertUsage(sql("-f", dir.resolve("missing.sql").toString(), "--tables", tables), "cannot read it");
        assertUsage(
                sql("-e", "SELECT 1", "--tables", tables, "--format", "xml"), "--format must be one of table|csv|json");
        assertUsage(sql("-e", "SELECT 1", "--tables"), "--tables needs a value");
        assertUsage(sql("-e", "SELECT 1", "--tables", tables, "--limit", "3"), "unknown argument '--limit'");
        Path comments = Files.writeString(dir.resolve("empty.sql"), "-- nothing;\n");
        assertUsage(sql("-f", comments.toString(), "--tables", tables), "holds no SQL statement");
    }

    @Test
    void shouldPrintUsageWhenAskedForHelp() {
        Result r = sql("--help");
        assertEquals(0, r.code());
        assertTrue(r.out().startsWith("usage: session-review sql"), r.out());
    }
}
