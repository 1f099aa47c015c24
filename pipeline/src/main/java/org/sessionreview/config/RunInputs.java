package org.sessionreview.config;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import org.sessionreview.storage.Entry;
import org.sessionreview.storage.EntryDigest;

/**
 * The run-wide files that shape a review's numbers besides the sessions root and the declared
 * options: the stored baselines of {@code --baselines} (every z-score is taken against them) and
 * the codebook of {@code --codebook} (which site labels become which canonical codes). Each is
 * identified by its file name, size and SHA-256, so that a table's footer and {@code run.json}
 * say which file produced it; the path is left out of the footer (it may name a person's
 * folder), and {@code run.json} names the sessions root already.
 *
 * <p>Keys (footer {@code session_review.<key>}, {@code run.json} {@code run_inputs.<key>}):
 * {@value #BASELINES} and {@value #CODEBOOK}; the value is {@value #NONE} when the option was not
 * given, else {@code "<name>, <size> bytes, SHA-256 <64 hex digits>"}.
 */
public final class RunInputs {
    /** The {@code --baselines} file. */
    public static final String BASELINES = "run_input.baselines";
    /** The {@code --codebook} file. */
    public static final String CODEBOOK = "run_input.codebook";
    /** The value of an option that was not given. */
    public static final String NONE = "none";

    private RunInputs() {}

    /**
     * A run-wide file read once: the caller parses {@link #bytes()} and the footer records the same
     * bytes, so a file replaced between two reads cannot be recorded as other than what was parsed.
     *
     * @param name the file's name (no folder)
     * @param bytes its bytes as stored
     */
    public record File(String name, byte[] bytes) {
        /** Reads {@code file} once. */
        public static File read(Entry file) throws IOException {
            return new File(file.name(), file.readAllBytes());
        }

        /** {@code "<name>, <size> bytes, SHA-256 <hex>"}. */
        public String identity() {
            EntryDigest d = EntryDigest.of(bytes);
            return name + ", " + d.sizeBytes() + " bytes, SHA-256 " + d.sha256();
        }
    }

    /**
     * The footer entries of a run (keys {@link #BASELINES} and {@link #CODEBOOK}, sorted); {@code
     * baselines} and {@code codebook} are null when their option was not given.
     */
    public static Map<String, String> describe(File baselines, File codebook) {
        Map<String, String> out = new TreeMap<>();
        out.put(BASELINES, baselines == null ? NONE : baselines.identity());
        out.put(CODEBOOK, codebook == null ? NONE : codebook.identity());
        return out;
    }

    private static final java.util.regex.Pattern SIZE_AND_HASH =
            java.util.regex.Pattern.compile("\\d+ bytes, SHA-256 [0-9a-f]{64}$");

    /**
     * The value without the file's name, for readers outside the service (the research export): a
     * name the user chose may name a person ({@code baselines_Mueller.json}), the size and hash
     * still identify the file. {@link #NONE} and values of another form are returned as {@code
     * "given"} or unchanged ({@code none}).
     */
    public static String withoutName(String value) {
        if (value == null || NONE.equals(value)) {
            return value;
        }
        java.util.regex.Matcher m = SIZE_AND_HASH.matcher(value);
        return m.find() ? m.group() : "given";
    }
}
