package org.sessionreview.jobs.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.sessionreview.parquet.ParquetTables;
import org.sessionreview.parquet.TableSchema;

/**
 * Gives every table folder at least one Parquet file: a table without rows (no rejects, say)
 * gets {@code part-empty.parquet} holding its schema and footer, so readers can query it and see
 * zero rows instead of failing on a folder without files.
 */
public final class EmptyTables {
    static final String FILE_NAME = "part-empty.parquet";

    private EmptyTables() {}

    public static void fill(Path out, List<TableSchema<?>> tables, Map<String, String> provenance) throws IOException {
        for (TableSchema<?> t : tables) {
            Path dir = Files.createDirectories(out.resolve(t.name()));
            boolean hasFile;
            try (Stream<Path> s = Files.list(dir)) {
                hasFile = s.anyMatch(p -> p.getFileName().toString().endsWith(".parquet"));
            }
            if (!hasFile) {
                writeEmpty(dir.resolve(FILE_NAME), t, provenance);
            }
        }
    }

    private static <T> void writeEmpty(Path file, TableSchema<T> schema, Map<String, String> provenance) throws IOException {
        try (ParquetWriter<T> w = ParquetTables.writer(schema, provenance, new LocalOutputFile(file))) {
            // no rows: schema and footer only
        }
    }
}
