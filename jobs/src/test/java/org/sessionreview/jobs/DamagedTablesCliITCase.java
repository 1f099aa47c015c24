package org.sessionreview.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands that read finished tables (report, export, sql) given a table file that is not
 * Parquet (overwritten, cut short): exit 1 with one line naming the file and the reason, nothing
 * published.
 */
class DamagedTablesCliITCase {
    @TempDir
    Path tmp;

    private Path tables;
    private Path damaged;

    @BeforeEach
    void copyTheSampleReview() throws Exception {
        Path review = SampleDataReview.get().out();
        tables = tmp.resolve("tables");
        try (Stream<Path> walk = Files.walk(review)) {
            for (Path p : walk.toList()) {
                Path to = tables.resolve(review.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** Cuts the first Parquet file of {@code table} short (no footer) and remembers it. */
    private void damageTheFirstFileOf(String table) throws Exception {
        try (Stream<Path> files = Files.list(tables.resolve(table))) {
            damaged = files.filter(f -> f.getFileName().toString().endsWith(".parquet"))
                    .sorted()
                    .findFirst()
                    .orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(damaged);
        Files.write(damaged, java.util.Arrays.copyOf(bytes, bytes.length / 2)); // cut short: no footer
    }

    private record Run(int code, String err) {}

    private static Run run(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(
                args,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, err.toString(StandardCharsets.UTF_8));
    }

    private void assertNamesTheFile(Run r) {
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains(damaged.getFileName() + ": not a readable Parquet table file ("), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    @Test
    void shouldNameTheDamagedFileInReportExportAndSql() throws Exception {
        damageTheFirstFileOf("moments");
        assertAllThreeNameTheDamagedFile();
    }

    /** The sessions/ footer is read first (does it hold a research export?): before, sql threw there. */
    @Test
    void shouldNameTheDamagedSessionsFileInReportExportAndSql() throws Exception {
        damageTheFirstFileOf("sessions");
        assertAllThreeNameTheDamagedFile();
    }

    private void assertAllThreeNameTheDamagedFile() {
        Path report = tmp.resolve("report");
        assertNamesTheFile(run("report", "--tables", tables.toString(), "--out", report.toString()));
        assertFalse(Files.exists(report.resolve("index.html")), "nothing published");

        Path export = tmp.resolve("export");
        assertNamesTheFile(run(
                "export",
                "--audience",
                "research",
                "--tables",
                tables.toString(),
                "--out",
                export.toString(),
                "--allow-demo-key"));
        assertFalse(Files.exists(export.resolve("sessions")), "nothing published");

        for (String query : List.of("SELECT count(*) FROM sessions", "SELECT count(*) FROM moments")) {
            assertNamesTheFile(run("sql", "-e", query, "--tables", tables.toString()));
        }
    }
}
