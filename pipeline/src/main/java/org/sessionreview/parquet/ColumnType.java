package org.sessionreview.parquet;

/**
 * The logical column types our tables use, each mapped to a Parquet physical type plus logical
 * annotation so that independent readers (DuckDB, Spark, pandas/pyarrow, Flink SQL) see proper
 * types.
 */
public enum ColumnType {
    /** UTF-8 string ({@code BINARY (STRING)}); Java {@link String}. */
    STRING,
    /** 32-bit signed integer; Java {@link Integer}. */
    INT32,
    /** 64-bit signed integer; Java {@link Long}. */
    INT64,
    /** IEEE 754 double; Java {@link Double}. */
    DOUBLE,
    /** Boolean; Java {@link Boolean}. */
    BOOLEAN,
    /** Instant, {@code INT64 TIMESTAMP(MILLIS, isAdjustedToUTC=true)}; Java {@link Long} epoch ms. */
    TIMESTAMP_UTC,
    /** Calendar date, {@code INT32 DATE}; Java {@link String} in ISO {@code yyyy-MM-dd}. */
    DATE,
    /** A list of strings (standard 3-level LIST); Java {@code List<String>}. */
    STRING_LIST
}
