package org.sessionreview.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.sessionreview.Version;
import org.sessionreview.config.ConfigOption;
import org.sessionreview.config.PipelineConfig;
import org.sessionreview.config.RunInputs;
import org.sessionreview.config.TrendOptions;
import org.sessionreview.ingest.session.Pseudonymizer;
import org.sessionreview.parquet.Column;
import org.sessionreview.parquet.OutputTables;
import org.sessionreview.parquet.ParquetTables;
import org.sessionreview.parquet.TableReader;
import org.sessionreview.parquet.TableSchema;
import org.sessionreview.parquet.TrendTables;
import org.sessionreview.report.SessionRow;
import org.sessionreview.scoring.trends.ClientTrend;
import org.sessionreview.scoring.trends.TraineeTable;
import org.sessionreview.scoring.trends.TrendConfig;

/**
 * The research export of a review's tables ({@link ResearchRules}): reads {@code DIR/<table>/}
 * with {@link TableReader}, keeps the sessions with research consent, applies each column's rule
 * and writes one Parquet file per table under the output folder ({@code <out>/<table>/part-0.parquet},
 * the review's layout), with footers that name the audience and the rules. Plain Java, no Flink.
 *
 * <p>Deterministic: rows are sorted by their exported values (pseudonymous session id first), so
 * the same tables and key give the same rows in the same order and the same footers, whatever
 * order the review wrote its rows in, and the row order says nothing about the raw ids or dates.
 * Files are byte-identical within one JVM; across runs parquet-java may list a column chunk's
 * encodings in another order (it keeps them in a hash set of enums).
 *
 * <p>Memory: the sessions table and the recomputed trainees and clients tables are held in memory;
 * every other table is read in passes ({@link TableReader#forEachRow}), each holding at most about a quarter of
 * the heap's worth of rows.
 */
public final class ResearchExport {
    /** The one file written per table. */
    public static final String FILE_NAME = "part-0.parquet";

    /** Footer keys of the review's files that are copied (besides the declared parameters). */
    static final List<String> COPIED_FOOTER_KEYS = List.of(
            "version", "commit", "flink_version", "methods", "pseudonym_key", RunInputs.BASELINES, RunInputs.CODEBOOK);

    private ResearchExport() {}

    /** What an export wrote: sessions read and exported, and the tables (folder names) in order. */
    public record Result(int sessionsRead, int sessionsExported, List<String> tables) {}

    /** The tables an export writes, in the review's order. */
    public static List<String> tableNames() {
        return OutputTables.ALL.stream()
                .map(TableSchema::name)
                .filter(n -> !ResearchRules.DROPPED_TABLES.containsKey(n))
                .toList();
    }

    /**
     * The review tables {@link #export} reads: those it exports, except {@code trainees/} and
     * {@code clients/}, which it recomputes from the consented sessions.
     */
    public static List<String> tablesRead() {
        return tableNames().stream()
                .filter(n -> !n.equals(TrendTables.TRAINEES.name()) && !n.equals(TrendTables.CLIENTS.name()))
                .toList();
    }

    /**
     * Exports the review tables under {@code tablesDir} into {@code outDir} (which should be
     * empty: a staging folder).
     */
    public static Result export(Path tablesDir, Path outDir, Pseudonymizer key) throws IOException {
        return export(tablesDir, outDir, key, defaultBatchRows());
    }

    /**
     * Rows held in memory at once while a table is exported: about a quarter of the heap at 1 KB
     * a row (at least 10,000). A table with more rows is read in several passes, each taking the
     * next sessions in pseudonym order.
     */
    static long defaultBatchRows() {
        return Math.max(10_000, Runtime.getRuntime().maxMemory() / 4096);
    }

    /** As {@link #export(Path, Path, Pseudonymizer)}, holding at most about {@code batchRows} rows of a table at once. */
    static Result export(Path tablesDir, Path outDir, Pseudonymizer key, long batchRows) throws IOException {
        ResearchPseudonyms pseudonyms = new ResearchPseudonyms(key);
        TableReader.Table sessions = TableReader.read(tablesDir, "sessions");
        Set<String> consented = new HashSet<>();
        List<SessionRow> consentedRows = new ArrayList<>();
        for (Map<String, Object> r : sessions.rows()) {
            if (Boolean.TRUE.equals(r.get("consent_research"))) {
                consented.add((String) r.get("session_id"));
                consentedRows.add(sessionRow(r));
            }
        }
        TrendConfig trends = trendConfig(sessions.footer());
        List<String> written = new ArrayList<>();
        for (TableSchema<?> schema : OutputTables.ALL) {
            String name = schema.name();
            if (ResearchRules.DROPPED_TABLES.containsKey(name)) {
                continue;
            }
            if (name.equals(TrendTables.TRAINEES.name())) {
                writeTable(
                        schema,
                        asMaps(TrendTables.TRAINEES, TraineeTable.rows(consentedRows)),
                        sessions.footer(),
                        pseudonyms,
                        key.isDemo(),
                        outDir);
            } else if (name.equals(TrendTables.CLIENTS.name())) {
                writeTable(
                        schema,
                        asMaps(TrendTables.CLIENTS, ClientTrend.rows(consentedRows, trends)),
                        sessions.footer(),
                        pseudonyms,
                        key.isDemo(),
                        outDir);
            } else {
                List<Path> files = TableReader.files(tablesDir.resolve(name));
                Map<String, String> footer = files.isEmpty() ? sessions.footer() : TableReader.footer(files.get(0));
                writeBySession(
                        schema,
                        tablesDir.resolve(name),
                        consented,
                        footer,
                        pseudonyms,
                        key.isDemo(),
                        outDir,
                        batchRows);
            }
            written.add(name);
        }
        return new Result(sessions.rows().size(), consentedRows.size(), written);
    }

    /**
     * Writes a table filtered by consent, in passes: first the consented sessions' row counts, then
     * per batch of sessions (in pseudonym order, at most about {@code batchRows} rows) the batch's
     * rows, transformed and sorted. Because every such table's first exported column is the
     * pseudonymous session id, the file is the same as one sort over all rows.
     */
    private static void writeBySession(
            TableSchema<?> schema,
            Path tableDir,
            Set<String> consented,
            Map<String, String> sourceFooter,
            ResearchPseudonyms pseudonyms,
            boolean demoKey,
            Path outDir,
            long batchRows)
            throws IOException {
        List<Map.Entry<Column<?>, ResearchRules.Rule>> columns = ExportColumns.exportedColumns(schema);
        if (columns.isEmpty() || !columns.get(0).getKey().name().equals("session_id")) {
            throw new IllegalStateException("table " + schema.name() + " does not start with session_id");
        }
        Map<String, Long> counts = new HashMap<>();
        TableReader.forEachRow(tableDir, r -> {
            String id = (String) r.get("session_id");
            if (consented.contains(id)) {
                counts.merge(id, 1L, Long::sum);
            }
        });
        Map<String, String> byPseudonym = new TreeMap<>();
        counts.keySet().forEach(id -> byPseudonym.put(pseudonyms.session(id), id));
        List<Set<String>> batches = new ArrayList<>();
        Set<String> batch = new HashSet<>();
        long inBatch = 0;
        for (String id : byPseudonym.values()) {
            long n = counts.get(id);
            if (!batch.isEmpty() && inBatch + n > batchRows) {
                batches.add(batch);
                batch = new HashSet<>();
                inBatch = 0;
            }
            batch.add(id);
            inBatch += n;
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
        }
        TableSchema<Map<String, Object>> out = ExportColumns.exportSchema(schema);
        Path dir = Files.createDirectories(outDir.resolve(schema.name()));
        try (ParquetWriter<Map<String, Object>> w = ParquetTables.writer(
                out, provenance(schema, sourceFooter, demoKey), new LocalOutputFile(dir.resolve(FILE_NAME)))) {
            for (Set<String> sessions : batches) {
                List<Map<String, Object>> rows = new ArrayList<>();
                TableReader.forEachRow(tableDir, r -> {
                    if (sessions.contains((String) r.get("session_id"))) {
                        rows.add(ExportColumns.exportRow(schema.name(), columns, r, pseudonyms));
                    }
                });
                rows.sort(ExportColumns.ROW_ORDER);
                for (Map<String, Object> r : rows) {
                    w.write(r);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The schema of an exported table; see {@link ExportColumns#exportSchema}. */
    public static TableSchema<Map<String, Object>> exportSchema(TableSchema<?> schema) {
        return ExportColumns.exportSchema(schema);
    }

    private static <T> List<Map<String, Object>> asMaps(TableSchema<T> schema, List<T> rows) {
        List<Map<String, Object>> out = new ArrayList<>(rows.size());
        for (T row : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (Column<T> c : schema.columns()) {
                m.put(c.name(), c.valueOf(row));
            }
            out.add(m);
        }
        return out;
    }

    private static void writeTable(
            TableSchema<?> schema,
            List<Map<String, Object>> rows,
            Map<String, String> sourceFooter,
            ResearchPseudonyms pseudonyms,
            boolean demoKey,
            Path outDir)
            throws IOException {
        List<Map.Entry<Column<?>, ResearchRules.Rule>> columns = ExportColumns.exportedColumns(schema);
        TableSchema<Map<String, Object>> out = ExportColumns.exportSchema(schema);
        List<Map<String, Object>> exported = new ArrayList<>(rows.size());
        for (Map<String, Object> r : rows) {
            exported.add(ExportColumns.exportRow(schema.name(), columns, r, pseudonyms));
        }
        exported.sort(ExportColumns.ROW_ORDER);
        Path dir = Files.createDirectories(outDir.resolve(schema.name()));
        try (ParquetWriter<Map<String, Object>> w = ParquetTables.writer(
                out, provenance(schema, sourceFooter, demoKey), new LocalOutputFile(dir.resolve(FILE_NAME)))) {
            for (Map<String, Object> r : exported) {
                w.write(r);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * The footer of an exported file (without the {@code session_review.} prefix): the review's
     * version, commit, Flink version, methods, pseudonym-key source, run inputs (size and SHA-256
     * of the {@code --baselines} and {@code --codebook} files, without their names) and declared
     * parameters (nothing else of its footer is copied), then the export's audience, rules,
     * dropped columns and key source.
     */
    static Map<String, String> provenance(TableSchema<?> schema, Map<String, String> sourceFooter, boolean demoKey) {
        Set<String> copied = new HashSet<>(COPIED_FOOTER_KEYS);
        for (ConfigOption<?> o : PipelineConfig.ALL) {
            copied.add(o.key());
        }
        Map<String, String> p = new TreeMap<>();
        sourceFooter.forEach((k, v) -> {
            if (k.startsWith(ParquetTables.FOOTER_PREFIX)
                    && copied.contains(k.substring(ParquetTables.FOOTER_PREFIX.length()))) {
                String key = k.substring(ParquetTables.FOOTER_PREFIX.length());
                boolean runInput = key.equals(RunInputs.BASELINES) || key.equals(RunInputs.CODEBOOK);
                p.put(key, runInput ? RunInputs.withoutName(v) : v); // a file name may name a person
            }
        });
        p.put("export.audience", ResearchRules.AUDIENCE);
        p.put("export.rules", ResearchRules.SUMMARY);
        p.put("export.version", Version.project());
        p.put("export.pseudonym_key", demoKey ? "demo (public key: synthetic data only)" : "site key");
        p.put(
                "export.table",
                ResearchRules.RECOMPUTED_TABLES.getOrDefault(
                        schema.name(), "rows of the sessions with research consent only"));
        List<String> dropped = new ArrayList<>();
        for (Column<?> c : schema.columns()) {
            ResearchRules.Rule r = ResearchRules.rule(schema.name(), c);
            if (r.treatment() == ResearchRules.Treatment.DROPPED) {
                dropped.add(c.name() + " (" + r.why() + ")");
            }
        }
        p.put("export.dropped_columns", dropped.isEmpty() ? "none" : String.join("; ", dropped));
        return p;
    }

    /** The trend settings the review used (its footer's parameters), for the recomputed clients table. */
    static TrendConfig trendConfig(Map<String, String> footer) {
        PipelineConfig.Builder b = PipelineConfig.builder();
        for (ConfigOption<?> o : TrendOptions.ALL) {
            String v = footer.get(ParquetTables.FOOTER_PREFIX + o.key());
            if (v != null) {
                b.setText(o.key(), v);
            }
        }
        return b.build().trends();
    }

    /** A sessions row as read back, as the {@link SessionRow} the trend tables are computed from. */
    static SessionRow sessionRow(Map<String, Object> r) {
        SessionRow s = new SessionRow();
        s.sessionId = (String) r.get("session_id");
        s.therapistId = (String) r.get("therapist_id");
        s.clientKey = (String) r.get("client_key");
        s.sessionNumber = (Integer) r.get("session_number");
        s.sessionDate = (String) r.get("session_date");
        s.mediaStartMillis = (Long) r.get("media_start_utc");
        s.durationS = (Double) r.get("duration_s");
        s.anxietyEpisodes = (Integer) r.get("anxiety_episodes");
        s.anxietyTimeS = (Double) r.get("anxiety_time_s");
        s.peakAnxietyIndex = (Double) r.get("peak_anxiety_index");
        s.flagged = (Boolean) r.get("flagged");
        s.safetyEvents = (Integer) r.get("safety_events");
        s.rupturesWithdrawal = (Integer) r.get("ruptures_withdrawal");
        s.rupturesConfrontation = (Integer) r.get("ruptures_confrontation");
        s.rupturesResolved = (Integer) r.get("ruptures_resolved");
        s.rupturesPartial = (Integer) r.get("ruptures_partial");
        s.rupturesUnaddressed = (Integer) r.get("ruptures_unaddressed");
        s.rupturesEscalated = (Integer) r.get("ruptures_escalated");
        s.medianTimeToRepairS = (Double) r.get("median_time_to_repair_s");
        s.missedOpportunities = (Integer) r.get("missed_opportunities");
        s.annotationCount = r.get("annotation_count") == null ? 0 : (Integer) r.get("annotation_count");
        s.synchronyEs = (Double) r.get("synchrony_es");
        return s;
    }
}
