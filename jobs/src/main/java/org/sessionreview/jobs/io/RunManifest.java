package org.sessionreview.jobs.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.sessionreview.Version;
import org.sessionreview.model.InputFileStats;

/**
 * Writes {@code run.json}: what went in (path, size, SHA-256, records read / accepted / rejected
 * per file), the parameters, the versions, and what came out. Everything but the timestamps and
 * the output path is the same for the same inputs and configuration.
 */
public final class RunManifest {
    public static final String FILE_NAME = "run.json";
    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private RunManifest() {}

    /** The facts of one run. */
    public record Run(
            Path sessionsRoot,
            Path out,
            Instant started,
            Instant finished,
            String mode,
            int parallelism,
            String pseudonymKeySource,
            Map<String, Object> parameters,
            List<InputFileStats> files,
            int sessionFolders,
            int sessionsReviewed,
            int sessionsFlagged,
            List<String> tables) {}

    /** Writes {@code run.json} into {@code dir} (the run's staging folder; {@code run.out()} is where it is published). */
    public static Path write(Path dir, Run run) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode tool = root.putObject("tool");
        tool.put("name", "session-review");
        tool.put("version", Version.project());
        tool.put("flink_version", Version.flink());
        tool.put("java_version", System.getProperty("java.version"));
        ObjectNode r = root.putObject("run");
        r.put("started_utc", run.started().toString());
        r.put("finished_utc", run.finished().toString());
        r.put("mode", run.mode());
        r.put("parallelism", run.parallelism());
        r.put("pseudonym_key", run.pseudonymKeySource());
        root.put("sessions_root", run.sessionsRoot().toString());
        root.put("out", run.out().toString());
        root.set("parameters", MAPPER.valueToTree(run.parameters()));

        List<InputFileStats> files = run.files().stream()
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
            read += f.recordsRead;
            accepted += f.recordsAccepted;
            rejected += f.recordsRejected;
        }
        ObjectNode totals = root.putObject("totals");
        totals.put("session_folders", run.sessionFolders());
        totals.put("sessions_reviewed", run.sessionsReviewed());
        totals.put("sessions_flagged", run.sessionsFlagged());
        totals.put("files", files.size());
        totals.put("records_read", read);
        totals.put("records_accepted", accepted);
        totals.put("records_rejected", rejected);
        ArrayNode tables = root.putArray("tables");
        run.tables().forEach(t -> tables.add(t + "/"));
        Path target = dir.resolve(FILE_NAME);
        MAPPER.writeValue(target.toFile(), root);
        return target;
    }

    /** Reads a run.json back (for tests and tools). */
    public static com.fasterxml.jackson.databind.JsonNode read(Path file) throws IOException {
        return MAPPER.readTree(Files.readString(file));
    }
}
