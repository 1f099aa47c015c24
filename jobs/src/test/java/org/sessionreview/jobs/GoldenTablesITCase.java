package org.sessionreview.jobs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Pins today's output: every table of the README's review of {@code sample-data/} is compared,
 * row for row and value for value, with its stored copy {@value #GOLDEN}{@code <table>.parquet}
 * (written by DuckDB: rows in {@code ORDER BY ALL} order, zstd). The set of tables, the column
 * names and types and the row counts must match; strings, integers, booleans, dates, timestamps
 * and lists must be equal; DOUBLE values must agree within a relative 1e-9, with an absolute
 * floor of 1e-12 near zero ({@link TableComparison}), so that a rewritten numeric kernel may move
 * the last bits of a result, but nothing more. The test prints for each table whether it is
 * identical, equal within the tolerance (with the largest relative difference) or different;
 * a failure names, per table, how many rows and values differ and the first differences.
 *
 * <p>An intended change is made in its own commit that says why, after rewriting the fixtures
 * (from the root of the checkout) with
 *
 * <pre>
 * mvn -B -o -pl jobs -am verify -Dit.test=GoldenTablesITCase -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dfailsafe.failIfNoSpecifiedTests=false -Dgolden.update=true
 * </pre>
 */
class GoldenTablesITCase {
    static final String GOLDEN = "src/test/resources/golden/sample-data/";

    @Test
    void shouldWriteThePinnedRowsInEveryTableWithinTolerance() throws Exception {
        Path out = SampleDataReview.get().out();
        Path golden = Path.of(GOLDEN);
        try (DuckDb db = new DuckDb()) {
            db.execute("SET TimeZone = 'UTC'");
            if (Boolean.getBoolean("golden.update")) {
                write(db, out, golden);
            }
            SortedSet<String> expected = names(golden, Files::isRegularFile, ".parquet");
            SortedSet<String> actual = names(out, Files::isDirectory, "");
            assertTrue(!expected.isEmpty(), golden + " has no tables: run with -Dgolden.update=true once");
            SortedSet<String> all = new TreeSet<>(expected);
            all.addAll(actual);
            List<String> problems = new ArrayList<>();
            for (String t : all) {
                if (!actual.contains(t) || !expected.contains(t)) {
                    problems.add(t + (actual.contains(t) ? ": a table without a golden copy" : ": table missing"));
                    continue;
                }
                TableDifference d = TableComparison.compare(
                        t,
                        TableComparison.Table.read(db, DuckDb.parquetFile(golden.resolve(t + ".parquet"))),
                        TableComparison.Table.read(db, DuckDb.parquet(out.resolve(t))));
                System.out.println("[GoldenTablesITCase] " + d.summary());
                if (!d.agrees()) {
                    problems.add(d.report());
                }
            }
            assertTrue(
                    problems.isEmpty(),
                    () -> "tables that differ from " + GOLDEN + " (if intended, regenerate with"
                            + " -Dgolden.update=true and say why in the commit):\n" + String.join("\n", problems));
        }
    }

    /** Replaces the golden copies with the tables of {@code out}. */
    private static void write(DuckDb db, Path out, Path golden) throws Exception {
        Files.createDirectories(golden);
        for (String t : names(golden, Files::isRegularFile, ".parquet")) {
            Files.delete(golden.resolve(t + ".parquet"));
        }
        for (String t : names(out, Files::isDirectory, "")) {
            Path file = golden.resolve(t + ".parquet");
            db.execute("COPY (SELECT * FROM " + DuckDb.parquet(out.resolve(t)) + " ORDER BY ALL) TO "
                    + DuckDb.literal(file) + " (FORMAT parquet, COMPRESSION zstd)");
        }
        System.out.println("[GoldenTablesITCase] wrote " + golden.toAbsolutePath());
    }

    /** The names of the entries of {@code dir} that pass {@code kind} and end with {@code suffix}, without it. */
    private static SortedSet<String> names(Path dir, java.util.function.Predicate<Path> kind, String suffix)
            throws Exception {
        SortedSet<String> names = new TreeSet<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(kind)
                        .map(p -> p.getFileName().toString())
                        .filter(n -> !n.startsWith(".") && n.endsWith(suffix))
                        .forEach(n -> names.add(n.substring(0, n.length() - suffix.length())));
            }
        }
        return names;
    }
}
