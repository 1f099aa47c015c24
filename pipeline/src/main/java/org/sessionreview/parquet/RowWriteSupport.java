package org.sessionreview.parquet;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;

/**
 * Writes rows of a {@link TableSchema} through parquet-java's record consumer, and puts the
 * table's provenance (methods, parameters, version, column descriptions) into the file footer.
 */
final class RowWriteSupport<T> extends WriteSupport<T> {
    private final TableSchema<T> schema;
    private final Map<String, String> footer;
    private RecordConsumer consumer;

    RowWriteSupport(TableSchema<T> schema, Map<String, String> footer) {
        this.schema = schema;
        this.footer = footer;
    }

    @Override
    public WriteContext init(Configuration configuration) {
        return new WriteContext(schema.messageType(), new HashMap<>(footer));
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.consumer = recordConsumer;
    }

    @Override
    public void write(T row) {
        consumer.startMessage();
        List<Column<T>> columns = schema.columns();
        for (int i = 0; i < columns.size(); i++) {
            Column<T> c = columns.get(i);
            Object v = c.valueOf(row);
            if (v == null) {
                continue;
            }
            consumer.startField(c.name(), i);
            writeValue(c, v);
            consumer.endField(c.name(), i);
        }
        consumer.endMessage();
    }

    private void writeValue(Column<T> c, Object v) {
        switch (c.type()) {
            case STRING:
                consumer.addBinary(Binary.fromString((String) v));
                break;
            case INT32:
                consumer.addInteger(((Number) v).intValue());
                break;
            case INT64:
            case TIMESTAMP_UTC:
                consumer.addLong(((Number) v).longValue());
                break;
            case DOUBLE:
                consumer.addDouble(((Number) v).doubleValue());
                break;
            case BOOLEAN:
                consumer.addBoolean((Boolean) v);
                break;
            case DATE:
                consumer.addInteger((int) LocalDate.parse((String) v).toEpochDay());
                break;
            case STRING_LIST:
                writeList((List<?>) v);
                break;
            default:
                throw new IllegalStateException("unhandled column type " + c.type());
        }
    }

    /** Standard 3-level LIST: group(LIST) { repeated group list { optional element } }. */
    private void writeList(List<?> values) {
        consumer.startGroup();
        if (!values.isEmpty()) {
            consumer.startField("list", 0);
            for (Object item : values) {
                consumer.startGroup();
                if (item != null) {
                    consumer.startField("element", 0);
                    consumer.addBinary(Binary.fromString(item.toString()));
                    consumer.endField("element", 0);
                }
                consumer.endGroup();
            }
            consumer.endField("list", 0);
        }
        consumer.endGroup();
    }
}
