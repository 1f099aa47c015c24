package org.sessionreview.jobs.badinput;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.sessionreview.jobs.Paths;

/**
 * The intact session every case starts from: the shortest session of {@code sample-data/} whose
 * annotations are native JSONL (ties: more wearers first, then folder name), cut to the first
 * {@link #DURATION_S} seconds of video so that a run over the whole corpus stays fast.
 *
 * <p>Every E4 channel keeps its two header rows and the samples up to media start + 480 s (the
 * wearables start before the video); IBI keeps the beats before that time; annotations starting
 * or ending after 480 s are dropped; {@code duration_s} becomes 480. Files stay gzip-compressed
 * or plain as in the sample.
 */
public final class BaseSession {
    /** Length of the truncated session, seconds of video. */
    public static final int DURATION_S = 480;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path source;
    private final ObjectNode manifest;

    private BaseSession(Path source) throws IOException {
        this.source = source;
        this.manifest =
                (ObjectNode) JSON.readTree(source.resolve("session.json").toFile());
    }

    /** The base chosen from the project's {@code sample-data/}. */
    public static BaseSession fromSampleData() {
        try (Stream<Path> s = Files.list(Paths.sampleData())) {
            List<Path> candidates = s.filter(p -> Files.isRegularFile(p.resolve("session.json")))
                    .toList();
            List<BaseSession> sessions = new ArrayList<>();
            for (Path p : candidates) {
                BaseSession b = new BaseSession(p);
                if (b.annotationsAreJsonl()) {
                    sessions.add(b);
                }
            }
            return sessions.stream()
                    .min(Comparator.comparingDouble((BaseSession b) ->
                                    b.manifest.path("duration_s").asDouble(1e9))
                            .thenComparing(b -> -b.manifest.path("wearables").size())
                            .thenComparing(b -> b.source.getFileName().toString()))
                    .orElseThrow(() -> new IllegalStateException("no JSONL-annotated session in sample-data/"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean annotationsAreJsonl() {
        JsonNode a = manifest.path("annotations");
        if (!a.isArray() || a.isEmpty()) {
            return false;
        }
        for (JsonNode n : a) {
            if (!n.asText().endsWith(".jsonl")) {
                return false;
            }
        }
        return !manifest.has("codebook");
    }

    public String sourceName() {
        return source.getFileName().toString();
    }

    public String clientFolder() {
        return manifest.path("wearables").path("client").asText();
    }

    /** The therapist's wearable folder, or null when the base has none. */
    public String therapistFolder() {
        JsonNode t = manifest.path("wearables").path("therapist");
        return t.isMissingNode() ? null : t.asText();
    }

    public String clientId() {
        return manifest.path("client_id").asText();
    }

    public String therapistId() {
        return manifest.path("therapist_id").asText();
    }

    /** Writes the truncated copy to {@code target} with the given session_id. */
    public void writeTo(Path target, String sessionId) throws IOException {
        Files.createDirectories(target);
        long mediaStart =
                OffsetDateTime.parse(manifest.path("media_start").asText()).toEpochSecond();
        double endEpoch = mediaStart + DURATION_S;
        try (Stream<Path> s = Files.list(source)) {
            for (Path p : s.sorted().toList()) {
                String name = p.getFileName().toString();
                if (Files.isDirectory(p)) {
                    copyWearer(p, target.resolve(name), endEpoch);
                } else if (name.endsWith(".jsonl")) {
                    Files.writeString(target.resolve(name), truncateJsonl(TextFiles.read(p)));
                } else if (!name.equals("session.json")) {
                    Files.copy(p, target.resolve(name));
                }
            }
        }
        ObjectNode m = manifest.deepCopy();
        m.put("session_id", sessionId);
        m.put("duration_s", DURATION_S);
        TextFiles.write(
                target.resolve("session.json"),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(m) + "\n");
    }

    private static void copyWearer(Path from, Path to, double endEpoch) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> s = Files.list(from)) {
            for (Path p : s.sorted().toList()) {
                String name = p.getFileName().toString();
                String text = TextFiles.read(p);
                boolean ibi = name.startsWith("IBI.");
                TextFiles.write(to.resolve(name), ibi ? truncateIbi(text, endEpoch) : truncateChannel(text, endEpoch));
            }
        }
    }

    /** Keeps the two header rows and the samples before {@code endEpoch}. */
    static String truncateChannel(String text, double endEpoch) {
        List<String> lines = text.lines().toList();
        double start = Double.parseDouble(lines.get(0).split(",")[0].trim());
        double rate = Double.parseDouble(lines.get(1).split(",")[0].trim());
        long keep = Math.max(0, (long) Math.ceil((endEpoch - start) * rate));
        int last = (int) Math.min(lines.size(), 2 + keep);
        return String.join("\n", lines.subList(0, last)) + "\n";
    }

    /** Keeps the header row and the beats whose offset ends before {@code endEpoch}. */
    static String truncateIbi(String text, double endEpoch) {
        List<String> lines = text.lines().toList();
        double start = Double.parseDouble(lines.get(0).split(",")[0].trim());
        List<String> kept = new ArrayList<>(List.of(lines.get(0)));
        for (String l : lines.subList(1, lines.size())) {
            if (start + Double.parseDouble(l.split(",")[0].trim()) < endEpoch) {
                kept.add(l);
            }
        }
        return String.join("\n", kept) + "\n";
    }

    private static String truncateJsonl(String text) throws IOException {
        StringBuilder out = new StringBuilder();
        for (String l : text.lines().toList()) {
            if (l.isBlank()) {
                continue;
            }
            JsonNode n = JSON.readTree(l);
            double end = n.has("end") ? n.get("end").asDouble() : n.get("start").asDouble();
            if (n.get("start").asDouble() < DURATION_S && end <= DURATION_S) {
                out.append(l).append('\n');
            }
        }
        return out.toString();
    }
}
