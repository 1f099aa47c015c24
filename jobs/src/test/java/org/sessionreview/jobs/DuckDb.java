package org.sessionreview.jobs;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** DuckDB over JDBC: the independent reader our tests check the Parquet output with. */
public final class DuckDb implements AutoCloseable {
    private final Connection conn;

    public DuckDb() throws SQLException {
        conn = DriverManager.getConnection("jdbc:duckdb:");
    }

    /** Rows of a query, each a column-name -> value map in column order. */
    public List<Map<String, Object>> query(String sql) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int c = 1; c <= md.getColumnCount(); c++) {
                    row.put(md.getColumnLabel(c), rs.getObject(c));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** Runs a statement that returns no rows of interest (COPY, SET). */
    public void execute(String sql) throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute(sql);
        }
    }

    public Object scalar(String sql) throws SQLException {
        List<Map<String, Object>> rows = query(sql);
        return rows.isEmpty() ? null : rows.get(0).values().iterator().next();
    }

    /** Column name -> DuckDB type of a query's result. */
    public Map<String, String> describe(String relation) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map<String, Object> r : query("DESCRIBE SELECT * FROM " + relation)) {
            out.put((String) r.get("column_name"), (String) r.get("column_type"));
        }
        return out;
    }

    /** The Parquet files of a table's folder, as a relation. */
    public static String parquet(java.nio.file.Path dir) {
        return parquetFile(dir + "/*.parquet");
    }

    /** One Parquet file (or a glob), as a relation. */
    public static String parquetFile(Object path) {
        return "read_parquet(" + literal(path) + ")";
    }

    /** A SQL string literal. */
    public static String literal(Object text) {
        return "'" + text.toString().replace("'", "''") + "'";
    }

    @Override
    public void close() throws SQLException {
        conn.close();
    }
}
