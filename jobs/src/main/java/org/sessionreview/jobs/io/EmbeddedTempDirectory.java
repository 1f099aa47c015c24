package org.sessionreview.jobs.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.WebOptions;

/**
 * A private {@code io.tmp.dirs} for a run on the embedded MiniCluster, removed when the run ends.
 *
 * <p>The MiniCluster extracts its RPC system (a 23 MB {@code flink-rpc-akka*.jar}) and keeps its
 * blob store and file caches in {@code io.tmp.dirs}, and its REST endpoint's upload folder in
 * {@code web.tmpdir}, the system temporary folder by default for both, and removes them only when
 * it has closed. That close runs after the job's result is known, so a
 * command that returns and exits leaves them behind: every {@code review} left 23 MB in
 * {@code /tmp}. Here the MiniCluster gets a folder of its own; {@link #close} waits (bounded)
 * for the MiniCluster to remove its RPC jar, then deletes the folder, and a shutdown hook deletes
 * it if the process ends first. An {@code io.tmp.dirs} or {@code web.tmpdir} the user sets
 * ({@code --flink}) is left alone, and a run on a cluster keeps the cluster's.
 */
public final class EmbeddedTempDirectory implements AutoCloseable {
    /** How long {@link #close} waits for the MiniCluster to let go of its files. */
    static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);

    private final Path dir;
    private final Thread hook;

    private EmbeddedTempDirectory(Path dir) {
        this.dir = dir;
        this.hook = new Thread(() -> delete(dir), "session-review-tmp-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * Points {@code conf}'s {@code io.tmp.dirs} at a new private folder when the run is embedded
     * and the option is not set.
     *
     * @param embedded whether the job runs on an embedded MiniCluster of this process
     * @return the folder to close when the run ends, or null when nothing was changed
     */
    public static EmbeddedTempDirectory apply(Configuration conf, boolean embedded) {
        if (!embedded || conf.contains(CoreOptions.TMP_DIRS)) {
            return null;
        }
        try {
            EmbeddedTempDirectory t = new EmbeddedTempDirectory(Files.createTempDirectory("session-review-flink-"));
            conf.set(CoreOptions.TMP_DIRS, t.dir.toString());
            if (!conf.contains(WebOptions.TMP_DIR)) {
                conf.set(WebOptions.TMP_DIR, t.dir.toString()); // the REST endpoint's upload folder
            }
            return t;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder for the embedded Flink cluster", e);
        }
    }

    /** The folder. */
    public Path dir() {
        return dir;
    }

    /**
     * Waits up to {@link #SHUTDOWN_WAIT} for the MiniCluster to remove its RPC jar (its last step
     * when it closes), then deletes the folder.
     */
    @Override
    public void close() {
        long deadline = System.nanoTime() + SHUTDOWN_WAIT.toNanos();
        while (holdsRpcJar() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        delete(dir);
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs anyway
        }
    }

    private boolean holdsRpcJar() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(p -> p.getFileName().toString().startsWith("flink-rpc-"));
        } catch (IOException e) {
            return false;
        }
    }

    /** Deletes a folder tree, ignoring what is gone already or cannot be deleted. */
    static void delete(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    deleteQuietly(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) {
                    deleteQuietly(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // best effort: a temporary folder
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // best effort
        }
    }
}
