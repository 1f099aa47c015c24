package org.sessionreview.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.sessionreview.model.Role;
import org.sessionreview.model.SessionInfo;
import org.sessionreview.report.BaselineRow;
import org.sessionreview.storage.Entry;
import org.sessionreview.storage.LocalEntry;

/**
 * Personal baselines carried from earlier runs ({@code baselines.json}, read with
 * {@code --baselines FILE}): for each person ({@code client:<client_key>} or
 * {@code therapist:<therapist_id>}) and feature, the median across that person's sessions of the
 * per-session baseline medians and MADs, with the number of sessions. Only baselines that came
 * from a calibration or coded stretch are pooled (whole-session fallbacks are not).
 *
 * <pre>
 * {"format": "session-review baselines 1",
 *  "people": {"client:9ce0...": {"sessions": 3,
 *                                "features": {"eda_scl_us": {"median": 4.1, "mad": 0.3, "windows": 120}}}}}
 * </pre>
 */
public final class StoredBaselines implements Serializable {
    /** The {@code source} a review writes into the file: how many sessions were pooled. */
    private static final java.util.regex.Pattern WRITTEN_SOURCE = java.util.regex.Pattern.compile("\\d{1,9} sessions?");

    private static final long serialVersionUID = 1L;
    /** The format tag written into, and required from, the file. */
    public static final String FORMAT = "session-review baselines 1";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private final TreeMap<String, Baseline> people;

    private StoredBaselines(TreeMap<String, Baseline> people) {
        this.people = people;
    }

    public static StoredBaselines none() {
        return new StoredBaselines(new TreeMap<>());
    }

    /** The person key of a session's wearer. */
    public static String person(SessionInfo info, Role role) {
        return role == Role.CLIENT ? "client:" + info.clientKey : "therapist:" + info.therapistId;
    }

    /** The stored baseline of {@code person}, or null. */
    public Baseline lookup(String person) {
        return people.get(person);
    }

    public Map<String, Baseline> people() {
        return Collections.unmodifiableMap(people);
    }

    /** Pools the rows of a run per person (see the class comment). */
    public static StoredBaselines pool(List<BaselineRow> rows) {
        Map<String, Map<String, List<BaselineRow>>> byPerson = new TreeMap<>();
        for (BaselineRow r : rows) {
            if (r.source == null
                    || !(r.source.startsWith("calibration") || r.source.startsWith("coded BASELINE"))
                    || r.source.contains("whole session")) {
                continue;
            }
            byPerson.computeIfAbsent(r.person, k -> new TreeMap<>())
                    .computeIfAbsent(r.feature, k -> new ArrayList<>())
                    .add(r);
        }
        TreeMap<String, Baseline> people = new TreeMap<>();
        for (Map.Entry<String, Map<String, List<BaselineRow>>> p : byPerson.entrySet()) {
            int sessions =
                    p.getValue().values().stream().mapToInt(List::size).max().orElse(0);
            Baseline.Builder b = Baseline.builder(sessions + (sessions == 1 ? " session" : " sessions"));
            for (Map.Entry<String, List<BaselineRow>> f : p.getValue().entrySet()) {
                Feature feature = Feature.byColumn(f.getKey());
                double[] medians =
                        f.getValue().stream().mapToDouble(r -> r.median).toArray();
                double[] mads = f.getValue().stream().mapToDouble(r -> r.mad).toArray();
                int windows = f.getValue().stream().mapToInt(r -> r.windows).sum();
                b.put(
                        feature,
                        new FeatureBaseline(new Median().evaluate(medians), new Median().evaluate(mads), windows));
            }
            people.put(p.getKey(), b.build());
        }
        return new StoredBaselines(people);
    }

    public void write(Path file) throws IOException {
        Files.write(file, toJson());
    }

    /** The {@link #FORMAT} JSON of these baselines (what {@link #read} reads). */
    public byte[] toJson() throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        ObjectNode ps = root.putObject("people");
        for (Map.Entry<String, Baseline> e : people.entrySet()) {
            ObjectNode p = ps.putObject(e.getKey());
            p.put("source", e.getValue().source());
            ObjectNode fs = p.putObject("features");
            for (Map.Entry<Feature, FeatureBaseline> f : e.getValue().features().entrySet()) {
                ObjectNode n = fs.putObject(f.getKey().column());
                n.put("median", f.getValue().median());
                n.put("mad", f.getValue().mad());
                n.put("windows", f.getValue().count());
            }
        }
        return MAPPER.writeValueAsBytes(root);
    }

    /**
     * Reads a baselines file.
     *
     * @throws IllegalArgumentException naming the file and the problem when it is unusable
     */
    public static StoredBaselines read(Path file) {
        return read(LocalEntry.of(file));
    }

    /** As {@link #read(Path)}, on any file system. */
    public static StoredBaselines read(Entry file) {
        byte[] bytes;
        try {
            bytes = file.readAllBytes();
        } catch (IOException e) {
            throw new IllegalArgumentException("baselines file " + file + " is not readable: " + e.getMessage());
        }
        return parse(file, bytes);
    }

    /**
     * Parses a baselines file's bytes already read (so the caller can record the same bytes'
     * SHA-256); {@code file} names it in messages and in each baseline's source.
     *
     * @throws IllegalArgumentException naming the file and the problem when it is unusable
     */
    public static StoredBaselines parse(Entry file, byte[] bytes) {
        JsonNode root;
        try {
            root = MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalArgumentException("baselines file " + file + " is not readable JSON: " + e.getMessage());
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new IllegalArgumentException("baselines file " + file + " lacks \"format\": \"" + FORMAT
                    + "\" (write it with a review run: <out>/baselines.json)");
        }
        TreeMap<String, Baseline> people = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("people").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            // the source a review writes ("3 sessions"); any other text in the file (hand-edited,
            // perhaps a name) is not carried into the tables
            String source = p.getValue().path("source").asText("");
            Baseline.Builder b = Baseline.builder("stored baseline from " + file.name() + " ("
                    + (WRITTEN_SOURCE.matcher(source).matches() ? source : "earlier runs") + ")");
            for (Iterator<Map.Entry<String, JsonNode>> fs =
                            p.getValue().path("features").fields();
                    fs.hasNext(); ) {
                Map.Entry<String, JsonNode> f = fs.next();
                Feature feature;
                try {
                    feature = Feature.byColumn(f.getKey());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(
                            "baselines file " + file + ", person " + p.getKey() + ": " + e.getMessage());
                }
                JsonNode n = f.getValue();
                if (!n.path("median").isNumber()
                        || !n.path("mad").isNumber()
                        || n.path("mad").asDouble() < 0) {
                    throw new IllegalArgumentException("baselines file " + file + ", person " + p.getKey()
                            + ", feature " + f.getKey() + ": needs numeric median and non-negative mad");
                }
                b.put(
                        feature,
                        new FeatureBaseline(
                                n.get("median").asDouble(),
                                n.get("mad").asDouble(),
                                n.path("windows").asInt(0)));
            }
            people.put(p.getKey(), b.build());
        }
        return new StoredBaselines(people);
    }
}
