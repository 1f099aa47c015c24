package org.sessionreview.jobs.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.flink.table.api.ResultKind;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.table.api.internal.TableEnvironmentInternal;
import org.apache.flink.table.operations.DescribeCatalogOperation;
import org.apache.flink.table.operations.DescribeFunctionOperation;
import org.apache.flink.table.operations.DescribeTableOperation;
import org.apache.flink.table.operations.ExplainOperation;
import org.apache.flink.table.operations.Operation;
import org.apache.flink.table.operations.QueryOperation;
import org.apache.flink.table.operations.ShowOperation;
import org.apache.flink.table.operations.UseOperation;
import org.apache.flink.table.operations.command.SetOperation;
import org.apache.flink.table.operations.ddl.AlterViewOperation;
import org.apache.flink.table.operations.ddl.CreateTableOperation;
import org.apache.flink.table.operations.ddl.CreateViewOperation;
import org.apache.flink.table.operations.ddl.DropTableOperation;
import org.apache.flink.table.operations.ddl.DropViewOperation;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;

/**
 * Runs one statement at a time in a {@link TableEnvironment} and hands each result to a
 * {@link ResultWriter}. Only statements that read run: queries, EXPLAIN, DESCRIBE, SHOW, USE,
 * {@code SET 'key' = 'value'} (a Flink option for the statements after it), and creating or
 * dropping views and table definitions (metadata in the in-memory catalog). INSERT, CREATE TABLE AS, statement sets, DELETE, TRUNCATE and the like are refused
 * before they run: they would write files, possibly into a review's output folder.
 */
public final class SqlRunner {
    private static final Set<Class<? extends Operation>> READING = Set.of(
            QueryOperation.class,
            ExplainOperation.class,
            DescribeTableOperation.class,
            DescribeCatalogOperation.class,
            DescribeFunctionOperation.class,
            ShowOperation.class,
            UseOperation.class,
            SetOperation.class,
            CreateViewOperation.class,
            AlterViewOperation.class,
            DropViewOperation.class,
            CreateTableOperation.class,
            DropTableOperation.class);

    private final TableEnvironmentInternal env;

    public SqlRunner(TableEnvironment env) {
        this.env = (TableEnvironmentInternal) env;
    }

    /**
     * Parses and runs {@code statement}, writing its result.
     *
     * @throws SqlFailure when Flink refuses or fails it, or it would write
     */
    public void run(String statement, ResultWriter writer) throws SqlFailure {
        List<Operation> operations;
        try {
            operations = env.getParser().parse(statement);
        } catch (RuntimeException e) {
            throw SqlFailure.of(e);
        }
        for (Operation op : operations) {
            if (READING.stream().noneMatch(c -> c.isInstance(op))) {
                throw new SqlFailure(keyword(statement) + " statements do not run here: the sql command only reads"
                        + " (queries, views, DESCRIBE, SHOW, EXPLAIN, USE, SET); the tables are read-only");
            }
            execute(op, writer);
        }
    }

    private void execute(Operation op, ResultWriter writer) throws SqlFailure {
        if (op instanceof SetOperation) {
            set((SetOperation) op, writer);
            return;
        }
        try {
            TableResult result = env.executeInternal(op);
            if (result.getResultKind() != ResultKind.SUCCESS_WITH_CONTENT) {
                writer.done("OK");
                return;
            }
            List<String> columns = new ArrayList<>(result.getResolvedSchema().getColumnNames());
            writer.begin(columns);
            try (CloseableIterator<Row> rows = result.collect()) {
                while (rows.hasNext()) {
                    Row r = rows.next();
                    List<Object> values = new ArrayList<>(r.getArity());
                    for (int i = 0; i < r.getArity(); i++) {
                        values.add(r.getField(i));
                    }
                    writer.row(values);
                }
            }
            writer.end();
        } catch (SqlFailure e) {
            throw e;
        } catch (Exception e) {
            throw SqlFailure.of(e);
        }
    }

    /** {@code SET 'key' = 'value'}: TableEnvironment runs no SET itself (Flink's SQL client does). */
    private void set(SetOperation op, ResultWriter writer) throws SqlFailure {
        if (op.getKey().isEmpty() || op.getValue().isEmpty()) {
            throw new SqlFailure("SET needs a key and a value here: SET 'key' = 'value'");
        }
        try {
            env.getConfig().set(op.getKey().get(), op.getValue().get());
        } catch (RuntimeException e) {
            throw SqlFailure.of(e);
        }
        writer.done("OK");
    }

    /** The statement's first word after comments, upper case, e.g. {@code INSERT}. */
    static String keyword(String statement) {
        String code = statement
                .replaceAll("(?s)/\\*.*?\\*/", " ")
                .replaceAll("--[^\n]*", " ")
                .strip();
        String[] words = code.split("\\s+", 2);
        return words[0].toUpperCase(java.util.Locale.ROOT);
    }

    static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
