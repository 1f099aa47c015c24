package org.sessionreview.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Pins today's output: every table of the README's review of {@code sample-data/} is compared,
 * row for row, with the digest stored in {@value #GOLDEN} (row count and SHA-256 of the table's
 * rows, each rendered by DuckDB as text, in sorted order). Any change of a number in any table
 * fails this test and names the tables that changed; an intended change is made in its own
 * commit that says why, after regenerating the file with
 * {@code mvn -pl jobs -am verify -Dit.test=GoldenTablesITCase -Dgolden.update=true}.
 */
class GoldenTablesITCase {
    static final String GOLDEN = "src/test/resources/golden/sample-data-tables.tsv";

    @Test
    void shouldWriteExactlyThePinnedRowsInEveryTable() throws Exception {
        Path out = SampleDataReview.get().out();
        Map<String, String> actual = digests(out);
        Path golden = Path.of(GOLDEN);
        if (Boolean.getBoolean("golden.update")) {
            List<String> lines = new ArrayList<>(List.of("# table\trows\tsha256 of the sorted rows (GoldenTablesITCase)"));
            actual.forEach((t, d) -> lines.add(t + "\t" + d));
            Files.write(golden, lines, StandardCharsets.UTF_8);
            System.out.println("[GoldenTablesITCase] wrote " + golden.toAbsolutePath());
        }
        assertTrue(Files.isRegularFile(golden), golden + " missing: run with -Dgolden.update=true once");
        Map<String, String> expected = new TreeMap<>();
        for (String line : Files.readAllLines(golden, StandardCharsets.UTF_8)) {
            if (!line.startsWith("#") && !line.isBlank()) {
                String[] f = line.split("\t", 2);
                expected.put(f[0], f[1]);
            }
        }
        List<String> changed = new ArrayList<>();
        for (String t : union(expected, actual)) {
            if (!String.valueOf(expected.get(t)).equals(String.valueOf(actual.get(t)))) {
                changed.add(t + ": pinned " + expected.get(t) + ", now " + actual.get(t));
            }
        }
        assertEquals(List.of(), changed, "tables whose rows changed (rows, sha256); if intended, regenerate "
                + GOLDEN + " with -Dgolden.update=true and say why in the commit");
    }

    private static List<String> union(Map<String, String> a, Map<String, String> b) {
        TreeMap<String, String> all = new TreeMap<>(a);
        all.putAll(b);
        return new ArrayList<>(all.keySet());
    }

    /** Table name -> "rows\tsha256" over the table's rows rendered as text by DuckDB, sorted. */
    static Map<String, String> digests(Path out) throws Exception {
        Map<String, String> digests = new TreeMap<>();
        List<Path> tables;
        try (Stream<Path> s = Files.list(out)) {
            tables = s.filter(Files::isDirectory).filter(d -> !d.getFileName().toString().startsWith(".")).sorted().toList();
        }
        try (DuckDb db = new DuckDb()) {
            for (Path t : tables) {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                List<Map<String, Object>> rows = db.query("SELECT CAST(r AS VARCHAR) AS row FROM " + DuckDb.parquet(t)
                        + " r ORDER BY row");
                for (Map<String, Object> r : rows) {
                    sha.update(((String) r.get("row")).getBytes(StandardCharsets.UTF_8));
                    sha.update((byte) '\n');
                }
                digests.put(t.getFileName().toString(), rows.size() + "\t" + HexFormat.of().formatHex(sha.digest()));
            }
        }
        return digests;
    }
}
