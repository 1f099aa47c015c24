package org.sessionreview.jobs.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.sessionreview.ingest.flink.Locations;
import org.sessionreview.storage.Entry;
import org.sessionreview.storage.LocalEntry;

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
 * entry to be written exists but is not listed in the marker (someone else's {@code sessions/}),
 * or when the marker says another command wrote the folder ({@link Kind}).
 * Other files in a marked folder are left alone. Staging folders left by a killed run are removed
 * at the next {@link #open}.
 *
 * <p>The folder may be on any file system Flink reaches ({@link Entry}). On a local disk each
 * move is an atomic rename. On an object store such as S3 a move is a copy of every object
 * followed by a delete: a table is replaced table by table, and a reader listing a table folder
 * while it is being copied can see part of it; the marker is replaced by a delete and a copy.
 */
public final class OutputDirectory {
    /** Marker file: which entries of the folder this tool wrote. */
    public static final String MARKER = ".session-review-output.json";

    static final String STAGING_PREFIX = ".session-review-staging-";
    static final String REPLACED_PREFIX = ".session-review-replaced-";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private OutputDirectory() {}

    /**
     * Which command wrote a folder; recorded in the marker, so that one command never replaces
     * another's output (a review written over a research export put identified tables in the
     * researchers' folder; a report written over a review deleted its tables).
     */
    public enum Kind {
        REVIEW("review"),
        REPORT("report"),
        EXPORT("export");

        private final String command;

        Kind(String command) {
            this.command = command;
        }

        /** The command's name, as written in the marker's {@code kind}. */
        public String command() {
            return command;
        }

        static Kind of(String command) {
            for (Kind k : values()) {
                if (k.command.equals(command)) {
                    return k;
                }
            }
            return null;
        }

        /**
         * The kind of a marker written before kinds were recorded, from what it lists: only a
         * report has index.html, only a review run.json.
         */
        static Kind inferred(Set<String> owned) {
            return owned.contains("index.html") ? REPORT : owned.contains("run.json") ? REVIEW : EXPORT;
        }
    }

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
        return open(LocalEntry.of(out), Kind.REVIEW, entries);
    }

    /** As {@link #open(Path, List)} for a run of command {@code kind}. */
    public static Staging open(Path out, Kind kind, List<String> entries) throws RefusedException, IOException {
        return open(LocalEntry.of(out), kind, entries);
    }

    /**
     * As {@link #open(Path, List)}, on any file system, for a run of command {@code kind}: a folder
     * whose marker says another command wrote it is refused too.
     */
    public static Staging open(Entry out, Kind kind, List<String> entries) throws RefusedException, IOException {
        if (out.exists() && !out.isDirectory()) {
            throw new RefusedException("--out " + out + " exists and is not a folder");
        }
        boolean created = !out.exists();
        out.createDirectories();
        Set<String> owned = owned(out);
        Kind previous = owned == null ? null : writtenBy(out, owned);
        if (previous != null && previous != kind) {
            throw new RefusedException("--out " + out + " holds the output of session-review " + previous.command()
                    + ", not of " + kind.command() + ": choose another folder (a folder is only ever replaced by"
                    + " the command that wrote it)");
        }
        List<String> foreign = new ArrayList<>();
        for (Entry p : out.list()) {
            String name = p.name();
            if (name.startsWith(STAGING_PREFIX) || name.startsWith(REPLACED_PREFIX)) {
                p.deleteRecursively(); // left by a run that was killed
            } else if (owned == null && !name.equals(MARKER)) {
                foreign.add(name);
            } else if (owned != null && entries.contains(name) && !owned.contains(name)) {
                foreign.add(name);
            }
        }
        if (!foreign.isEmpty()) {
            throw new RefusedException("--out " + out + " holds " + foreign.size()
                    + " entries that session-review did not write ("
                    + String.join(", ", foreign.stream().sorted().limit(3).toList())
                    + (foreign.size() > 3 ? ", ..." : "")
                    + "): choose a new or empty folder; only folders this tool created are ever replaced");
        }
        Entry staging = out.resolve(STAGING_PREFIX + UUID.randomUUID());
        staging.createDirectories();
        return new Staging(out, staging, kind, entries, owned == null ? Set.of() : owned, created);
    }

    /** The command that wrote the marked folder: the marker's {@code kind}, or inferred from its entries. */
    private static Kind writtenBy(Entry out, Set<String> owned) throws IOException {
        try (InputStream in = out.resolve(MARKER).open()) {
            Kind k = Kind.of(MAPPER.readTree(in).path("kind").asText(""));
            return k != null ? k : Kind.inferred(owned);
        } catch (IOException e) {
            return Kind.inferred(owned);
        }
    }

    /** Entries listed in the marker; null when there is no marker. */
    static Set<String> owned(Entry out) throws IOException {
        Entry marker = out.resolve(MARKER);
        if (!marker.isRegularFile() || marker.isSymbolicLink()) {
            return null;
        }
        Set<String> owned = new LinkedHashSet<>();
        try (InputStream in = marker.open()) {
            JsonNode entries = MAPPER.readTree(in).path("entries");
            entries.forEach(e -> owned.add(e.asText()));
        } catch (IOException e) {
            return null; // an unreadable marker proves nothing: treat the folder as someone else's
        }
        return owned;
    }

    /**
     * A run's staging folder inside {@code --out}. Serializable (locations as strings: a local
     * path, or a URI) so that the job can carry it to the JobManager, which publishes when the job
     * has finished ({@link PublishOnFinish}).
     */
    public static final class Staging implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private final String out;
        private final String dir;
        private final String kind;
        private final List<String> entries;
        private final Set<String> previouslyOwned;
        /** {@code --out} did not exist before this run: a run that publishes nothing removes it again. */
        private final boolean createdOut;

        Staging(
                Entry out,
                Entry dir,
                Kind kind,
                List<String> entries,
                Set<String> previouslyOwned,
                boolean createdOut) {
            this.out = absolute(out);
            this.dir = absolute(dir);
            this.kind = kind.command();
            this.entries = List.copyOf(entries);
            this.previouslyOwned = new LinkedHashSet<>(previouslyOwned);
            this.createdOut = createdOut;
        }

        private static String absolute(Entry e) {
            return e instanceof LocalEntry l ? l.path().toAbsolutePath().toString() : e.location();
        }

        /** Where the run writes its tables and files. */
        public Entry dir() {
            return entry(dir);
        }

        /** The published folder. */
        public Entry out() {
            return entry(out);
        }

        private static Entry entry(String location) {
            try {
                return Locations.of(location);
            } catch (Locations.UnusableLocationException e) {
                throw new UncheckedIOException(location + ": " + e.getMessage(), e);
            }
        }

        /** This run's id (the staging folder's suffix), recorded in the marker when published. */
        public String runId() {
            return dir().name().substring(STAGING_PREFIX.length());
        }

        /**
         * Moves every staged entry into {@code out}, replacing the previous run's entry of the same
         * name, then writes the marker (with this run's id) and removes the staging folder.
         */
        public void publish() throws IOException {
            Entry out = out();
            Entry dir = dir();
            Entry replaced = out.resolve(REPLACED_PREFIX + runId());
            replaced.createDirectories();
            Set<String> owned = new LinkedHashSet<>(previouslyOwned);
            for (String e : entries) {
                Entry staged = dir.resolve(e);
                if (!staged.existsNoFollow()) {
                    continue;
                }
                Entry target = out.resolve(e);
                if (target.existsNoFollow()) {
                    target.move(replaced.resolve(e));
                }
                staged.move(target);
                owned.add(e);
            }
            Entry tmp = dir.resolve(MARKER);
            tmp.write(marker(owned));
            tmp.move(out.resolve(MARKER));
            replaced.deleteRecursively();
            dir.deleteRecursively();
        }

        /** The marker's JSON: this run's id and the entries this tool owns in {@code out}. */
        private byte[] marker(Set<String> owned) throws IOException {
            ObjectNode marker = MAPPER.createObjectNode();
            marker.put("tool", "session-review");
            marker.put("kind", kind);
            marker.put(
                    "about",
                    "this folder's entries listed here were written by session-review and are replaced by its next run");
            marker.put("run", runId());
            com.fasterxml.jackson.databind.node.ArrayNode listed = marker.putArray("entries");
            for (String e : owned) {
                listed.add(e);
            }
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(marker);
        }

        /**
         * Exercises what {@link #publish()} does (a move, the marker JSON, a recursive delete, reading
         * a marker) inside {@code scratch}, then deletes {@code scratch}: loads every class publish
         * needs (see {@code PublishOnFinish#onCreated}).
         */
        void warmUp(Entry scratch) throws IOException {
            Entry a = scratch.resolve("a");
            a.createDirectories();
            Entry f = a.resolve("f");
            f.write(new byte[0]);
            f.move(a.resolve("g"));
            // twice: Jackson's second write reads its serializer cache, with classes the first does not
            // load (a REST submission's publish failed at the marker on them; twenty-third audit)
            marker(Set.of("a"));
            scratch.resolve(MARKER).write(marker(Set.of("a")));
            try (InputStream in = scratch.resolve(MARKER).open()) {
                MAPPER.readTree(in).path("run").asText();
            }
            scratch.deleteRecursively();
        }

        /** Whether {@code out}'s marker names this run: it was published. */
        public boolean published() {
            try (InputStream in = out().resolve(MARKER).open()) {
                return runId().equals(MAPPER.readTree(in).path("run").asText());
            } catch (IOException | UncheckedIOException e) {
                return false;
            }
        }

        /** Deletes the staging folder; the previous output stays as it was. */
        public void abandon() {
            try {
                dir().deleteRecursively();
                if (createdOut && out().list().isEmpty()) {
                    out().deleteRecursively(); // made by this run, and nothing was published
                }
            } catch (IOException | UncheckedIOException e) {
                // the next open() removes it
            }
        }
    }
}
