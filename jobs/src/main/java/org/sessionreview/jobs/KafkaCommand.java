package org.sessionreview.jobs;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import org.sessionreview.jobs.kafka.EmbeddedKafkaBroker;
import org.sessionreview.jobs.kafka.PortInUseException;

/**
 * The {@code kafka} command (issue 11): a single-node Kafka broker for a laptop or a demo
 * ({@link EmbeddedKafkaBroker}), up until Ctrl-C or SIGTERM, when a shutdown hook stops it cleanly.
 */
final class KafkaCommand {
    static final int DEFAULT_PORT = 9092;
    static final String USAGE = String.join(
            "\n",
            "usage: session-review kafka [--port N] [--dir DIR]",
            "",
            "Starts a single-node Apache Kafka broker (KRaft, broker and controller in one process) on",
            "localhost, for trying the live and replay commands. Stops on Ctrl-C.",
            "",
            "  --port N   PLAINTEXT port on localhost (default " + DEFAULT_PORT + "; 0 picks a free one)",
            "  --dir DIR  data directory, formatted on first start and reused after it",
            "             (default: <tmp>/session-review-kafka)");

    /** How the command waits while the broker is up; tests stop it without a signal. */
    interface Waiter {
        /** Returns once the broker is to stop: true when asked to, false when it stopped on its own. */
        boolean await(EmbeddedKafkaBroker broker) throws InterruptedException;
    }

    private final PrintStream out;
    private final PrintStream err;
    private final Waiter waiter;

    KafkaCommand(PrintStream out, PrintStream err) {
        this(out, err, KafkaCommand::untilSignalled);
    }

    KafkaCommand(PrintStream out, PrintStream err, Waiter waiter) {
        this.out = out;
        this.err = err;
        this.waiter = waiter;
    }

    int run(String[] args) {
        if (Arrays.stream(args).anyMatch(Main::isHelp)) {
            out.println(USAGE);
            return 0;
        }
        int port = DEFAULT_PORT;
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "session-review-kafka");
        for (int i = 0; i < args.length; i += 2) {
            String flag = args[i];
            if (!flag.equals("--port") && !flag.equals("--dir")) {
                return usage("unknown argument '" + flag + "'");
            }
            if (i + 1 == args.length) {
                return usage(flag + " needs a value");
            }
            String value = args[i + 1];
            if (flag.equals("--dir")) {
                try {
                    dir = org.sessionreview.jobs.cli.TablesArgument.localPath(flag, value);
                } catch (org.sessionreview.jobs.cli.UsageException e) {
                    return usage(e.getMessage());
                }
            } else {
                port = parsePort(value);
                if (port < 0) {
                    return usage("--port must be a whole number from 0 to 65535, got '" + value + "'");
                }
            }
        }
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(port, dir)) {
            out.println("Kafka broker listening on " + broker.bootstrapServers() + " (PLAINTEXT, cluster "
                    + broker.clusterId() + ", data in " + broker.dir() + "); press Ctrl-C to stop it");
            out.flush();
            if (!waiter.await(broker)) {
                err.println("session-review kafka: the broker stopped on its own (see its log above)");
                return 1;
            }
            return 0;
        } catch (PortInUseException e) {
            err.println("session-review kafka: " + e.getMessage());
            return 2;
        } catch (IOException | RuntimeException e) {
            err.println("session-review kafka: the broker failed: " + e);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static int parsePort(String value) {
        try {
            int port = Integer.parseInt(value);
            return port <= 65535 ? port : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private int usage(String problem) {
        err.println("session-review kafka: " + problem + " (see 'kafka --help')");
        return 2;
    }

    // Ctrl-C and SIGTERM start the JVM's shutdown, which runs the hook: it stops the broker
    // (controlled shutdown, logs flushed) before the JVM ends.
    private static boolean untilSignalled(EmbeddedKafkaBroker broker) {
        Thread hook = new Thread(broker::close, "kafka-broker-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        broker.awaitShutdown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
            return false;
        } catch (IllegalStateException shuttingDown) {
            return true; // the hook stopped the broker; the JVM ends when it has
        }
    }
}
