package org.sessionreview.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tables' writer without a dictionary for {@code DOUBLE} columns ({@link
 * ParquetTables#DOUBLE_DICTIONARY}) against parquet-java's defaults, as every table was written
 * before (dictionary for every column): every value reads back bit for bit the same.
 */
class ParquetDoubleEncodingTest {
    @TempDir
    Path dir;

    /** Rows: {@code [random, few distinct, optional (NaN = null), integer-valued]}. */
    private static final TableSchema<double[]> SCHEMA = TableSchema.<double[]>builder("doubles")
            .description("test")
            .required("session_id", ColumnType.STRING, "id", r -> "S" + (int) r[3] % 7)
            .required("random", ColumnType.DOUBLE, "random", r -> r[0])
            .required("few", ColumnType.DOUBLE, "few distinct", r -> r[1])
            .optional("sometimes", ColumnType.DOUBLE, "nullable", r -> Double.isNaN(r[2]) ? null : r[2])
            .required("count", ColumnType.INT64, "count", r -> (long) r[3])
            .build();

    /** The writer as it was: parquet-java's defaults but for codec and row group size. */
    private static final class DefaultDictionaryBuilder
            extends ParquetWriter.Builder<double[], DefaultDictionaryBuilder> {
        DefaultDictionaryBuilder(OutputFile out) {
            super(out);
            withCompressionCodec(CompressionCodecName.SNAPPY);
            withRowGroupSize(ParquetTables.ROW_GROUP_BYTES);
        }

        @Override
        protected DefaultDictionaryBuilder self() {
            return this;
        }

        @Override
        protected WriteSupport<double[]> getWriteSupport(Configuration conf) {
            return new RowWriteSupport<>(SCHEMA, ParquetTables.footer(SCHEMA, Map.of()));
        }
    }

    private static double[][] rows(int n, long seed) {
        Random rnd = new Random(seed);
        double[] few = {0.0, -0.0, 0.5, 1.0, Double.NaN, 1e-300, Double.MIN_VALUE};
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            double sometimes = rnd.nextInt(3) == 0 ? Double.NaN : rnd.nextGaussian() * 1e3;
            rows[i] = new double[] {rnd.nextDouble() * 1e6 - 5e5, few[rnd.nextInt(few.length)], sometimes, i};
        }
        return rows;
    }

    @Test
    void shouldReadBackEveryDoubleBitForBitWhenDoublesAreNotDictionaryEncoded() throws IOException {
        double[][] rows = rows(120_000, 20261204L);
        Path fast = dir.resolve("fast/doubles/part-0.parquet");
        Path slow = dir.resolve("slow/doubles/part-0.parquet");
        Files.createDirectories(fast.getParent());
        Files.createDirectories(slow.getParent());
        try (ParquetWriter<double[]> w = ParquetTables.writer(SCHEMA, Map.of(), new LocalOutputFile(fast))) {
            for (double[] r : rows) {
                w.write(r);
            }
        }
        try (ParquetWriter<double[]> w = new DefaultDictionaryBuilder(new LocalOutputFile(slow)).build()) {
            for (double[] r : rows) {
                w.write(r);
            }
        }
        List<Map<String, Object>> a =
                TableReader.read(dir.resolve("fast"), "doubles").rows();
        List<Map<String, Object>> b =
                TableReader.read(dir.resolve("slow"), "doubles").rows();
        assertEquals(rows.length, a.size());
        assertEquals(b.size(), a.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(b.get(i).keySet(), a.get(i).keySet(), "row " + i);
            for (Map.Entry<String, Object> e : b.get(i).entrySet()) {
                Object x = a.get(i).get(e.getKey());
                Object y = e.getValue();
                if (y instanceof Double d) {
                    assertEquals(
                            Double.doubleToRawLongBits(d),
                            Double.doubleToRawLongBits((Double) x),
                            "row " + i + " " + e.getKey());
                } else {
                    assertEquals(y, x, "row " + i + " " + e.getKey());
                }
            }
        }
        assertFalse(dictionaryEncoded(fast, "random"));
        assertFalse(dictionaryEncoded(fast, "few"));
        assertTrue(dictionaryEncoded(fast, "session_id"), "strings keep their dictionary");
        assertTrue(dictionaryEncoded(slow, "few"), "the old writer did use a dictionary");
    }

    /**
     * Two tables written side by side, as the review's sinks do: the writer of a table without a
     * {@code random} column is built while the first table's file is open, and the first file
     * then starts new row groups. Parquet-java up to 1.17 kept one values-writer factory for the
     * whole JVM, initialised with the properties of the writer built last (apache/parquet-java
     * GH-3224, GH-3497), so the first file's later row groups took the other table's properties
     * and dictionary-encoded its doubles.
     */
    @Test
    void shouldKeepDoublesPlainInEveryRowGroupWhileAnotherTableIsWritten() throws IOException {
        TableSchema<double[]> other = TableSchema.<double[]>builder("other")
                .description("test")
                .required("value", ColumnType.DOUBLE, "value", r -> r[0])
                .build();
        Path first = dir.resolve("first/doubles/part-0.parquet");
        Path second = dir.resolve("second/other/part-0.parquet");
        Files.createDirectories(first.getParent());
        Files.createDirectories(second.getParent());
        double[][] rows = rows(1_500_000, 20261207L);
        int blocks;
        try (ParquetWriter<double[]> a = ParquetTables.writer(SCHEMA, Map.of(), new LocalOutputFile(first))) {
            for (int i = 0; i < 1_000; i++) {
                a.write(rows[i]);
            }
            try (ParquetWriter<double[]> b = ParquetTables.writer(other, Map.of(), new LocalOutputFile(second))) {
                for (int i = 0; i < rows.length; i++) {
                    if (i >= 1_000) {
                        a.write(rows[i]);
                    }
                    b.write(new double[] {i % 10});
                }
            }
        }
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(first))) {
            blocks = r.getFooter().getBlocks().size();
        }
        assertTrue(blocks >= 2, "the first file must span row groups, has " + blocks);
        assertFalse(dictionaryEncoded(first, "random"), "random in a later row group");
        assertFalse(dictionaryEncoded(first, "few"), "few in a later row group");
        assertFalse(dictionaryEncoded(second, "value"));
        assertTrue(dictionaryEncoded(first, "session_id"), "strings keep their dictionary");
    }

    private static boolean dictionaryEncoded(Path file, String column) throws IOException {
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(file))) {
            for (BlockMetaData block : r.getFooter().getBlocks()) {
                for (ColumnChunkMetaData c : block.getColumns()) {
                    if (c.getPath().toDotString().equals(column)) {
                        Set<Encoding> enc = c.getEncodings();
                        if (enc.stream().anyMatch(Encoding::usesDictionary)) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }
}
