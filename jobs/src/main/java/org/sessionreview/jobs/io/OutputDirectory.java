package org.sessionreview.jobs.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The output folder ({@code --out}) of a run: stage, then publish.
 *
 * <p>A run writes every table and file into a hidden staging folder inside {@code --out}
 * ({@value #STAGING_PREFIX}...), so readers never see a partial table. When the job has finished,
 * {@link Staging#publish()} moves each staged entry into place (a rename on the same file system;
 * a previous entry of the same name is moved aside first and deleted after), then writes the
 * marker {@value #MARKER} that lists what this tool owns in the folder. A failed run calls {@link
 * Staging#abandon()}: the staging folder is deleted and the previous output stays as it was.
 *
 * <p>Only what this tool wrote is ever replaced or deleted: {@link #open} refuses a folder that
 * holds anything but this tool's entries unless the marker is there, and even then refuses when an
 * entry to be written exists but is not listed in the marker (someone else's {@code sessions/}).
 * Other files in a marked folder are left alone. Staging folders left by a killed run are removed
 * at the next {@link #open}.
 */
public final class OutputDirectory {
    /** Marker file: which entries of the folder this tool wrote. */
    public static final String MARKER = ".session-review-output.json";
    static final String STAGING_PREFIX = ".session-review-staging-";
    static final String REPLACED_PREFIX = ".session-review-replaced-";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private OutputDirectory() {}

    /** {@code --out} cannot be used; the message is one line for the user. */
    public static final class RefusedException extends Exception {
        private static final long serialVersionUID = 1L;

        RefusedException(String message) {
            super(message);
        }
    }

    /**
     * Opens {@code out} for a run that will write {@code entries} (table folders and file names):
     * creates it when missing, checks that it is this tool's, removes stale staging folders, and
     * creates a fresh staging folder.
     *
     * @throws RefusedException when the folder holds files this tool did not write
     */
    public static Staging open(Path out, List<String> entries) throws RefusedException, IOException {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new RefusedException("--out " + out + " exists and is not a folder");
        }
        Files.createDirectories(out);
        Set<String> owned = owned(out);
        List<String> foreign = new ArrayList<>();
        try (Stream<Path> s = Files.list(out)) {
            for (Path p : s.toList()) {
                String name = p.getFileName().toString();
                if (name.startsWith(STAGING_PREFIX) || name.startsWith(REPLACED_PREFIX)) {
                    deleteRecursively(p); // left by a run that was killed
                } else if (owned == null && !name.equals(MARKER)) {
                    foreign.add(name);
                } else if (owned != null && entries.contains(name) && !owned.contains(name)) {
                    foreign.add(name);
                }
            }
        }
        if (!foreign.isEmpty()) {
            throw new RefusedException("--out " + out + " holds " + foreign.size() + " entries that session-review did not write ("
                    + String.join(", ", foreign.stream().sorted().limit(3).toList()) + (foreign.size() > 3 ? ", ..." : "")
                    + "): choose a new or empty folder; only folders this tool created are ever replaced");
        }
        Path staging = out.resolve(STAGING_PREFIX + UUID.randomUUID());
        Files.createDirectory(staging);
        return new Staging(out, staging, entries, owned == null ? Set.of() : owned);
    }

    /** Entries listed in the marker; null when there is no marker. */
    static Set<String> owned(Path out) throws IOException {
        Path marker = out.resolve(MARKER);
        if (!Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        Set<String> owned = new LinkedHashSet<>();
        try {
            JsonNode entries = MAPPER.readTree(marker.toFile()).path("entries");
            entries.forEach(e -> owned.add(e.asText()));
        } catch (IOException e) {
            return null; // an unreadable marker proves nothing: treat the folder as someone else's
        }
        return owned;
    }

    /**
     * A run's staging folder inside {@code --out}. Serializable (paths as strings) so that the
     * job can carry it to the JobManager, which publishes when the job has finished ({@link
     * PublishOnFinish}).
     */
    public static final class Staging implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private final String out;
        private final String dir;
        private final List<String> entries;
        private final Set<String> previouslyOwned;

        Staging(Path out, Path dir, List<String> entries, Set<String> previouslyOwned) {
            this.out = out.toAbsolutePath().toString();
            this.dir = dir.toAbsolutePath().toString();
            this.entries = List.copyOf(entries);
            this.previouslyOwned = new LinkedHashSet<>(previouslyOwned);
        }

        /** Where the run writes its tables and files. */
        public Path dir() {
            return Path.of(dir);
        }

        /** The published folder. */
        public Path out() {
            return Path.of(out);
        }

        /** This run's id (the staging folder's suffix), recorded in the marker when published. */
        public String runId() {
            return Path.of(dir).getFileName().toString().substring(STAGING_PREFIX.length());
        }

        /**
         * Moves every staged entry into {@code out}, replacing the previous run's entry of the same
         * name, then writes the marker (with this run's id) and removes the staging folder.
         */
        public void publish() throws IOException {
            Path out = out();
            Path dir = dir();
            Path replaced = out.resolve(REPLACED_PREFIX + runId());
            Files.createDirectory(replaced);
            Set<String> owned = new LinkedHashSet<>(previouslyOwned);
            for (String e : entries) {
                Path staged = dir.resolve(e);
                if (!Files.exists(staged, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                Path target = out.resolve(e);
                if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    move(target, replaced.resolve(e));
                }
                move(staged, target);
                owned.add(e);
            }
            ObjectNode marker = MAPPER.createObjectNode();
            marker.put("tool", "session-review");
            marker.put("about", "this folder's entries listed here were written by session-review and are replaced by its next run");
            marker.put("run", runId());
            com.fasterxml.jackson.databind.node.ArrayNode listed = marker.putArray("entries");
            for (String e : owned) {
                listed.add(e);
            }
            Path tmp = dir.resolve(MARKER);
            MAPPER.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), marker);
            move(tmp, out.resolve(MARKER));
            deleteRecursively(replaced);
            deleteRecursively(dir);
        }

        /**
         * Exercises what {@link #publish()} does (a move, the marker JSON, a recursive delete, reading
         * a marker) inside {@code scratch}, then deletes {@code scratch}: loads every class publish
         * needs (see {@code PublishOnFinish#onCreated}).
         */
        void warmUp(Path scratch) throws IOException {
            Path a = Files.createDirectories(scratch.resolve("a"));
            Path f = Files.writeString(a.resolve("f"), "");
            move(f, a.resolve("g"));
            ObjectNode marker = MAPPER.createObjectNode();
            marker.put("run", runId());
            marker.putArray("entries").add("a");
            MAPPER.writerWithDefaultPrettyPrinter().writeValue(scratch.resolve(MARKER).toFile(), marker);
            MAPPER.readTree(scratch.resolve(MARKER).toFile()).path("run").asText();
            deleteRecursively(scratch);
        }

        /** Whether {@code out}'s marker names this run: it was published. */
        public boolean published() {
            try {
                JsonNode m = MAPPER.readTree(out().resolve(MARKER).toFile());
                return runId().equals(m.path("run").asText());
            } catch (IOException e) {
                return false;
            }
        }

        /** Deletes the staging folder; the previous output stays as it was. */
        public void abandon() {
            try {
                deleteRecursively(dir());
            } catch (IOException e) {
                // the next open() removes it
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(p, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
