package org.sessionreview.parquet;

import java.util.List;
import java.util.Optional;

/**
 * Every table a review writes, in the order the README documents them: the one list that the
 * review, the report, the research export and the SQL catalog all work from.
 */
public final class OutputTables {
    private OutputTables() {}

    /** All output tables, each a folder of Parquet files under the output directory. */
    public static final List<TableSchema<?>> ALL = List.of(
            Tables.SESSIONS,
            Tables.MOMENTS,
            Tables.WINDOWS,
            Tables.SCR,
            Tables.BEATS,
            Tables.ARTIFACTS,
            Tables.SYNCHRONY,
            RuptureTables.RUPTURES,
            RuptureTables.SEGMENTS,
            TrendTables.TRAINEES,
            TrendTables.CLIENTS,
            Tables.BASELINES,
            Tables.ANNOTATIONS,
            Tables.REJECTS);

    /** The tables of single sessions, all but the cohort tables {@code trainees} and {@code clients}: what a live job writes. */
    public static final List<TableSchema<?>> PER_SESSION = ALL.stream()
            .filter(t -> t != TrendTables.TRAINEES && t != TrendTables.CLIENTS)
            .toList();

    /** The table called {@code name}, if it is one of ours. */
    public static Optional<TableSchema<?>> byName(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
