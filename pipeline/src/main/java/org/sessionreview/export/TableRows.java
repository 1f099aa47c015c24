package org.sessionreview.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.sessionreview.parquet.TableReader;

/**
 * A table's rows one at a time, in {@link TableReader}'s order and Java types, without holding the
 * table in memory: the export reads the large tables (beats, windows) this way, in passes.
 * (The value conversion is {@link TableReader}'s; it could become a {@code TableReader.forEachRow}.)
 */
final class TableRows {
    private TableRows() {}

    /** Calls {@code consumer} with every row of the table folder {@code tableDir}, files in name order. */
    static void forEach(Path tableDir, Consumer<Map<String, Object>> consumer) {
        for (Path file : TableReader.files(tableDir)) {
            try (ParquetReader<Group> reader = new GroupReader(new LocalInputFile(file)).build()) {
                for (Group g = reader.read(); g != null; g = reader.read()) {
                    consumer.accept(row(g));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
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
            Group list = g.getGroup(i, 0);
            int n = list.getFieldRepetitionCount(0);
            List<String> out = new ArrayList<>(n);
            for (int k = 0; k < n; k++) {
                Group item = list.getGroup(0, k);
                out.add(item.getFieldRepetitionCount(0) == 0 ? null : item.getString(0, 0));
            }
            return Collections.unmodifiableList(out);
        }
        PrimitiveType p = f.asPrimitiveType();
        switch (p.getPrimitiveTypeName()) {
            case BINARY:
                return g.getString(i, 0);
            case INT32:
                int v = g.getInteger(i, 0);
                return p.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation
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

    private static final class GroupReader extends ParquetReader.Builder<Group> {
        GroupReader(InputFile file) {
            super(file);
        }

        @Override
        protected ReadSupport<Group> getReadSupport() {
            return new GroupReadSupport();
        }
    }
}
