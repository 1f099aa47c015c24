package org.sessionreview.jobs.sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

/**
 * JSON lines: one object per row, column name to value (numbers, booleans and arrays as JSON
 * ones, null as null, other values as {@link SqlValues#text} strings). Several results follow each
 * other with a blank line between; {@code jq} and Jackson's {@code MappingIterator} read the
 * stream as it is.
 */
final class JsonResultWriter implements ResultWriter {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final PrintStream out;
    private List<String> columns;
    private boolean first = true;

    JsonResultWriter(PrintStream out) {
        this.out = out;
    }

    @Override
    public void begin(List<String> columns) {
        if (!first) {
            out.println();
        }
        first = false;
        this.columns = columns;
    }

    @Override
    public void row(List<Object> values) {
        ObjectNode row = NODES.objectNode();
        for (int i = 0; i < values.size(); i++) {
            row.set(columns.get(i), node(values.get(i)));
        }
        try {
            out.println(MAPPER.writeValueAsString(row));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode node(Object v) {
        if (v == null) {
            return NODES.nullNode();
        }
        if (v instanceof Boolean) {
            return NODES.booleanNode((Boolean) v);
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return NODES.numberNode(((Number) v).intValue());
        }
        if (v instanceof Long) {
            return NODES.numberNode((Long) v);
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            return Double.isFinite(d) ? NODES.numberNode(d) : NODES.textNode(Double.toString(d));
        }
        if (v instanceof BigDecimal) {
            return NODES.numberNode((BigDecimal) v);
        }
        if (v instanceof Object[]) {
            ArrayNode a = NODES.arrayNode();
            for (Object e : (Object[]) v) {
                a.add(node(e));
            }
            return a;
        }
        return NODES.textNode(SqlValues.text(v));
    }

    @Override
    public void end() {
        out.flush();
    }

    @Override
    public void done(String message) {
        // no result: nothing to print in a data format
    }
}
