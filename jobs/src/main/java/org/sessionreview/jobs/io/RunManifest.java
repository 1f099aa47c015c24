package org.sessionreview.jobs.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.sessionreview.Version;
import org.sessionreview.config.RunInputs;
import org.sessionreview.model.InputFileStats;
import org.sessionreview.model.Reject;
import org.sessionreview.report.SessionRow;
import org.sessionreview.storage.Entry;

/**
 * {@code run.json}: what went in (path, size, SHA-256, records read / accepted / rejected per
 * file), the parameters, the run-wide {@code --baselines} and {@code --codebook} files ({@code
 * run_inputs}: name, size and SHA-256, as in every footer; {@code "none"} when not given), the versions, what came out (per session: flagged or not, and why) and
 * the processing failures. Written by the job itself ({@code RunFinish}) when its input
 * ends, so a detached submission produces it too; the command's console summary reads it back.
 * Everything but the timestamps and the output path is the same for the same inputs and
 * configuration.
 */
public final class RunManifest {
    public static final String FILE_NAME = "run.json";
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private RunManifest() {}

    /**
     * What the client knows when it submits the job. {@code parametersJson} is {@code
     * PipelineConfig.describe()} rendered as JSON; {@code parallelism} is the job's default
     * parallelism as the client saw it (the cluster's unless {@code --parallelism} was given).
     */
    public record Header(
            String sessionsRoot,
            String out,
            Instant started,
            String mode,
            int parallelism,
            String pseudonymKeySource,
            String parametersJson,
            int sessionFolders,
            List<String> tables,
            java.util.Map<String, String> runInputs)
            implements Serializable {
        public Header {
            tables = List.copyOf(tables);
            runInputs = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(runInputs));
        }
    }

    /**
     * The {@link RunInputs} entries of a footer's provenance (the {@code --baselines} and {@code
     * --codebook} files), for {@link Header#runInputs()}: run.json lists them under {@code
     * run_inputs} with the footer's values, keyed without the {@code run_input.} prefix.
     */
    public static java.util.Map<String, String> runInputs(java.util.Map<String, String> provenance) {
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        for (String key : List.of(RunInputs.BASELINES, RunInputs.CODEBOOK)) {
            out.put(key.substring(key.indexOf('.') + 1), provenance.getOrDefault(key, RunInputs.NONE));
        }
        return out;
    }

    /** Renders the parameters map for {@link Header#parametersJson()}. */
    public static String parametersJson(java.util.Map<String, Object> parameters) {
        try {
            return MAPPER.writeValueAsString(parameters);
        } catch (IOException e) {
            throw new IllegalArgumentException("parameters cannot be written as JSON", e);
        }
    }

    /** The manifest of a finished run, as UTF-8 JSON. */
    public static byte[] json(
            Header h,
            Instant finished,
            List<InputFileStats> allFiles,
            List<SessionRow> allSessions,
            List<Reject> failures)
            throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode tool = root.putObject("tool");
        tool.put("name", "session-review");
        tool.put("version", Version.project());
        tool.put("commit", Version.commit());
        tool.put("flink_version", Version.flink());
        tool.put("java_version", System.getProperty("java.version"));
        ObjectNode r = root.putObject("run");
        r.put("started_utc", h.started().toString());
        r.put("finished_utc", finished.toString());
        r.put("mode", h.mode());
        r.put("parallelism", h.parallelism());
        r.put("pseudonym_key", h.pseudonymKeySource());
        root.put("sessions_root", h.sessionsRoot());
        root.put("out", h.out());
        root.set("parameters", MAPPER.readTree(h.parametersJson()));
        ObjectNode runInputs = root.putObject("run_inputs");
        h.runInputs().forEach(runInputs::put);

        List<InputFileStats> files = allFiles.stream()
                .sorted(Comparator.comparing((InputFileStats f) -> f.path).thenComparing(f -> f.kind))
                .toList();
        long read = 0;
        long accepted = 0;
        long rejected = 0;
        ArrayNode inputs = root.putArray("inputs");
        for (InputFileStats f : files) {
            ObjectNode n = inputs.addObject();
            n.put("path", f.path);
            n.put("session_id", f.sessionId);
            n.put("kind", f.kind);
            n.put("size_bytes", f.sizeBytes);
            n.put("sha256", f.sha256);
            n.put("records_read", f.recordsRead);
            n.put("records_accepted", f.recordsAccepted);
            n.put("records_rejected", f.recordsRejected);
            n.put("first_reject", f.firstReject);
            read += f.recordsRead;
            accepted += f.recordsAccepted;
            rejected += f.recordsRejected;
        }
        List<SessionRow> sessions = allSessions.stream()
                .sorted(Comparator.comparing((SessionRow s) -> s.sessionId))
                .toList();
        ArrayNode reviewed = root.putArray("sessions");
        for (SessionRow s : sessions) {
            ObjectNode n = reviewed.addObject();
            n.put("session_id", s.sessionId);
            n.put("therapist_id", s.therapistId);
            n.put("session_number", s.sessionNumber);
            n.put("flagged", s.flagged);
            n.put("priority", s.priority);
            ArrayNode reasons = n.putArray("flag_reasons");
            if (s.flagReasons != null) {
                s.flagReasons.forEach(reasons::add);
            }
            ArrayNode missing = n.putArray("missing_channels");
            if (s.missingChannels != null) {
                s.missingChannels.forEach(missing::add);
            }
        }
        ArrayNode repeated = root.putArray("repeated_recordings");
        for (List<InputFileStats> group : RepeatedRecordings.find(files)) {
            ObjectNode g = repeated.addObject();
            g.put("sha256", group.get(0).sha256);
            ArrayNode paths = g.putArray("paths");
            group.forEach(f -> paths.add(f.path));
            ArrayNode ids = g.putArray("session_ids");
            group.stream().map(f -> f.sessionId).distinct().sorted().forEach(ids::add);
        }
        ArrayNode numbering = root.putArray("session_numbering");
        for (SessionNumbering.Finding f : SessionNumbering.find(allSessions)) {
            ObjectNode g = numbering.addObject();
            g.put("client_key", f.clientKey());
            g.put("reason", f.reason());
            ArrayNode ids = g.putArray("session_ids");
            f.sessionIds().forEach(ids::add);
            ArrayNode numbers = g.putArray("session_numbers");
            f.numbers().forEach(numbers::add);
        }
        ArrayNode failed = root.putArray("processing_failures");
        failures.stream().map(Reject::describe).sorted().forEach(failed::add);
        ObjectNode totals = root.putObject("totals");
        totals.put("session_folders", h.sessionFolders());
        totals.put("sessions_reviewed", sessions.size());
        totals.put("sessions_flagged", sessions.stream().filter(s -> s.flagged).count());
        totals.put("files", files.size());
        totals.put("records_read", read);
        totals.put("records_accepted", accepted);
        totals.put("records_rejected", rejected);
        ArrayNode tables = root.putArray("tables");
        h.tables().forEach(t -> tables.add(t + "/"));
        return MAPPER.writeValueAsBytes(root);
    }

    /** Reads a run.json back (for the console summary, tests and tools), from any file system. */
    public static JsonNode read(Entry file) throws IOException {
        return MAPPER.readTree(file.readString());
    }
}
