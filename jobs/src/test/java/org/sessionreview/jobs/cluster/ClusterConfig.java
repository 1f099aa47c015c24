package org.sessionreview.jobs.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The test cluster's {@code conf/}: a small standalone session cluster on localhost. */
final class ClusterConfig {
    /**
     * {@code env.java.opts.all} of Flink's default {@code config.yaml}: the module exports and opens
     * Flink needs on Java 17, given to every cluster and client JVM.
     */
    static final List<String> JAVA_OPTS_ALL = List.of(
            "--add-exports=java.base/sun.net.util=ALL-UNNAMED",
            "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.parser=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.tree=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.util=ALL-UNNAMED",
            "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.text=ALL-UNNAMED",
            "--add-opens=java.base/java.time=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");

    private ClusterConfig() {}

    /**
     * Writes {@code home/conf/config.yaml} (the defaults below, then {@code overrides}) and
     * {@code home/conf/log4j.properties} (each process logs to the file its {@code log.file}
     * system property names); returns the slots per TaskManager.
     */
    /**
     * {@code -Djava.io.tmpdir=} the cluster folder's {@code tmp/} (created): what a process's
     * libraries extract there (lz4, snappy) goes with the folder, also when the process is killed.
     */
    static String jvmTmpDir(Path home) throws IOException {
        return "-Djava.io.tmpdir=" + Files.createDirectories(home.resolve("tmp"));
    }

    static int write(Path home, int restPort, Map<String, String> overrides) throws IOException {
        Path conf = Files.createDirectories(home.resolve("conf"));
        Map<String, String> c = new LinkedHashMap<>();
        c.put("jobmanager.rpc.address", "localhost");
        c.put("jobmanager.rpc.port", Integer.toString(FlinkTestCluster.freePort()));
        c.put("jobmanager.bind-host", "localhost");
        c.put("jobmanager.memory.process.size", "1024m");
        c.put("taskmanager.host", "localhost");
        c.put("taskmanager.bind-host", "localhost");
        c.put("taskmanager.numberOfTaskSlots", "2");
        c.put("taskmanager.memory.process.size", "1280m");
        // Batch exchanges: every output of a running task takes a sort-shuffle partition of at least
        // taskmanager.network.sort-shuffle.min-buffers (default 512) buffers of 32 KiB. The review's
        // ingest task alone has several outputs, and with 2 slots a TaskManager ran out of the
        // default network share of 1280m (83 MiB, 2662 buffers) and of 192m with 512 per partition.
        c.put("taskmanager.memory.network.min", "192m");
        c.put("taskmanager.memory.network.max", "192m");
        c.put("taskmanager.network.sort-shuffle.min-buffers", "128");
        // ... taken from managed memory (166m, sorting and batch state), leaving 218m of task heap
        c.put("taskmanager.memory.managed.fraction", "0.2");
        c.put("rest.address", "localhost");
        c.put("rest.bind-address", "localhost");
        c.put("rest.port", Integer.toString(restPort));
        c.put("parallelism.default", "1");
        // no restart-strategy: the job's own default (exponential delay) is what runs
        c.put("execution.batch.adaptive.auto-parallelism.enabled", "false");
        // a killed TaskManager is noticed through failed heartbeat RPCs within a few seconds
        c.put("heartbeat.interval", "2000");
        c.put("heartbeat.timeout", "20000");
        // TaskManagers start with the JobManager: retry registration every second, not every 10
        c.put("cluster.registration.error-delay", "1 s");
        c.put("cluster.registration.refused-registration-delay", "1 s");
        c.put("io.tmp.dirs", home.resolve("tmp").toString());
        c.put("blob.storage.directory", home.resolve("blobs").toString());
        c.put("web.tmpdir", home.resolve("web").toString());
        c.put("web.upload.dir", home.resolve("web-upload").toString());
        // fresh job details over REST for the kill points (ms; default 3000): a 3 s old view missed
        // the whole reading phase of a batch run
        c.put("web.refresh-interval", "100");
        c.put(
                "user.artifacts.base-dir",
                home.resolve("artifacts").toString()); // application mode fetches the job jar here
        c.put("env.java.opts.all", String.join(" ", JAVA_OPTS_ALL));
        c.putAll(overrides);
        StringBuilder yaml = new StringBuilder("# written by FlinkTestCluster\n");
        c.forEach((k, v) -> yaml.append(k)
                .append(": \"")
                .append(v.replace("\\", "\\\\").replace("\"", "\\\""))
                .append("\"\n"));
        Files.writeString(conf.resolve("config.yaml"), yaml);
        Files.writeString(
                conf.resolve("log4j.properties"),
                String.join(
                        "\n",
                        "monitorInterval = 0",
                        "rootLogger.level = INFO",
                        "rootLogger.appenderRef.file.ref = file",
                        "appender.file.type = File",
                        "appender.file.name = file",
                        "appender.file.fileName = ${sys:log.file}",
                        "appender.file.layout.type = PatternLayout",
                        "appender.file.layout.pattern = %d{HH:mm:ss,SSS} %-5p %c{1} [%t] - %m%n",
                        ""));
        return Integer.parseInt(c.get("taskmanager.numberOfTaskSlots"));
    }
}
