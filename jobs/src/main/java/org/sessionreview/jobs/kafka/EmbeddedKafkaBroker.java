package org.sessionreview.jobs.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A single-node Apache Kafka broker in KRaft combined mode ({@code process.roles=broker,controller}),
 * run in this JVM from Kafka's own server jars: for the {@code kafka} command, tests, and the live
 * and replay commands on a laptop.
 *
 * <p>Clients connect with PLAINTEXT to {@link #bootstrapServers()} ({@code localhost:PORT}). The
 * data directory is formatted on first start (Kafka's {@link Formatter}, as {@code kafka-storage.sh
 * format} does, with a new cluster id) and reused afterwards: its {@code meta.properties} keeps the
 * cluster id, and topics and records survive a restart. The controller listens on a free localhost
 * port chosen at each start; the quorum is the static one-voter set from the configuration
 * ({@code controller.quorum.voters}, kraft.version 0), so that port may change between starts.
 *
 * <p>Not for production: one replica, internal topics with one partition, no authentication.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {
    /** The node id of the one broker-and-controller. */
    static final int NODE_ID = 1;

    private static final String HOST = "localhost";
    private static final String META_PROPERTIES = "meta.properties";

    private final KafkaRaftServer server;
    private final int port;
    private final Path dir;
    private final String clusterId;
    private boolean closed;

    private EmbeddedKafkaBroker(KafkaRaftServer server, int port, Path dir, String clusterId) {
        this.server = server;
        this.port = port;
        this.dir = dir;
        this.clusterId = clusterId;
    }

    /**
     * Formats {@code dir} if it holds no broker yet, starts the broker and returns once it accepts
     * clients.
     *
     * @param port the PLAINTEXT port on localhost; 0 picks a free one
     * @param dir the data directory (created if missing)
     * @throws PortInUseException if {@code port} is taken
     * @throws IOException if {@code dir} cannot be created, read or formatted
     */
    public static EmbeddedKafkaBroker start(int port, Path dir) throws IOException {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 to 65535, got " + port);
        }
        int[] ports = freePorts(port);
        Path absolute = dir.toAbsolutePath().normalize();
        Files.createDirectories(absolute);
        String clusterId = storedClusterId(absolute);
        KafkaConfig config = KafkaConfig.fromProps(config(ports[0], ports[1], absolute));
        if (clusterId == null) {
            clusterId = format(config, absolute);
        }
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            server.startup();
        } catch (RuntimeException e) {
            try {
                server.shutdown();
            } catch (RuntimeException again) {
                e.addSuppressed(again);
            }
            if (isBindFailure(e)) {
                throw new PortInUseException(ports[0], e);
            }
            throw e;
        }
        return new EmbeddedKafkaBroker(server, ports[0], absolute, clusterId);
    }

    /** {@code localhost:PORT}, for a client's {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    /** The PLAINTEXT port the broker listens on (the chosen one when started with port 0). */
    public int port() {
        return port;
    }

    /** The data directory (absolute). */
    public Path dir() {
        return dir;
    }

    /** The cluster id, generated when the data directory was formatted and kept in it. */
    public String clusterId() {
        return clusterId;
    }

    /** Blocks until the broker has shut down, by {@link #close()} or on its own. */
    public void awaitShutdown() {
        server.awaitShutdown();
    }

    /** Shuts the broker down (controlled shutdown) and waits for it; a second call does nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.shutdown();
        server.awaitShutdown();
    }

    // The broker and controller ports. A requested port is checked by binding it here first, so
    // that a taken port is reported before anything is formatted or started; port 0 and the
    // controller port take what the system hands out (closed again just before Kafka binds them).
    private static int[] freePorts(int requested) throws PortInUseException, IOException {
        try (ServerSocket broker = new ServerSocket()) {
            try {
                broker.bind(new InetSocketAddress(HOST, requested));
            } catch (IOException e) {
                throw new PortInUseException(requested, e);
            }
            try (ServerSocket controller = new ServerSocket()) {
                controller.bind(new InetSocketAddress(HOST, 0));
                return new int[] {broker.getLocalPort(), controller.getLocalPort()};
            }
        }
    }

    private static Properties config(int port, int controllerPort, Path dir) {
        Map<String, String> c = new HashMap<>();
        c.put("process.roles", "broker,controller");
        c.put("node.id", String.valueOf(NODE_ID));
        c.put("listeners", "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
        c.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
        c.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        c.put("inter.broker.listener.name", "PLAINTEXT");
        c.put("controller.listener.names", "CONTROLLER");
        c.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        c.put("log.dirs", dir.toString());
        // One node: internal topics with one replica (their defaults of 3 would never be met) and
        // one partition each (created at once on first use).
        for (String topic : List.of("offsets.topic", "transaction.state.log", "share.coordinator.state.topic")) {
            c.put(topic + ".replication.factor", "1");
            c.put(topic + ".num.partitions", "1");
        }
        c.put("transaction.state.log.min.isr", "1");
        c.put("share.coordinator.state.topic.min.isr", "1");
        c.put("group.initial.rebalance.delay.ms", "0");
        // Flink's exactly-once KafkaSink opens transactions with a one-hour timeout by default;
        // Kafka's default ceiling (15 minutes) would refuse them.
        c.put("transaction.max.timeout.ms", String.valueOf(60 * 60 * 1000));
        Properties p = new Properties();
        p.putAll(c);
        return p;
    }

    private static String format(KafkaConfig config, Path dir) throws IOException {
        String clusterId = Uuid.randomUuid().toString();
        Formatter formatter = new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setNodeId(NODE_ID)
                .setClusterId(clusterId)
                .setControllerListenerName("CONTROLLER")
                .setMetadataLogDirectory(config.metadataLogDir())
                .setDirectories(List.of(dir.toString()))
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION);
        try {
            formatter.run();
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("cannot format " + dir + " for Kafka: " + e.getMessage(), e);
        }
        return clusterId;
    }

    /** The cluster id in {@code dir/meta.properties}, or null when {@code dir} is not formatted. */
    static String storedClusterId(Path dir) throws IOException {
        Path meta = dir.resolve(META_PROPERTIES);
        if (!Files.exists(meta)) {
            return null;
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(meta)) {
            p.load(in);
        }
        String id = p.getProperty("cluster.id");
        if (id == null || id.isBlank()) {
            throw new IOException(meta + " holds no cluster.id: not a Kafka data directory");
        }
        return id;
    }

    private static boolean isBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.BindException) {
                return true;
            }
        }
        return false;
    }
}
