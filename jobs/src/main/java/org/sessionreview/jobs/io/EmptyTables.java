package org.sessionreview.jobs.io;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.sessionreview.parquet.ParquetTables;
import org.sessionreview.parquet.TableSchema;
import org.sessionreview.storage.Entry;

/**
 * Gives every table folder at least one Parquet file: a table without rows (no rejects, say)
 * gets {@code part-empty.parquet} holding its schema and footer, so readers can query it and see
 * zero rows instead of failing on a folder without files. Works on any file system ({@link
 * Entry}).
 */
public final class EmptyTables {
    static final String FILE_NAME = "part-empty.parquet";

    private EmptyTables() {}

    public static void fill(Entry out, List<TableSchema<?>> tables, Map<String, String> provenance) throws IOException {
        for (TableSchema<?> t : tables) {
            Entry dir = out.resolve(t.name());
            dir.createDirectories();
            boolean hasFile = dir.list().stream().anyMatch(p -> p.name().endsWith(".parquet"));
            if (!hasFile) {
                writeEmpty(dir.resolve(FILE_NAME), t, provenance);
            }
        }
    }

    private static <T> void writeEmpty(Entry file, TableSchema<T> schema, Map<String, String> provenance)
            throws IOException {
        try (ParquetWriter<T> w = ParquetTables.writer(schema, provenance, new EntryOutputFile(file))) {
            // no rows: schema and footer only
        }
    }

    /** Parquet's view of an entry to write: a stream that knows its position. */
    private record EntryOutputFile(Entry file) implements OutputFile {
        @Override
        public PositionOutputStream create(long blockSizeHint) throws IOException {
            return createOrOverwrite(blockSizeHint);
        }

        @Override
        public PositionOutputStream createOrOverwrite(long blockSizeHint) throws IOException {
            OutputStream out = file.create();
            return new PositionOutputStream() {
                private long pos;

                @Override
                public long getPos() {
                    return pos;
                }

                @Override
                public void write(int b) throws IOException {
                    out.write(b);
                    pos++;
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                    pos += len;
                }

                @Override
                public void flush() throws IOException {
                    out.flush();
                }

                @Override
                public void close() throws IOException {
                    out.close();
                }
            };
        }

        @Override
        public boolean supportsBlockSize() {
            return false;
        }

        @Override
        public long defaultBlockSize() {
            return 0;
        }
    }
}
