package org.sessionreview.jobs.sql;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import org.sessionreview.jobs.cli.UsageException;

/**
 * The {@code sql} command (issue 12): Flink SQL in batch mode over a review's output tables
 * ({@link ReviewCatalog}), each statement's result printed in the chosen {@link SqlFormat}.
 * Exit codes: 0 all statements ran, 1 a statement failed (Flink's message; the statements after
 * it do not run), 2 unusable arguments.
 */
public final class SqlCommand {
    public static final String USAGE = String.join(
            "\n",
            "usage: session-review sql (-e STATEMENT | -f FILE) --tables DIR [--format table|csv|json] [--flink KEY=VALUE]",
            "",
            "Runs Flink SQL (batch) over a review's output tables. Every table under DIR (sessions,",
            "moments, windows, ...) is registered in the catalog 'review' with its schema and column",
            "comments: SELECT ... FROM sessions, DESCRIBE sessions, SHOW TABLES. The tables are read-only.",
            "",
            "  -e STATEMENT   one or more statements, separated by ';'",
            "  -f FILE        a file of statements, separated by ';' (-- and /* */ comments allowed)",
            "  --tables DIR   the review's --out folder: a local folder, or s3://bucket/out (any file system",
            "                 Flink has a plugin for, set up as for review: plugins/ and --flink)",
            "  --format F     table (aligned text, default), csv (RFC 4180, header line) or json (JSON lines,",
            "                 one object per row); several results are separated by a blank line",
            "  --flink K=V    a Flink setting, e.g. s3.endpoint, s3.access-key, table.exec.resource.default-parallelism",
            "                 (repeatable)",
            "",
            "Exit codes: 0 done, 1 a statement failed (Flink's message), 2 unusable arguments.");

    private final PrintStream out;
    private final PrintStream err;

    public SqlCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(String[] args) {
        return run(args, System::getenv);
    }

    /**
     * Runs the command; {@code env} supplies the environment ({@code FLINK_PLUGINS_DIR}, injected
     * so tests need not touch the real one).
     */
    public int run(String[] args, java.util.function.Function<String, String> env) {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            out.println(USAGE);
            return 0;
        }
        SqlOptions options;
        List<String> statements;
        try {
            options =
                    SqlOptions.parse(args, conf -> org.sessionreview.jobs.io.EmbeddedFileSystems.initialize(conf, env));
            statements = SqlStatements.split(options.script());
            if (statements.isEmpty()) {
                throw new UsageException(options.source() + " holds no SQL statement");
            }
        } catch (UsageException e) {
            err.println("session-review sql: " + e.getMessage() + " (see 'sql --help')");
            return 2;
        }
        ReviewCatalog.Opened opened;
        try {
            opened = ReviewCatalog.open(options.tables(), options.flinkConf());
        } catch (java.io.UncheckedIOException e) { // a damaged sessions/ file: its name and the reason
            err.println("session-review sql: " + e.getMessage());
            return 1;
        }
        try (ReviewCatalog.Opened catalog = opened) {
            return run(options, statements, catalog);
        }
    }

    private int run(SqlOptions options, List<String> statements, ReviewCatalog.Opened catalog) {
        if (catalog.registered().isEmpty()) {
            err.println("session-review sql: --tables " + options.tables()
                    + " holds none of the review's tables (sessions/, moments/, ...): is it a review's --out folder?");
            return 2;
        }
        if (!catalog.missing().isEmpty()) {
            err.println("session-review sql: note: not registered, no folder under " + options.tables() + ": "
                    + String.join(", ", catalog.missing()));
        }
        try {
            // a damaged file would otherwise surface as Flink's "not a Parquet file" without its name
            for (String table : catalog.registered()) {
                if (!(options.tables() instanceof org.sessionreview.storage.LocalEntry)) {
                    break; // each file would be downloaded whole: Flink's reader then names the damage itself
                }
                for (org.sessionreview.storage.Entry file :
                        TableFiles.files(options.tables().resolve(table))) {
                    TableFiles.footer(file);
                }
            }
        } catch (java.io.UncheckedIOException e) {
            err.println("session-review sql: " + e.getMessage());
            return 1;
        }
        SqlRunner runner = new SqlRunner(catalog.env());
        ResultWriter writer = options.format().writer(out);
        for (int i = 0; i < statements.size(); i++) {
            try {
                runner.run(statements.get(i), writer);
            } catch (SqlFailure e) {
                out.flush();
                String where = statements.size() == 1 ? "" : "statement " + (i + 1) + " of " + statements.size() + ": ";
                err.println("session-review sql: " + where + e.getMessage());
                return 1;
            }
        }
        out.flush();
        return 0;
    }
}
