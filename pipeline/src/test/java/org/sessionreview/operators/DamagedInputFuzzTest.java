package org.sessionreview.operators;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
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
        for (String session : SESSIONS) {
            FuzzCase.clientId(session, root.resolve(session).resolve("session.json"));
            FuzzCase.baseline(session, ingestor.ingest(root, session));
        }
        for (int i = 0; i < cases; i++) {
            if (only != null && only != i) {
                continue;
            }
            Random rnd = new Random(seed + i);
            String session = SESSIONS.get(i % SESSIONS.size());
            List<Path> files = files(root.resolve(session)).stream()
                    .filter(f -> f.toString().matches(System.getProperty("fuzz.files", ".*")))
                    .toList();
            if (files.isEmpty()) {
                continue;
            }
            Path file = files.get(rnd.nextInt(files.size()));
            FileMutations.Mutation m = FileMutations.ALL.get(rnd.nextInt(FileMutations.ALL.size()));
            byte[] original = Files.readAllBytes(file);
            byte[] damaged = m.apply(original, rnd);
            Files.write(file, damaged);
            if (only != null) {
                // kept for a look at what the case did
                Files.write(Path.of("target", "fuzz-case-" + i + "-" + file.getFileName()), damaged);
            }
            String label =
                    "case " + i + " (" + session + "/" + root.resolve(session).relativize(file) + ", " + m.name() + ")";
            try {
                IngestedSession in = ingestor.ingest(root, session);
                IngestedSession again = ingestor.ingest(root, session);
                if (!in.rejects.isEmpty()) {
                    withRejects++;
                }
                if (System.getProperty("fuzz.verbose") != null) {
                    System.out.println(label + " -> " + in.rejects.size() + " rejects; "
                            + in.rejects.stream()
                                    .limit(2)
                                    .map(r -> r.line + ": " + r.reason)
                                    .toList());
                }
                failures.addAll(new FuzzCase(label, session, file.getFileName().toString(), m.local(), in, again)
                        .check(CONFIG));
            } finally {
                Files.write(file, original);
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " problems:\n" + String.join("\n", failures));
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
