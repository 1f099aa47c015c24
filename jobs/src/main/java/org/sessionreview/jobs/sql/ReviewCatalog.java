package org.sessionreview.jobs.sql;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.config.TableConfigOptions;
import org.apache.flink.table.catalog.GenericInMemoryCatalog;
import org.sessionreview.export.ResearchExport;
import org.sessionreview.jobs.io.EmbeddedTempDirectory;
import org.sessionreview.parquet.OutputTables;
import org.sessionreview.parquet.TableSchema;
import org.sessionreview.storage.Entry;
import org.sessionreview.storage.LocalEntry;

/**
 * A batch {@link TableEnvironment} on the embedded runtime whose current catalog, {@code review}
 * (in memory, database {@code default_database}), holds every output table found under a review's
 * output folder, registered by {@link TableDdl}; for a research export's folder, with the export's
 * columns. The session time zone is UTC, so that
 * {@code TIMESTAMP_LTZ} values print and cast the same on every machine.
 */
public final class ReviewCatalog {
    public static final String CATALOG = "review";
    public static final String DATABASE = "default_database";

    private ReviewCatalog() {}

    /**
     * The environment and the tables it registered (those with a folder under {@code tables});
     * closing it removes the embedded runtime's temporary folder ({@link EmbeddedTempDirectory}).
     */
    public record Opened(
            TableEnvironment env, List<String> registered, List<String> missing, EmbeddedTempDirectory temp)
            implements AutoCloseable {
        @Override
        public void close() {
            if (temp != null) {
                temp.close();
            }
        }
    }

    /**
     * Opens the catalog over {@code tables}.
     *
     * @throws java.io.UncheckedIOException when the first {@code sessions/} file is not readable
     *     Parquet (its footer tells a research export from a review); the message names the file
     *     and the reason, and nothing is left open
     */
    public static Opened open(Path tables) {
        return open(LocalEntry.of(tables.toAbsolutePath().normalize()));
    }

    /**
     * Opens the catalog over {@code tables}, a local folder or one on a Flink file system ({@code
     * s3://...}, whose file system must be set up: {@link
     * org.sessionreview.jobs.io.EmbeddedFileSystems}); Flink's Parquet reader reads every table
     * through the same file systems.
     *
     * @throws java.io.UncheckedIOException as {@link #open(Path)}
     */
    public static Opened open(Entry tables) {
        return open(tables, Map.of());
    }

    /**
     * As {@link #open(Entry)}, the embedded runtime configured with {@code flinkConf} (the {@code
     * --flink} settings: file system options, {@code table.exec.*}, {@code parallelism.default});
     * the session time zone stays UTC.
     */
    public static Opened open(Entry tables, Map<String, String> flinkConf) {
        // first, before the embedded runtime's temporary folder exists: a damaged file throws here
        boolean export = isResearchExport(tables);
        Configuration conf = Configuration.fromMap(flinkConf);
        conf.set(TableConfigOptions.LOCAL_TIME_ZONE, "UTC");
        EmbeddedTempDirectory temp = EmbeddedTempDirectory.apply(conf, true);
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.newInstance()
                .inBatchMode()
                .withConfiguration(conf)
                .build());
        env.registerCatalog(CATALOG, new GenericInMemoryCatalog(CATALOG, DATABASE));
        env.useCatalog(CATALOG);
        env.useDatabase(DATABASE);
        List<String> registered = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (TableSchema<?> review : OutputTables.ALL) {
            if (export && !ResearchExport.tableNames().contains(review.name())) {
                continue; // a table the export drops
            }
            TableSchema<?> t = export ? ResearchExport.exportSchema(review) : review;
            Entry dir = tables.resolve(t.name());
            if (dir.isDirectory()) {
                env.executeSql(TableDdl.createTable(t, org.sessionreview.jobs.io.FlinkPaths.text(dir.uri())));
                registered.add(t.name());
            } else {
                missing.add(t.name());
            }
        }
        return new Opened(env, List.copyOf(registered), List.copyOf(missing), temp);
    }

    /**
     * True when {@code tables} is the output of {@code export} (its sessions files' footer names an
     * audience): its tables have the export's columns ({@link ResearchExport#exportSchema}), not the
     * review's ({@code session_week} instead of {@code session_date}, no {@code *_utc}).
     */
    static boolean isResearchExport(Entry tables) {
        List<Entry> files = TableFiles.files(tables.resolve("sessions"));
        return !files.isEmpty()
                && TableFiles.footer(files.get(0))
                        .containsKey(org.sessionreview.parquet.ParquetTables.FOOTER_PREFIX + "export.audience");
    }
}
