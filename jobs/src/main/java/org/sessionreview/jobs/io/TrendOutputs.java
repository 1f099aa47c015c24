package org.sessionreview.jobs.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.sessionreview.parquet.ParquetTables;
import org.sessionreview.parquet.TableSchema;
import org.sessionreview.parquet.TrendTables;
import org.sessionreview.report.ClientRow;
import org.sessionreview.report.SessionRow;
import org.sessionreview.report.TraineeRow;
import org.sessionreview.scoring.trends.ClientTrend;
import org.sessionreview.scoring.trends.TraineeTable;
import org.sessionreview.scoring.trends.TrendConfig;

/**
 * Writes the cross-session tables ({@code trainees/}, {@code clients/}) from the run's session
 * rows. They aggregate a handful of rows per session, so the driver computes them once the job
 * has delivered every session row (it collects them anyway for the progress lines and run.json).
 */
public final class TrendOutputs {
    private TrendOutputs() {}

    public static void write(Path out, List<SessionRow> sessions, TrendConfig trends, Map<String, String> provenance)
            throws IOException {
        List<TraineeRow> trainees = TraineeTable.rows(sessions);
        List<ClientRow> clients = ClientTrend.rows(sessions, trends);
        write(out, TrendTables.TRAINEES, trainees, provenance);
        write(out, TrendTables.CLIENTS, clients, provenance);
    }

    private static <T> void write(Path out, TableSchema<T> schema, List<T> rows, Map<String, String> provenance)
            throws IOException {
        if (rows.isEmpty()) {
            return; // EmptyTables writes the schema-only file
        }
        Path dir = Files.createDirectories(out.resolve(schema.name()));
        try (ParquetWriter<T> w = ParquetTables.writer(schema, provenance, new LocalOutputFile(dir.resolve("part-0.parquet")))) {
            for (T r : rows) {
                w.write(r);
            }
        }
    }
}
