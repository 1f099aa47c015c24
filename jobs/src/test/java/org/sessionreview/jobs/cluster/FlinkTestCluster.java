package org.sessionreview.jobs.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real Flink cluster for tests (session mode, or application mode with {@link #startApplication}): one JobManager and N TaskManagers, each a separate
 * {@code java} process, started the way Flink's own scripts start them, from a {@code lib/} of
 * Maven Central jars ({@code target/flink-dist/lib}, assembled by the build; no Flink download).
 *
 * <p>Everything lives in one temporary folder: {@code conf/config.yaml} (free REST and RPC ports,
 * 2 slots per TaskManager, small memory sizes), {@code log/} (a log and an {@code .out} file per
 * process), Flink's temporary and upload folders. {@link #close()} kills every process and deletes
 * the folder (after copying {@code log/} to the folder named by the system property
 * {@value #LOGS_PROPERTY}, if set). A JVM shutdown hook does the same if the test never gets to
 * {@code close()}, and a small watchdog process kills the cluster's processes if the test JVM is
 * itself killed.
 */
public final class FlinkTestCluster implements AutoCloseable {
    /** System property: the Flink {@code lib/} folder (set by failsafe to target/flink-dist/lib). */
    public static final String LIB_PROPERTY = "flink.dist.lib";
    /** System property: where {@link #close()} copies the cluster's logs (optional). */
    public static final String LOGS_PROPERTY = "flink.test-cluster.logs";

    private static final String BASH_JAVA_UTILS_PREFIX = "BASH_JAVA_UTILS_EXEC_RESULT:";
    private static final Pattern SUBMITTED = Pattern.compile("Job has been submitted with JobID ([0-9a-f]{32})");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final String SESSION_ENTRYPOINT =
            "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint";
    private static final String APPLICATION_ENTRYPOINT =
            "org.apache.flink.container.entrypoint.StandaloneApplicationClusterEntryPoint";
    private static final Duration CLI_TIMEOUT = Duration.ofMinutes(10);

    /** What a {@code flink run} returned: its exit code, its output (stdout and stderr), its job if it says so. */
    public record CliRun(int exitCode, String output, Optional<String> jobId, Duration took) {}

    private final Path lib;
    private final Path home;
    private final Path conf;
    private final Path logs;
    private final FlinkRestClient rest;
    private final List<Process> taskManagers = new ArrayList<>();
    private final List<Process> all = new ArrayList<>();
    private final Thread shutdownHook;
    private Process jobManager;
    private Process watchdog;
    private List<String> tmJvmArgs;
    private List<String> tmDynamicProperties;
    private int clientRuns;
    private int slotsPerTaskManager;
    private boolean closed;

    private FlinkTestCluster(Path lib, Path home, int restPort) {
        this.lib = lib;
        this.home = home;
        this.conf = home.resolve("conf");
        this.logs = home.resolve("log");
        this.rest = new FlinkRestClient(URI.create("http://localhost:" + restPort));
        this.shutdownHook = new Thread(this::closeQuietly, "flink-test-cluster-shutdown");
    }

    /** Starts a JobManager and {@code taskManagers} TaskManagers and waits until all have registered. */
    public static FlinkTestCluster start(int taskManagers) throws IOException, InterruptedException {
        return start(taskManagers, Map.of());
    }

    /**
     * As {@link #start(int)}, with configuration entries added to (or replacing) the defaults of
     * {@code conf/config.yaml}.
     */
    public static FlinkTestCluster start(int taskManagers, Map<String, String> config)
            throws IOException, InterruptedException {
        return start(taskManagers, config, SESSION_ENTRYPOINT, List.of(), List.of());
    }

    /**
     * As {@link #start(int, Map)}, with {@code extraLibJars} added to the cluster's {@code lib/}
     * (a copy of the default lib/ in the cluster's own folder).
     */
    public static FlinkTestCluster start(int taskManagers, Map<String, String> config, List<Path> extraLibJars)
            throws IOException, InterruptedException {
        return start(taskManagers, config, SESSION_ENTRYPOINT, List.of(), extraLibJars);
    }

    /**
     * An application cluster (Flink's application mode, as {@code bin/standalone-job.sh} starts
     * it): a JobManager that runs {@code mainClass} of {@code jobJar} with {@code programArgs}
     * itself, and {@code taskManagers} TaskManagers. The JobManager exits when the application
     * has ended (see {@link #awaitJobManagerExit}).
     */
    public static FlinkTestCluster startApplication(
            int taskManagers, Path jobJar, String mainClass, String... programArgs)
            throws IOException, InterruptedException {
        // --jars takes several values: the class name option after it ends the list
        List<String> args = new ArrayList<>(List.of("--jars", jobJar.toUri().toString(), "--job-classname", mainClass));
        args.addAll(List.of(programArgs));
        return start(taskManagers, Map.of(), APPLICATION_ENTRYPOINT, args, List.of());
    }

    private static FlinkTestCluster start(
            int taskManagers,
            Map<String, String> config,
            String entrypoint,
            List<String> entrypointArgs,
            List<Path> extraLibJars)
            throws IOException, InterruptedException {
        Path lib = defaultLib();
        int restPort = freePort();
        Path home = Files.createTempDirectory("flink-test-cluster-");
        if (!extraLibJars.isEmpty()) {
            Path own = Files.createDirectories(home.resolve("lib"));
            try (Stream<Path> jars = Files.list(lib)) {
                for (Path jar : jars.toList()) {
                    Files.createSymbolicLink(own.resolve(jar.getFileName()), jar);
                }
            }
            for (Path jar : extraLibJars) {
                Files.copy(jar, own.resolve(jar.getFileName()));
            }
            lib = own;
        }
        FlinkTestCluster cluster = new FlinkTestCluster(lib, home, restPort);
        Runtime.getRuntime().addShutdownHook(cluster.shutdownHook);
        try {
            Files.createDirectories(cluster.logs);
            Files.createDirectories(cluster.home.resolve("plugins"));
            cluster.slotsPerTaskManager = ClusterConfig.write(cluster.home, restPort, config);
            cluster.startWatchdog();
            cluster.startProcesses(taskManagers, entrypoint, entrypointArgs);
            if (entrypoint.equals(SESSION_ENTRYPOINT)) {
                cluster.awaitTaskManagers(taskManagers, START_TIMEOUT);
            }
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            cluster.close();
            throw e;
        }
    }

    /** The lib/ folder: the system property {@value #LIB_PROPERTY}, else target/flink-dist/lib. */
    static Path defaultLib() {
        Path lib = Path.of(System.getProperty(LIB_PROPERTY, "target/flink-dist/lib"))
                .toAbsolutePath();
        try (Stream<Path> jars = Files.isDirectory(lib) ? Files.list(lib) : Stream.empty()) {
            if (jars.noneMatch(p -> p.getFileName().toString().startsWith("flink-runtime-"))) {
                throw new IllegalStateException(lib + " holds no Flink lib/: run `mvn -pl jobs -am verify` (the"
                        + " pre-integration-test phase assembles it)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lib;
    }

    /** The folder with {@code config.yaml}. */
    public Path confDir() {
        return conf;
    }

    /** The folder with each process's log ({@code jobmanager.log}, {@code taskmanager-0.log}, ...). */
    public Path logDir() {
        return logs;
    }

    // ---------------------------------------------------------------- configuration and processes

    /** A shell that kills the cluster's processes (pids in {@code pids}) once the test JVM is gone. */
    private void startWatchdog() throws IOException {
        Path pids = home.resolve("pids");
        Files.writeString(pids, "");
        String script = String.join(
                "\n",
                "while kill -0 \"$1\" 2>/dev/null; do sleep 1; done",
                "for p in $(cat \"$2\"); do grep -qF \"$3\" /proc/$p/cmdline 2>/dev/null && kill -9 $p; done",
                "rm -rf \"$3\"");
        watchdog = new ProcessBuilder(
                        "sh",
                        "-c",
                        script,
                        "flink-test-cluster-watchdog",
                        Long.toString(ProcessHandle.current().pid()),
                        pids.toString(),
                        home.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private void startProcesses(int taskManagers, String entrypoint, List<String> entrypointArgs)
            throws IOException, InterruptedException {
        Process jmParams = bashJavaUtils("GET_JM_RESOURCE_PARAMS"); // both at once: each is a JVM start
        Process tmParams = bashJavaUtils("GET_TM_RESOURCE_PARAMS");
        List<List<String>> jm = resourceParams("GET_JM_RESOURCE_PARAMS", jmParams);
        List<List<String>> tm = resourceParams("GET_TM_RESOURCE_PARAMS", tmParams);
        tmJvmArgs = tm.get(0);
        tmDynamicProperties = tm.get(1);
        List<String> jmArgs = new ArrayList<>(jm.get(1));
        jmArgs.addAll(entrypointArgs);
        jobManager = launch("jobmanager", jm.get(0), entrypoint, jmArgs);
        for (int i = 0; i < taskManagers; i++) {
            startTaskManager();
        }
    }

    private Process bashJavaUtils(String command) throws IOException {
        List<String> cmd = List.of(
                java(),
                "-Xmx128m",
                "-Dlog.file=" + logs.resolve("bash-java-utils-" + command + ".log"),
                "-Dlog4j.configurationFile=" + conf.resolve("log4j.properties").toUri(),
                "-cp",
                classpath(),
                "org.apache.flink.runtime.util.bash.BashJavaUtils",
                command,
                "--configDir",
                conf.toString());
        return track(new ProcessBuilder(cmd)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(
                        logs.resolve("bash-java-utils-" + command + ".out").toFile())
                .start());
    }

    /**
     * JVM arguments (line 1) and {@code -D} dynamic properties (line 2) for a JobManager or
     * TaskManager, computed by Flink's {@code BashJavaUtils} from config.yaml as Flink's scripts do.
     */
    private List<List<String>> resourceParams(String command, Process p) throws IOException, InterruptedException {
        Path out = logs.resolve("bash-java-utils-" + command + ".out");
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("BashJavaUtils " + command + " failed:\n" + Files.readString(out));
        }
        List<List<String>> lines = Files.readAllLines(out).stream()
                .filter(l -> l.startsWith(BASH_JAVA_UTILS_PREFIX))
                .map(l -> Arrays.stream(l.substring(BASH_JAVA_UTILS_PREFIX.length())
                                .trim()
                                .split("\\s+"))
                        .filter(s -> !s.isEmpty())
                        .toList())
                .toList();
        if (lines.size() != 2) {
            throw new IllegalStateException(
                    "BashJavaUtils " + command + ": expected 2 result lines:\n" + Files.readString(out));
        }
        return lines;
    }

    private Process launch(String name, List<String> jvmArgs, String mainClass, List<String> dynamicProperties)
            throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(java());
        cmd.addAll(jvmArgs);
        cmd.addAll(ClusterConfig.JAVA_OPTS_ALL);
        cmd.add(ClusterConfig.jvmTmpDir(home)); // native libraries a killed process leaves stay in the folder
        cmd.add("-Dlog.file=" + logs.resolve(name + ".log"));
        cmd.add("-Dlog4j.configurationFile=" + conf.resolve("log4j.properties").toUri());
        cmd.addAll(List.of("-cp", classpath(), mainClass, "--configDir", conf.toString()));
        cmd.addAll(dynamicProperties);
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(logs.resolve(name + ".out").toFile());
        pb.environment().put("FLINK_CONF_DIR", conf.toString());
        pb.environment().put("FLINK_LIB_DIR", lib.toString());
        pb.environment().put("FLINK_PLUGINS_DIR", home.resolve("plugins").toString());
        return track(pb.start());
    }

    private synchronized Process track(Process p) throws IOException {
        all.add(p);
        Files.writeString(home.resolve("pids"), p.pid() + "\n", StandardOpenOption.APPEND);
        return p;
    }

    private String classpath() {
        return lib + "/*";
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /**
     * Waits for the JobManager process to exit (an application cluster does when its application
     * has ended) and returns its exit code.
     */
    public int awaitJobManagerExit(Duration timeout) throws InterruptedException {
        if (!jobManager.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException(
                    "the JobManager still runs after " + timeout + "\n" + tail(logs.resolve("jobmanager.log")));
        }
        return jobManager.exitValue();
    }

    // ---------------------------------------------------------------- TaskManagers

    /**
     * Starts one more TaskManager (for example the replacement of a killed one) and returns its
     * index; it registers with the JobManager shortly after (see {@link #awaitTaskManagers}).
     */
    public synchronized int startTaskManager() throws IOException {
        int index = taskManagers.size();
        taskManagers.add(launch(
                "taskmanager-" + index,
                tmJvmArgs,
                "org.apache.flink.runtime.taskexecutor.TaskManagerRunner",
                tmDynamicProperties));
        return index;
    }

    /**
     * Kills TaskManager {@code index} with SIGKILL ({@link Process#destroyForcibly()} on Linux) and
     * returns its exit code: 137 (128 + SIGKILL).
     */
    public synchronized int killTaskManager(int index) throws InterruptedException {
        Process p = taskManagers.get(index);
        p.destroyForcibly();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("TaskManager " + index + " (pid " + p.pid() + ") survived SIGKILL");
        }
        return p.exitValue();
    }

    /** Indexes of the TaskManagers whose process is alive. */
    public synchronized List<Integer> liveTaskManagers() {
        List<Integer> live = new ArrayList<>();
        for (int i = 0; i < taskManagers.size(); i++) {
            if (taskManagers.get(i).isAlive()) {
                live.add(i);
            }
        }
        return live;
    }

    /** Whether TaskManager {@code index}'s process is alive. */
    public synchronized boolean isTaskManagerAlive(int index) {
        return taskManagers.get(index).isAlive();
    }

    /**
     * Waits until {@code GET /overview} reports exactly {@code expected} TaskManagers and all their
     * slots (a TaskManager registers first and reports its slots just after).
     */
    public FlinkRestClient.Overview awaitTaskManagers(int expected, Duration timeout)
            throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        FlinkRestClient.Overview last = null;
        Exception lastError = null;
        while (Instant.now().isBefore(deadline)) {
            if (jobManager != null && !jobManager.isAlive()) {
                throw new IllegalStateException("the JobManager exited with " + jobManager.exitValue() + ":\n"
                        + tail(logs.resolve("jobmanager.out")) + tail(logs.resolve("jobmanager.log")));
            }
            try {
                last = rest.overview();
                if (last.taskManagers() == expected && last.slotsTotal() == expected * slotsPerTaskManager) {
                    return last;
                }
            } catch (IOException e) { // REST endpoint not up yet
                lastError = e;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("no " + expected + " TaskManagers after " + timeout + "; last overview " + last
                + (lastError == null ? "" : ", last error " + lastError) + "\n" + tail(logs.resolve("jobmanager.log")));
    }

    // ---------------------------------------------------------------- REST (FlinkRestClient)

    /** The REST API of this cluster's JobManager. */
    public FlinkRestClient rest() {
        return rest;
    }

    public FlinkRestClient.Overview overview() throws IOException, InterruptedException {
        return rest.overview();
    }

    /** The job's state as Flink names it (RUNNING, FINISHED, FAILED, ...). */
    public String jobStatus(String jobId) throws IOException, InterruptedException {
        return rest.jobStatus(jobId);
    }

    /** Waits until the job is FINISHED, FAILED or CANCELED and returns that state. */
    public String awaitJob(String jobId, Duration timeout) throws IOException, InterruptedException {
        return rest.awaitJob(jobId, timeout);
    }

    /** Ids of the jobs that are not FINISHED, FAILED or CANCELED. */
    public List<String> runningJobs() throws IOException, InterruptedException {
        return rest.runningJobs();
    }

    /** See {@link FlinkRestClient#submitRest}: upload the jar, run it, return the job id. */
    public String submitRest(Path jar, String... programArgs) throws IOException, InterruptedException {
        return rest.submitRest(jar, programArgs);
    }

    // ---------------------------------------------------------------- CLI

    /** {@code flink run jar programArgs...}: attached, the job's parallelism from the program. */
    public CliRun submitCli(Path jar, String... programArgs) throws IOException, InterruptedException {
        return submitCli(List.of(), jar, programArgs);
    }

    /**
     * {@code flink run <runOptions> jar programArgs...} ({@code CliFrontend} in its own JVM with
     * FLINK_CONF_DIR pointing at this cluster's conf/), for example with {@code runOptions}
     * {@code ["-p", "2"]} or {@code ["-d"]}. Waits for the client to exit (at most 10 minutes).
     */
    public CliRun submitCli(List<String> runOptions, Path jar, String... programArgs)
            throws IOException, InterruptedException {
        int n;
        synchronized (this) {
            n = clientRuns++;
        }
        List<String> cmd = new ArrayList<>(List.of(java(), "-Xmx768m"));
        cmd.addAll(ClusterConfig.JAVA_OPTS_ALL);
        cmd.add(ClusterConfig.jvmTmpDir(home));
        cmd.add("-Dlog.file=" + logs.resolve("client-" + n + ".log"));
        cmd.add("-Dlog4j.configurationFile=" + conf.resolve("log4j.properties").toUri());
        cmd.addAll(List.of("-cp", classpath(), "org.apache.flink.client.cli.CliFrontend", "run"));
        cmd.addAll(runOptions);
        cmd.add(jar.toAbsolutePath().toString());
        cmd.addAll(List.of(programArgs));
        Path out = logs.resolve("client-" + n + ".out");
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(out.toFile());
        pb.environment().put("FLINK_CONF_DIR", conf.toString());
        pb.environment().put("FLINK_LIB_DIR", lib.toString());
        pb.environment().put("FLINK_PLUGINS_DIR", home.resolve("plugins").toString());
        Instant started = Instant.now();
        Process p = track(pb.start());
        if (!p.waitFor(CLI_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(
                    "flink run did not end within " + CLI_TIMEOUT + ":\n" + Files.readString(out));
        }
        String output = Files.readString(out);
        Matcher m = SUBMITTED.matcher(output);
        return new CliRun(
                p.exitValue(),
                output,
                m.find() ? Optional.of(m.group(1)) : Optional.empty(),
                Duration.between(started, Instant.now()));
    }

    // ---------------------------------------------------------------- shutdown

    /** The last lines of a log file, for failure messages. */
    public static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return "--- " + file + "\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()))
                    + "\n";
        } catch (IOException e) {
            return "--- " + file + ": " + e + "\n";
        }
    }

    private synchronized void killAll() {
        for (Process p : all) {
            p.destroyForcibly();
        }
        for (Process p : all) {
            try {
                p.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (watchdog != null) {
            watchdog.destroyForcibly();
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (IOException | RuntimeException e) {
            System.err.println("FlinkTestCluster: " + e);
        }
    }

    /** Kills every process of the cluster (SIGKILL), keeps the logs if asked to, deletes the folder. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        killAll();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) { // already shutting down: the hook runs anyway
        }
        String keep = System.getProperty(LOGS_PROPERTY);
        if (keep != null && Files.isDirectory(logs)) {
            Path target = Path.of(keep).resolve(home.getFileName().toString());
            Files.createDirectories(target);
            try (Stream<Path> files = Files.list(logs)) {
                for (Path f : files.toList()) {
                    Files.copy(f, target.resolve(f.getFileName()));
                }
            }
        }
        try (Stream<Path> walk = Files.walk(home)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
