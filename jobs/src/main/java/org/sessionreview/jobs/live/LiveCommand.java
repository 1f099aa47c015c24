package org.sessionreview.jobs.live;

import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.sessionreview.jobs.cli.LiveOptions;
import org.sessionreview.jobs.cli.UsageException;

/**
 * {@code live}: reviews live sessions from Kafka until stopped. Creates the three topics when they
 * are missing, starts {@link LiveJob} (embedded, or on the cluster it is submitted to), prints where
 * its results go and waits; Ctrl-C cancels the job, keeping its last checkpoint for the next start.
 */
public final class LiveCommand {
    /** How long the broker may take to answer before the command gives up. */
    static final Duration BROKER_TIMEOUT = Duration.ofSeconds(20);
    /** How often the message counts are read (and printed when they changed). */
    static final Duration COUNTS_EVERY = Duration.ofSeconds(30);

    private final PrintStream out;
    private final PrintStream err;
    /** Told the running job's client once it has started (tests stop the job with it). */
    private java.util.function.Consumer<JobClient> onStart = c -> {};

    public LiveCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Passes the job's client to {@code consumer} once the job runs. */
    public LiveCommand onStart(java.util.function.Consumer<JobClient> consumer) {
        this.onStart = consumer;
        return this;
    }

    public int run(String[] args) {
        if (Arrays.stream(args).anyMatch(a -> a.equals("--help") || a.equals("-h"))) {
            out.println(LiveOptions.USAGE);
            return 0;
        }
        LiveOptions options;
        try {
            options = LiveOptions.parse(args);
        } catch (UsageException e) {
            err.println("session-review live: " + e.getMessage());
            return 2;
        }
        try {
            Files.createDirectories(options.out());
        } catch (java.io.IOException e) {
            err.println("session-review live: cannot create --out " + options.out() + ": " + e);
            return 2;
        }
        Optional<String> topics = ensureTopics(options);
        if (topics.isPresent()) {
            err.println("session-review live: " + topics.get());
            return 1;
        }
        JobClient client;
        LiveJob job = new LiveJob(options);
        try {
            StreamExecutionEnvironment env = job.environment();
            client = env.executeAsync(job.build(env));
        } catch (Exception e) {
            err.println("session-review live: the job could not start: " + e.getMessage());
            e.printStackTrace(err);
            job.closeEmbeddedTemp();
            return 1;
        }
        out.println("session-review live: job " + client.getJobID() + " reads " + options.topic() + " on "
                + options.bootstrap());
        out.println(
                "  candidate moments -> topic " + options.momentsTopic() + " (committed with each checkpoint, every "
                        + options.checkpointInterval().toMillis() + " ms)");
        out.println("  refused messages  -> topic " + options.deadLetterTopic() + " and "
                + options.out().resolve(LiveJob.TABLES) + "/rejects");
        out.println("  tables            -> " + options.out().resolve(LiveJob.TABLES));
        out.println("  Ctrl-C stops it; started again with the same --out it resumes from its last checkpoint");
        out.flush();
        onStart.accept(client);
        MessageCounts counts = new MessageCounts(client, out, COUNTS_EVERY);
        Thread hook = new Thread(
                () -> {
                    try {
                        client.cancel().get(30, TimeUnit.SECONDS);
                    } catch (Exception ignored) {
                        // the JVM is going down anyway
                    }
                },
                "session-review-live-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            client.getJobExecutionResult().get();
            out.println(counts.last().line());
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (ExecutionException e) {
            if (isCancelled(e)) {
                out.println(counts.last().line());
                out.println("session-review live: stopped; its last checkpoint is kept under "
                        + options.out().resolve(LiveJob.CHECKPOINTS));
                return 0;
            }
            err.println("session-review live: the job stopped: " + rootMessage(e));
            return 1;
        } finally {
            counts.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running
            }
            job.closeEmbeddedTemp();
        }
    }

    /** Creates the input and output topics that are missing; an error text when the broker cannot be reached. */
    static Optional<String> ensureTopics(LiveOptions options) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrap());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) BROKER_TIMEOUT.toMillis());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) BROKER_TIMEOUT.toMillis());
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get(BROKER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (String t : List.of(options.topic(), options.momentsTopic(), options.deadLetterTopic())) {
                if (!existing.contains(t)) {
                    missing.add(new NewTopic(t, Optional.of(options.partitions()), Optional.empty()));
                }
            }
            if (!missing.isEmpty()) {
                for (Map.Entry<String, org.apache.kafka.common.KafkaFuture<Void>> f :
                        admin.createTopics(missing).values().entrySet()) {
                    try {
                        f.getValue().get(BROKER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                    } catch (ExecutionException e) {
                        if (!(e.getCause() instanceof TopicExistsException)) {
                            throw e;
                        }
                    }
                }
            }
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while contacting the broker");
        } catch (Exception e) {
            return Optional.of("cannot reach the Kafka broker at " + options.bootstrap() + " within "
                    + BROKER_TIMEOUT.toSeconds() + " s (" + rootMessage(e) + "); start one with: java -jar"
                    + " jobs/target/session-review.jar kafka");
        }
    }

    private static boolean isCancelled(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.util.concurrent.CancellationException
                    || t instanceof org.apache.flink.runtime.client.JobCancellationException
                    || (t.getMessage() != null && t.getMessage().contains("CANCELED"))) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
