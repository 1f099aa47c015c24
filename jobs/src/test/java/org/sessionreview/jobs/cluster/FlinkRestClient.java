package org.sessionreview.jobs.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The few calls of Flink's REST API that tests need, over {@link HttpClient} and Jackson: the
 * cluster overview, job states, and job submission by jar upload.
 */
public final class FlinkRestClient {
    private static final Set<String> TERMINAL = Set.of("FINISHED", "FAILED", "CANCELED");

    /** The cluster as {@code GET /overview} reports it. */
    public record Overview(int taskManagers, int slotsTotal, int slotsAvailable, int jobsRunning) {}

    private final URI rest;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    /** A client of the REST endpoint at {@code rest}, for example {@code http://localhost:8081}. */
    public FlinkRestClient(URI rest) {
        this.rest = rest;
    }

    public URI uri() {
        return rest;
    }

    /** {@code GET /overview}. */
    public Overview overview() throws IOException, InterruptedException {
        JsonNode o = get("/overview");
        return new Overview(
                o.path("taskmanagers").asInt(),
                o.path("slots-total").asInt(),
                o.path("slots-available").asInt(),
                o.path("jobs-running").asInt());
    }

    /** The job's state as Flink names it (RUNNING, FINISHED, FAILED, ...). */
    public String jobStatus(String jobId) throws IOException, InterruptedException {
        return get("/jobs/" + jobId).path("state").asText();
    }

    /** The job's state and its vertices' states ({@code GET /jobs/:id}). */
    public record Progress(String state, Map<String, String> vertices) {
        /** How many vertices have this status (CREATED, RUNNING, FINISHED, ...). */
        public long count(String status) {
            return vertices.values().stream().filter(status::equals).count();
        }

        /** The status of the first vertex whose name contains {@code part}; empty if none. */
        public String vertex(String part) {
            return vertices.entrySet().stream()
                    .filter(e -> e.getKey().contains(part))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse("");
        }
    }

    public Progress progress(String jobId) throws IOException, InterruptedException {
        JsonNode job = get("/jobs/" + jobId);
        Map<String, String> vertices = new java.util.LinkedHashMap<>();
        for (JsonNode v : job.path("vertices")) {
            vertices.put(v.path("name").asText(), v.path("status").asText());
        }
        return new Progress(job.path("state").asText(), vertices);
    }

    /** Completed checkpoints of the job ({@code GET /jobs/:id/checkpoints}). */
    public long completedCheckpoints(String jobId) throws IOException, InterruptedException {
        return get("/jobs/" + jobId + "/checkpoints")
                .path("counts")
                .path("completed")
                .asLong();
    }

    /** Waits until the job is FINISHED, FAILED or CANCELED and returns that state. */
    public String awaitJob(String jobId, Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        String state = null;
        while (Instant.now().isBefore(deadline)) {
            state = jobStatus(jobId);
            if (TERMINAL.contains(state)) {
                return state;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("job " + jobId + " still " + state + " after " + timeout);
    }

    /** Cancels a job ({@code PATCH /jobs/:id?mode=cancel}); returns once the request is accepted. */
    public void cancel(String jobId) throws IOException, InterruptedException {
        HttpRequest r = HttpRequest.newBuilder(rest.resolve("/jobs/" + jobId + "?mode=cancel"))
                .timeout(Duration.ofSeconds(10))
                .method("PATCH", HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<String> response = http.send(r, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("cancel " + jobId + ": HTTP " + response.statusCode() + " " + response.body());
        }
    }

    /** Ids of the jobs that are not FINISHED, FAILED or CANCELED. */
    public List<String> runningJobs() throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        for (JsonNode j : get("/jobs").path("jobs")) {
            if (!TERMINAL.contains(j.path("status").asText())) {
                ids.add(j.path("id").asText());
            }
        }
        return ids;
    }

    /**
     * Submits a job jar over REST ({@code POST /jars/upload}, then {@code POST /jars/:id/run} with
     * {@code programArgsList}) and returns the job id. The jar's {@code main()} runs inside the
     * JobManager, detached: it must neither collect results nor call {@code System.exit}.
     */
    public String submitRest(Path jar, String... programArgs) throws IOException, InterruptedException {
        String boundary = "----flink-test-cluster-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\""
                        + jar.getFileName() + "\"\r\nContent-Type: application/x-java-archive\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest upload = HttpRequest.newBuilder(rest.resolve("/jars/upload"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, Files.readAllBytes(jar), tail)))
                .timeout(Duration.ofMinutes(2))
                .build();
        JsonNode uploaded = send(upload);
        String jarId = Path.of(uploaded.path("filename").asText()).getFileName().toString();
        Map<String, Object> body = Map.of("programArgsList", List.of(programArgs));
        HttpRequest run = HttpRequest.newBuilder(rest.resolve("/jars/" + jarId + "/run"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .timeout(Duration.ofMinutes(5))
                .build();
        return send(run).path("jobid").asText();
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(rest.resolve(path))
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build());
    }

    private JsonNode send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IOException(request.method() + " " + request.uri() + ": HTTP " + r.statusCode() + " " + r.body());
        }
        return json.readTree(r.body());
    }
}
