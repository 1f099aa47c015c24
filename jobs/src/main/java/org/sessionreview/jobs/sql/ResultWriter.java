package org.sessionreview.jobs.sql;

import java.util.List;

/**
 * Prints statement results in one {@link SqlFormat}. For each statement: {@link #begin} with its
 * column names, then {@link #row} per row, then {@link #end}; a statement that returns no
 * result (CREATE VIEW, USE) calls {@link #done} instead.
 */
public interface ResultWriter {
    void begin(List<String> columns);

    /** One row; values as Flink returns them ({@link SqlValues} renders them). */
    void row(List<Object> values);

    /** After the last row of a result. */
    void end();

    /** A statement without a result ran; {@code message} says what it did, e.g. {@code OK}. */
    void done(String message);
}
