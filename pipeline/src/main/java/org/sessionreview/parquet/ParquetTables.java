package org.sessionreview.parquet;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.formats.parquet.ParquetBuilder;
import org.apache.flink.formats.parquet.ParquetWriterFactory;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;

/**
 * Builds Flink bulk-writer factories that write a {@link TableSchema}'s rows as SNAPPY-compressed
 * Parquet, with footer key/values {@code session_review.*} carrying provenance: the table's
 * description and column descriptions, plus whatever the caller passes (methods, parameters,
 * version).
 */
public final class ParquetTables {
    /** Footer key prefix of everything this project writes. */
    public static final String FOOTER_PREFIX = "session_review.";

    /**
     * Row group size of every table file, bytes (8 MiB; parquet-java's default is 128 MiB). A
     * writer keeps its current row group's compressed pages in memory until the group is full or
     * the file closes, and a batch run keeps each table's file open until its input ends, so with
     * the default every open file's buffer grew with the cohort (the review's live heap grew from
     * 40 to 94 MB over a 1,000-session run, most of it in byte arrays). 8 MiB row groups bound
     * that buffer and are still large enough for column scans (DuckDB, Spark and pyarrow read
     * row groups in parallel).
     */
    public static final long ROW_GROUP_BYTES = 8L * 1024 * 1024;

    /**
     * Whether {@code DOUBLE} columns are dictionary-encoded (they are not). Measured values
     * (times, features, correlations, beat intervals) rarely repeat: parquet-java hashed every
     * double into a page dictionary, found it too large and re-encoded the page plainly, which
     * made the dictionary the largest part of the sinks' CPU. Values read back are the same
     * either way ({@code ParquetTablesTest}); strings, integers and timestamps keep the dictionary.
     * The per-column setting holds in every row group only with parquet-java 1.18 or later: before
     * it every writer in a JVM shared one encoder factory set up by the writer built last
     * (apache/parquet-java GH-3224, GH-3497; {@code ParquetDoubleEncodingTest}).
     */
    public static final boolean DOUBLE_DICTIONARY = false;

    private ParquetTables() {}

    /** A writer factory for a FileSink. {@code provenance} keys get the {@link #FOOTER_PREFIX}. */
    public static <T> ParquetWriterFactory<T> writerFactory(TableSchema<T> schema, Map<String, String> provenance) {
        Map<String, String> footer = footer(schema, provenance);
        ParquetBuilder<T> builder = out -> new Builder<>(out, schema, footer).build();
        return new ParquetWriterFactory<>(builder);
    }

    /** A plain parquet-java writer of {@code schema}'s rows to {@code out} (outside Flink). */
    public static <T> ParquetWriter<T> writer(TableSchema<T> schema, Map<String, String> provenance, OutputFile out)
            throws IOException {
        return new Builder<>(out, schema, footer(schema, provenance)).build();
    }

    /** The footer key/values written with every file of {@code schema}'s table. */
    public static <T> Map<String, String> footer(TableSchema<T> schema, Map<String, String> provenance) {
        Map<String, String> footer = new LinkedHashMap<>();
        footer.put(FOOTER_PREFIX + "table", schema.name());
        footer.put(FOOTER_PREFIX + "table_description", schema.description());
        for (Column<T> c : schema.columns()) {
            footer.put(FOOTER_PREFIX + "column." + c.name(), c.description());
        }
        provenance.forEach((k, v) -> footer.put(FOOTER_PREFIX + k, v));
        return footer;
    }

    private static final class Builder<T> extends ParquetWriter.Builder<T, Builder<T>> {
        private final TableSchema<T> schema;
        private final Map<String, String> footer;

        Builder(OutputFile out, TableSchema<T> schema, Map<String, String> footer) {
            super(out);
            this.schema = schema;
            this.footer = footer;
            withCompressionCodec(CompressionCodecName.SNAPPY);
            withRowGroupSize(ROW_GROUP_BYTES);
            for (Column<T> c : schema.columns()) {
                if (c.type() == ColumnType.DOUBLE) {
                    withDictionaryEncoding(c.name(), DOUBLE_DICTIONARY);
                }
            }
        }

        @Override
        protected Builder<T> self() {
            return this;
        }

        @Override
        protected WriteSupport<T> getWriteSupport(Configuration conf) {
            return new RowWriteSupport<>(schema, footer);
        }

        @Override
        public ParquetWriter<T> build() throws IOException {
            return super.build();
        }
    }
}
