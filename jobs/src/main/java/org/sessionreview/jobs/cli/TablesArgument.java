package org.sessionreview.jobs.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.sessionreview.ingest.flink.Locations;
import org.sessionreview.storage.Entry;
import org.sessionreview.storage.LocalEntry;
import org.sessionreview.storage.LocalTables;

/**
 * The arguments shared by the commands that read a review's tables ({@code sql}, {@code report},
 * {@code export}) and, for {@code --flink}, by {@code review}: {@code --flink KEY=VALUE} (a Flink
 * configuration option, e.g. {@code s3.endpoint}), {@code --tables} as a local folder or a folder
 * on any Flink file system ({@code s3://bucket/out}), and an {@code --out} that must be local.
 */
public final class TablesArgument {
    private TablesArgument() {}

    /**
     * Adds one {@code --flink KEY=VALUE} to {@code flinkConf} (key and value trimmed; a later
     * value for the same key wins).
     *
     * @throws UsageException when {@code kv} has no {@code =} or an empty key
     */
    public static void putFlinkSetting(Map<String, String> flinkConf, String kv) throws UsageException {
        int eq = kv.indexOf('=');
        if (eq <= 0) {
            throw new UsageException("--flink takes KEY=VALUE (a Flink configuration option), got '" + kv + "'");
        }
        flinkConf.put(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
    }

    /**
     * The folder {@code value} names, after {@code fileSystems} has set up Flink's file systems
     * with {@code flinkConf} (so that an {@code s3://} folder is reachable).
     *
     * @throws UsageException naming {@code --tables} and the location when the file systems cannot
     *     be set up, no file system serves the scheme, the store cannot be reached (with the root
     *     cause) or there is no folder there
     */
    public static Entry folder(String value, Map<String, String> flinkConf, Consumer<Map<String, String>> fileSystems)
            throws UsageException {
        try {
            fileSystems.accept(flinkConf);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Entry tables = ReviewOptions.location("--tables", value);
        if (!tables.isDirectory()) {
            throw new UsageException(tables.unreachable()
                    .map(why -> "--tables " + tables + ": cannot be reached (" + why + ")")
                    .orElse("--tables " + tables + ": no such folder"));
        }
        return tables;
    }

    /**
     * Why {@code tables} (a folder, from {@link #folder}) is not a review's output: it holds no
     * {@code sessions/} table ({@code sessions/*.parquet}); empty when it does.
     */
    public static Optional<String> noSessionsTable(Entry tables) {
        try {
            return LocalTables.dataFiles(tables.resolve("sessions")).isEmpty()
                    ? Optional.of("--tables " + tables + " holds no sessions table (sessions/*.parquet):"
                            + " give the --out folder of a review")
                    : Optional.empty();
        } catch (java.io.UncheckedIOException e) {
            return Optional.of("--tables " + tables + ": " + e.getMessage());
        }
    }

    /**
     * The local folder {@code value} names (a plain path or a {@code file:} URI), absolute and
     * normalised. The commands that write pages or tables from a review's tables write to a local
     * folder only: an object store has neither the rename that publishes a finished output at once
     * nor the folder listing their output rules rely on.
     *
     * @param what what goes there, for the message ("the pages", "the export")
     * @throws UsageException for any other scheme ({@code s3://...}), or an unusable path
     */
    public static Path localOut(String value, String what) throws UsageException {
        return local(
                "--out",
                value,
                scheme -> what + " are written to a local folder only, not to " + scheme
                        + "://; write them locally and copy the folder (e.g. aws s3 sync DIR " + value + ")");
    }

    /**
     * The local path {@code value} names (a plain path or a {@code file:} URI), absolute and
     * normalised, for an option that reads or writes local files only (the README's "every other
     * DIR and FILE"). A URI of another scheme ({@code s3://bucket/x}) is refused rather than taken
     * as a local folder named {@code s3:}.
     */
    public static Path localPath(String flag, String value) throws UsageException {
        return local(flag, value, scheme -> "a local path only, not a URI of the " + scheme + ":// scheme");
    }

    /**
     * The one check behind {@link #localOut} and {@link #localPath}: {@code value} as a local path
     * (a plain path, absolute or relative, or a {@code file:} URI); any other URI scheme is a
     * {@link UsageException} "{@code flag value: }" followed by {@code refusal} of the scheme.
     */
    public static Path local(String flag, String value, java.util.function.Function<String, String> refusal)
            throws UsageException {
        Optional<String> scheme = Locations.scheme(value);
        if (scheme.isPresent() && !scheme.get().equals("file")) {
            throw new UsageException(flag + " " + value + ": " + refusal.apply(scheme.get()));
        }
        Entry e = ReviewOptions.location(flag, value);
        if (!(e instanceof LocalEntry local)) {
            throw new UsageException(flag + " " + value + ": not a local path");
        }
        return local.path();
    }
}
