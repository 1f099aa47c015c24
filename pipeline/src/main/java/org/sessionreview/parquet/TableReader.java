package org.sessionreview.parquet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Reads an output table back from a local folder ({@code DIR/<table>/*.parquet}) as plain rows,
 * outside Flink: for the commands that work on finished tables (report, export). Values come back
 * in the Java types {@link ColumnType} documents, so a row read here can be written again with a
 * {@link TableSchema} whose getters are {@code row -> row.get(column)}: STRING {@link String},
 * INT32 {@link Integer}, INT64 and TIMESTAMP_UTC {@link Long} (epoch ms), DOUBLE {@link Double},
 * BOOLEAN {@link Boolean}, DATE ISO {@link String}, STRING_LIST {@code List<String>}; null for a
 * null value.
 *
 * <p>Files are read in file-name order and hidden files ({@code .} or {@code _} first) are
 * skipped, so the same folder always gives the same rows in the same order.
 */
public final class TableReader {
    private TableReader() {}

    /** One table as read: its rows and the footer key/values of its first file. */
    public record Table(String name, List<Map<String, Object>> rows, Map<String, String> footer) {}

    /**
     * The rows of table {@code name} under {@code tablesDir}; an empty table when its folder is
     * missing or holds no Parquet file.
     */
    public static Table read(Path tablesDir, String name) {
        Path dir = tablesDir.resolve(name);
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<String, String> footer = new TreeMap<>();
        for (Path file : files(dir)) {
            if (footer.isEmpty()) {
                footer.putAll(footer(file));
            }
            readFile(file, rows::add);
        }
        return new Table(name, Collections.unmodifiableList(rows), Collections.unmodifiableMap(footer));
    }

    /**
     * Calls {@code consumer} with every row of the table folder {@code tableDir} (files in name
     * order, hidden files skipped), one at a time, without holding the table in memory: for the
     * large tables (beats, windows).
     */
    public static void forEachRow(Path tableDir, Consumer<Map<String, Object>> consumer) {
        for (Path file : files(tableDir)) {
            readFile(file, consumer);
        }
    }

    /** The Parquet files of a table folder in name order, hidden files skipped. */
    public static List<Path> files(Path tableDir) {
        if (!Files.isDirectory(tableDir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(tableDir)) {
            return s.filter(p -> {
                        String n = p.getFileName().toString();
                        return Files.isRegularFile(p) && !n.startsWith(".") && !n.startsWith("_");
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + tableDir, e);
        }
    }

    /** The footer key/values of one Parquet file. */
    public static Map<String, String> footer(Path file) {
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(file))) {
            return new TreeMap<>(r.getFooter().getFileMetaData().getKeyValueMetaData());
        } catch (IOException | RuntimeException e) {
            throw unreadable(file, e);
        }
    }

    /**
     * Reads one file with parquet-java's low-level API (row groups, column IO, the example Group
     * converter): {@code ParquetReader} would need Hadoop's MapReduce classes, which the runnable
     * jar does not carry. What the reading throws becomes {@link #unreadable}; what the consumer
     * throws passes through as it is.
     */
    private static void readFile(Path file, Consumer<Map<String, Object>> rows) {
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            MessageColumnIO io = new ColumnIOFactory().getColumnIO(schema);
            for (PageReadStore pages = reader.readNextRowGroup(); pages != null; pages = reader.readNextRowGroup()) {
                RecordReader<Group> records = io.getRecordReader(pages, new GroupRecordConverter(schema));
                for (long i = 0, n = pages.getRowCount(); i < n; i++) {
                    Map<String, Object> row = row(records.read());
                    try {
                        rows.accept(row);
                    } catch (RuntimeException consumerFailed) {
                        throw new ConsumerFailure(consumerFailed);
                    }
                }
            }
        } catch (ConsumerFailure f) {
            throw f.failure;
        } catch (IOException | RuntimeException e) {
            throw unreadable(file, e);
        }
    }

    /** Carries the consumer's own failure past the reading's error handling. */
    private static final class ConsumerFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final RuntimeException failure;

        ConsumerFailure(RuntimeException failure) {
            super(null, null, false, false);
            this.failure = failure;
        }
    }

    /**
     * The error for a file that is not a readable Parquet table file (truncated, overwritten,
     * not Parquet): it names the file and parquet-java's reason, whatever parquet-java threw.
     */
    static UncheckedIOException unreadable(Path file, Exception e) {
        if (e instanceof UncheckedIOException u
                && u.getMessage() != null
                && u.getMessage().startsWith(file.toString())) {
            return u;
        }
        String reason = e.getMessage() == null
                ? e.getClass().getSimpleName()
                : e.getMessage().replaceAll("org\\.apache\\.parquet\\.io\\.LocalInputFile@[0-9a-f]+ ", "");
        IOException cause = e instanceof IOException io ? io : new IOException(reason, e);
        return new UncheckedIOException(file + ": not a readable Parquet table file (" + reason + ")", cause);
    }

    private static Map<String, Object> row(Group g) {
        GroupType type = g.getType();
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < type.getFieldCount(); i++) {
            Type f = type.getType(i);
            row.put(f.getName(), g.getFieldRepetitionCount(i) == 0 ? null : value(g, i, f));
        }
        return row;
    }

    private static Object value(Group g, int i, Type f) {
        if (!f.isPrimitive()) {
            return list(g.getGroup(i, 0));
        }
        PrimitiveType p = f.asPrimitiveType();
        LogicalTypeAnnotation logical = p.getLogicalTypeAnnotation();
        switch (p.getPrimitiveTypeName()) {
            case BINARY:
                return g.getString(i, 0);
            case INT32:
                int v = g.getInteger(i, 0);
                return logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation
                        ? LocalDate.ofEpochDay(v).toString()
                        : Integer.valueOf(v);
            case INT64:
                return g.getLong(i, 0);
            case DOUBLE:
                return g.getDouble(i, 0);
            case BOOLEAN:
                return g.getBoolean(i, 0);
            default:
                throw new IllegalStateException("unexpected Parquet type " + p + " of column " + f.getName());
        }
    }

    /** A standard 3-level LIST of strings: group(LIST) { repeated group list { optional element } }. */
    private static List<String> list(Group listGroup) {
        int n = listGroup.getFieldRepetitionCount(0);
        List<String> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            Group item = listGroup.getGroup(0, k);
            out.add(item.getFieldRepetitionCount(0) == 0 ? null : item.getString(0, 0));
        }
        return Collections.unmodifiableList(out);
    }
}
