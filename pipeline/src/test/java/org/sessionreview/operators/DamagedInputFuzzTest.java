package org.sessionreview.operators;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionreview.config.PipelineConfig;
import org.sessionreview.ingest.FileMutations;
import org.sessionreview.ingest.IngestedSession;
import org.sessionreview.ingest.SessionIngestor;
import org.sessionreview.ingest.session.Pseudonymizer;

/**
 * Damaged copies of the sample sessions, read and reviewed by the plain ingest step and the two
 * keyed operators (no cluster): every seeded damage ({@link FileMutations}) to any one file of a
 * session must leave a clean account. No internal error anywhere (a step that throws on damaged
 * input drops a whole file, wearer or session instead of the damaged records); records read =
 * accepted + rejected for every file, and a file with rejected records has a reject row; every
 * reject names its file and a reason; no client identifier or note text in a reject; the other
 * files of the session read as before; the same damaged bytes read twice give the same account.
 * One case in eight damages a whole wearer instead: some of its channel files emptied, or all cut
 * to the same short start. One wearer is zipped as E4 Connect downloads it, and one session also
 * carries its codes as a native CSV, a JSON array and an ELAN tab-delimited export.
 *
 * <p>{@code -Dfuzz.cases=N} (default 240) and {@code -Dfuzz.seed=S} (default 20261205) choose the
 * cases; a failure names the case's session, file and damage so that it can be replayed alone
 * with {@code -Dfuzz.only=<case number>} (its damaged file is then kept in {@code target/}); {@code -Dfuzz.files=<regex>} damages only the
 * files whose path matches.
 */
class DamagedInputFuzzTest {
    /** Seconds of each wearable channel kept, so that a case costs milliseconds, not seconds. */
    private static final int KEEP_S = 600;

    private static final PipelineConfig CONFIG = PipelineConfig.defaults();

    @TempDir
    static Path root;

    private static final List<String> SESSIONS = new ArrayList<>();

    @BeforeAll
    static void copySampleSessions() throws IOException {
        Path samples = Path.of("..", "sample-data").toAbsolutePath().normalize();
        try (Stream<Path> dirs = Files.list(samples)) {
            for (Path d : dirs.filter(Files::isDirectory).sorted().toList()) {
                copySession(d, root.resolve(d.getFileName().toString()));
                SESSIONS.add(d.getFileName().toString());
            }
        }
        // one wearer as E4 Connect downloads it: a zip of the channel files
        zipWearer(root.resolve(SESSIONS.get(0)), "client");
        // the coding formats the sample cohort does not use, made from one session's codes
        addOtherCodingFormats(root.resolve("2026-03-26_T02_0900"));
        assertTrue(SESSIONS.size() >= 8, "sample sessions not found in " + samples);
    }

    private static void zipWearer(Path session, String folder) throws IOException {
        Path dir = session.resolve(folder);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(session.resolve(folder + ".zip")));
                Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                zip.putNextEntry(new ZipEntry(f.getFileName().toString()));
                zip.write(Files.readAllBytes(f));
                zip.closeEntry();
                Files.delete(f);
            }
        }
        Files.delete(dir);
        Path manifest = session.resolve("session.json");
        String json = Files.readString(manifest);
        String zipped =
                json.replace("\"" + folder + "\" : \"" + folder + "\"", "\"" + folder + "\" : \"" + folder + ".zip\"");
        assertTrue(!zipped.equals(json), "wearer " + folder + " not found in " + manifest);
        Files.writeString(manifest, zipped);
    }

    /** {@code s} rounded to the millisecond. */
    private static double ms(double s) {
        return Math.round(s * 1000) / 1000.0;
    }

    /**
     * Writes the session's {@code annotations.jsonl} again as a native CSV (with its notes), a JSON
     * array and an ELAN tab-delimited export (clock and ss.msec times, tiers named by role), and
     * lists them in its session.json, so that damage reaches those readers too. Each copy is moved
     * by a few milliseconds (CSV +1 ms, JSON +2 ms, ELAN +3 ms): the same events listed twice
     * count once (the later file's copies are rejects), and these are to be read as events of
     * their own.
     */
    private static void addOtherCodingFormats(Path session) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> codes = new ArrayList<>();
        for (String line : Files.readAllLines(session.resolve("annotations.jsonl"))) {
            if (!line.isBlank()) {
                codes.add(json.readTree(line));
            }
        }
        StringBuilder csv = new StringBuilder("start,end,code,actor,intensity,significance,note\n");
        StringBuilder elan = new StringBuilder();
        List<JsonNode> moved = new ArrayList<>();
        for (JsonNode c : codes) {
            double start = ms(c.path("start").asDouble() + 0.001);
            double end = c.has("end") ? ms(c.path("end").asDouble() + 0.001) : start;
            ObjectNode o = ((ObjectNode) c).deepCopy();
            o.put("start", ms(start + 0.001));
            if (c.has("end")) {
                o.put("end", ms(end + 0.001));
            }
            moved.add(o);
            csv.append(start)
                    .append(',')
                    .append(c.has("end") ? String.valueOf(end) : "")
                    .append(',')
                    .append(c.path("code").asText())
                    .append(',')
                    .append(c.path("actor").asText())
                    .append(',')
                    .append(c.path("intensity").asText(""))
                    .append(',')
                    .append(c.path("significance").asText(""))
                    .append(",\"")
                    .append(c.path("note").asText("").replace("\"", "\"\""))
                    .append("\"\n");
            String actor = c.path("actor").asText();
            elan.append(String.join(
                            "\t",
                            actor,
                            actor,
                            clock(ms(start + 0.002)),
                            String.valueOf(ms(start + 0.002)),
                            clock(ms(end + 0.002)),
                            String.valueOf(ms(end + 0.002)),
                            clock(end - start),
                            String.valueOf(end - start),
                            c.path("code").asText()))
                    .append('\n');
        }
        Files.writeString(session.resolve("codes.csv"), csv);
        Files.writeString(session.resolve("codes.json"), json.writeValueAsString(moved));
        Files.writeString(session.resolve("elan_export.txt"), elan);
        Path manifest = session.resolve("session.json");
        ObjectNode m = (ObjectNode) json.readTree(manifest.toFile());
        ((ArrayNode) m.get("annotations")).add("codes.csv").add("codes.json").add("elan_export.txt");
        Files.writeString(manifest, json.writerWithDefaultPrettyPrinter().writeValueAsString(m));
    }

    /** {@code hh:mm:ss.mmm}, as ELAN exports times. */
    private static String clock(double s) {
        long ms = Math.round(s * 1000);
        return String.format("%02d:%02d:%02d.%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000);
    }

    /** Copies a session; E4 channel files become plain CSV holding their first {@link #KEEP_S} s. */
    private static void copySession(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.sorted().toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else if (f.getFileName().toString().endsWith(".csv.gz")) {
                    String name = f.getFileName().toString();
                    Files.write(target.resolveSibling(name.substring(0, name.length() - 3)), shortened(gunzip(f)));
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }

    private static byte[] gunzip(Path f) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
            return in.readAllBytes();
        }
    }

    /** The first {@link #KEEP_S} seconds of an E4 channel file (IBI: beats before that time). */
    private static byte[] shortened(byte[] csv) {
        String[] lines = new String(csv, StandardCharsets.UTF_8).split("\n");
        StringBuilder out = new StringBuilder();
        boolean ibi = lines[0].contains("IBI");
        int header = ibi ? 1 : 2;
        double rate = ibi ? 0 : Double.parseDouble(lines[1].split(",")[0].trim());
        for (int i = 0; i < lines.length; i++) {
            boolean keep = i < header
                    || (ibi ? Double.parseDouble(lines[i].split(",")[0]) < KEEP_S : i - header < rate * KEEP_S);
            if (keep) {
                out.append(lines[i]).append('\n');
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldAccountForEveryDamagedFileWithoutInternalErrors() throws Exception {
        int cases = Integer.getInteger("fuzz.cases", 240);
        long seed = Long.getLong("fuzz.seed", 20261205L);
        Integer only = Integer.getInteger("fuzz.only");
        SessionIngestor ingestor = new SessionIngestor(CONFIG, Pseudonymizer.demo(), null);
        List<String> failures = new ArrayList<>();
        int withRejects = 0;
        int run = 0;
        for (String session : SESSIONS) {
            FuzzCase.clientId(session, root.resolve(session).resolve("session.json"));
            FuzzCase.baseline(session, ingestor.ingest(root, session));
        }
        for (int i = 0; i < cases; i++) {
            if (only != null && only != i) {
                continue;
            }
            // java.util.Random's first draws from neighbouring seeds are alike: mix the seed first
            Random rnd = new Random(new SplittableRandom(seed + i).nextLong());
            String session = SESSIONS.get(i % SESSIONS.size());
            List<Path> files = files(root.resolve(session)).stream()
                    .filter(f -> f.toString().matches(System.getProperty("fuzz.files", ".*")))
                    .toList();
            if (files.isEmpty()) {
                continue;
            }
            Damage d = rnd.nextInt(8) == 0 ? wearerDamage(root.resolve(session), rnd) : null;
            if (d == null) {
                Path file = files.get(rnd.nextInt(files.size()));
                FileMutations.Mutation m = FileMutations.ALL.get(rnd.nextInt(FileMutations.ALL.size()));
                d = new Damage(
                        Map.of(file, m.apply(Files.readAllBytes(file), rnd)),
                        root.resolve(session).relativize(file) + ", " + m.name(),
                        file.getFileName().toString(),
                        m.local());
            }
            Map<Path, byte[]> originals = new HashMap<>();
            for (Map.Entry<Path, byte[]> e : d.files().entrySet()) {
                originals.put(e.getKey(), Files.readAllBytes(e.getKey()));
                Files.write(e.getKey(), e.getValue());
                if (only != null) {
                    // kept for a look at what the case did
                    Files.write(
                            Path.of(
                                    "target",
                                    "fuzz-case-" + i + "-" + e.getKey().getFileName()),
                            e.getValue());
                }
            }
            String label = "case " + i + " (" + session + "/" + d.what() + ")";
            try {
                IngestedSession in = ingestor.ingest(root, session);
                IngestedSession again = ingestor.ingest(root, session);
                if (!in.rejects.isEmpty()) {
                    withRejects++;
                }
                run++;
                if (System.getProperty("fuzz.verbose") != null) {
                    System.out.println(label + " -> " + in.rejects.size() + " rejects; "
                            + in.rejects.stream()
                                    .limit(2)
                                    .map(r -> r.line + ": " + r.reason)
                                    .toList());
                }
                failures.addAll(new FuzzCase(label, session, d.name(), d.local(), in, again).check(CONFIG));
            } finally {
                for (Map.Entry<Path, byte[]> e : originals.entrySet()) {
                    Files.write(e.getKey(), e.getValue());
                }
            }
        }
        if (run >= 50) {
            // the damage must bite: most kinds reject something wherever they land
            assertTrue(withRejects >= run / 3, withRejects + " of " + run + " damaged sessions had a reject");
        }
        assertTrue(failures.isEmpty(), failures.size() + " problems:\n" + String.join("\n", failures));
    }

    /** Damaged bytes for some files of a session, what was done, the damaged file's (or folder's) name. */
    private record Damage(Map<Path, byte[]> files, String what, String name, boolean local) {}

    /**
     * Damage to one wearer's whole recording, as a case of its own: some of its channel files
     * emptied (a wristband that recorded only some channels), or every file cut to the same short
     * start (a recording that stopped after seconds). Null when the session has no wearer folder.
     */
    private static Damage wearerDamage(Path session, Random rnd) throws IOException {
        List<Path> wearers;
        try (Stream<Path> s = Files.list(session)) {
            wearers = s.filter(Files::isDirectory).sorted().toList();
        }
        if (wearers.isEmpty()) {
            return null;
        }
        Path wearer = wearers.get(rnd.nextInt(wearers.size()));
        List<Path> channels;
        try (Stream<Path> s = Files.list(wearer)) {
            channels = s.sorted().toList();
        }
        Map<Path, byte[]> out = new HashMap<>();
        String what;
        if (rnd.nextBoolean()) {
            for (Path c : channels) {
                if (rnd.nextBoolean()) {
                    out.put(c, new byte[0]);
                }
            }
            if (out.isEmpty()) {
                out.put(channels.get(0), new byte[0]);
            }
            what = wearer.getFileName() + ", channel files emptied: "
                    + out.keySet().stream()
                            .map(p -> p.getFileName().toString())
                            .sorted()
                            .toList();
        } else {
            double fraction = 0.002 + rnd.nextDouble() * 0.2;
            for (Path c : channels) {
                out.put(c, keepStart(Files.readAllBytes(c), fraction));
            }
            what = wearer.getFileName() + String.format(", every channel cut to its first %.1f %%", fraction * 100);
        }
        return new Damage(out, what, wearer.getFileName().toString(), false);
    }

    /** The header rows and the first {@code fraction} of the data lines of an E4 channel file. */
    private static byte[] keepStart(byte[] csv, double fraction) {
        String[] lines = new String(csv, StandardCharsets.UTF_8).split("\n");
        int header = lines[0].contains("IBI") ? 1 : 2;
        int keep = header + (int) Math.round((lines.length - header) * fraction);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(keep, lines.length); i++) {
            out.append(lines[i]).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<Path> files(Path session) {
        try (Stream<Path> s = Files.walk(session)) {
            return s.filter(Files::isRegularFile)
                    .sorted(Comparator.naturalOrder())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
