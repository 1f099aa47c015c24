package org.sessionreview.jobs.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.util.ChildFirstClassLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The publish hook after the job's class loader has been closed, as on a session cluster that
 * ran the review submitted over REST (`POST /jars/{id}/run`): the program's class loader is
 * closed when its {@code main()} returns, long before FINISHED, and every class the publish
 * needs must have been loaded by {@link PublishOnFinish#onCreated} (twenty-third audit: the
 * marker's second JSON write needed a Jackson class first loaded then, so the tables were moved
 * but the marker was never written, the staging folders stayed, and the next run over the same
 * {@code --out} was refused).
 */
class PublishOnFinishClassLoaderTest {
    @TempDir
    Path tmp;

    /** Runs inside the isolated class loader: opens the output, stages a table, creates the hook. */
    public static final class Probe {
        public static Callable<String> prepare(String out) throws Exception {
            OutputDirectory.Staging staging = OutputDirectory.open(Path.of(out), List.of("sessions", "run.json"));
            Path dir = ((org.sessionreview.storage.LocalEntry) staging.dir()).path();
            Files.writeString(Files.createDirectories(dir.resolve("sessions")).resolve("part-0.parquet"), "rows");
            Files.writeString(dir.resolve("run.json"), "{}");
            PublishOnFinish hook = new PublishOnFinish(staging, List.of(), Map.of(), true);
            JobID job = new JobID();
            hook.onCreated(job);
            return () -> {
                hook.onFinished(job);
                return staging.runId();
            };
        }
    }

    /** A cluster's lib/: Flink and logging, but none of the classes only the job jar carries. */
    private static final class ClusterLib extends ClassLoader {
        // every package session-review-flink.jar bundles (review: four of them only before)
        private static final List<String> JOB_JAR_ONLY = List.of(
                "org.sessionreview.",
                "com.fasterxml.jackson.",
                "org.apache.parquet.",
                "org.apache.commons.",
                "org.apache.hadoop.",
                "shaded.",
                "io.airlift.",
                "com.ctc.",
                "org.codehaus.",
                "org.locationtech.",
                "freemarker.",
                "org.apache.kafka.");

        ClusterLib(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (JOB_JAR_ONLY.stream().anyMatch(name::startsWith)) {
                throw new ClassNotFoundException(name);
            }
            return super.loadClass(name, resolve);
        }
    }

    @Test
    void shouldPublishCompletelyAfterTheJobsClassLoaderWasClosed() throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            urls.add(Path.of(e).toUri().toURL());
        }
        Path out = tmp.resolve("out");
        Callable<?> publish;
        // as a cluster loads a job: child-first, but Flink, logging and the JDK from the parent
        URLClassLoader job = new ChildFirstClassLoader(
                urls.toArray(URL[]::new),
                new ClusterLib(getClass().getClassLoader()),
                CoreOptions.getParentFirstLoaderPatterns(new Configuration()),
                t -> {});
        try {
            Class<?> probe = Class.forName(Probe.class.getName(), true, job);
            publish = (Callable<?>) probe.getMethod("prepare", String.class).invoke(null, out.toString());
        } finally {
            job.close(); // from here on, no class of the job can be loaded any more
        }
        String runId = (String) publish.call();

        assertEquals("rows", Files.readString(out.resolve("sessions/part-0.parquet")));
        Path marker = out.resolve(OutputDirectory.MARKER);
        assertTrue(Files.isRegularFile(marker), "the marker is written last");
        assertTrue(Files.readString(marker).contains("\"run\" : \"" + runId + "\""), Files.readString(marker));
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(
                    List.of(OutputDirectory.MARKER, "run.json", "sessions"),
                    s.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no staging or replaced folder left");
        }
    }
}
