package org.sessionreview.jobs.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.sessionreview.jobs.cli.LiveOptions;
import org.sessionreview.jobs.cli.ReviewOptions;
import org.sessionreview.jobs.cli.UsageException;
import org.sessionreview.scoring.rupture.CodedText;

/**
 * The {@code watch} command: prints the live job's candidate moments as they are committed to the
 * moments topic, one line each, so that the README's live walk-through needs nothing but this jar.
 * It reads with {@code read_committed} (each moment once, as the exactly-once sink commits it with a
 * checkpoint), assigned every partition without a consumer group (it commits nothing and disturbs
 * no other reader), from the end of the topic or, with {@code --from-beginning}, from its start.
 */
public final class WatchCommand {
    static final String USAGE = String.join(
            "\n",
            "Usage: java -jar jobs/target/session-review.jar watch --bootstrap HOST:PORT [options]",
            "",
            "prints the candidate moments the live job commits to the moments topic, one line each:",
            "phase (live, final, withdrawn), session, video time mm:ss-mm:ss, kind, role, severity, evidence.",
            "",
            "  --bootstrap HOST:PORT   Kafka bootstrap servers (required)",
            "  --topic NAME            moments topic (default " + LiveOptions.DEFAULT_MOMENTS_TOPIC + ")",
            "  --from-beginning        start at the topic's first moment (default: only new ones)",
            "  --json                  print each record's JSON as sent, one per line",
            "  --max N                 stop after N moments",
            "  --timeout SECONDS       stop when no moment has come for this long (default: wait until Ctrl-C)",
            "  --help                  print this help");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintStream out;
    private final PrintStream err;

    public WatchCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** The parsed arguments. */
    record Options(String bootstrap, String topic, boolean fromBeginning, boolean json, long max, Duration timeout) {}

    static Options parse(String[] args) throws UsageException {
        String bootstrap = null;
        String topic = LiveOptions.DEFAULT_MOMENTS_TOPIC;
        boolean fromBeginning = false;
        boolean json = false;
        long max = Long.MAX_VALUE;
        Duration timeout = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--bootstrap" -> bootstrap = ReviewOptions.value(args, ++i, a);
                case "--topic" -> topic = ReviewOptions.value(args, ++i, a);
                case "--from-beginning" -> fromBeginning = true;
                case "--json" -> json = true;
                case "--max" -> max = positive(a, ReviewOptions.value(args, ++i, a));
                case "--timeout" -> timeout = Duration.ofSeconds(positive(a, ReviewOptions.value(args, ++i, a)));
                default -> throw new UsageException("unknown argument '" + a + "' (see watch --help)");
            }
        }
        if (bootstrap == null || bootstrap.isBlank()) {
            throw new UsageException("--bootstrap HOST:PORT is required (see watch --help)");
        }
        return new Options(bootstrap, topic, fromBeginning, json, max, timeout);
    }

    private static long positive(String flag, String text) throws UsageException {
        try {
            long v = Long.parseLong(text);
            if (v >= 1) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(flag + " must be a whole number of at least 1, got '" + text + "'");
    }

    public int run(String[] args) {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            out.println(USAGE);
            return 0;
        }
        Options o;
        try {
            o = parse(args);
        } catch (UsageException e) {
            err.println("session-review watch: " + e.getMessage());
            return 2;
        }
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties(o.bootstrap()))) {
            Thread hook = new Thread(consumer::wakeup, "watch-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                return watch(consumer, o);
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the JVM is stopping (Ctrl-C): the hook has run
                }
            }
        } catch (WakeupException stopped) {
            return 0;
        } catch (RuntimeException e) {
            err.println("session-review watch: " + e.getMessage());
            return 1;
        }
    }

    private int watch(KafkaConsumer<byte[], byte[]> consumer, Options o) {
        long deadline = o.timeout() == null
                ? Long.MAX_VALUE
                : System.currentTimeMillis() + o.timeout().toMillis();
        List<TopicPartition> partitions = partitions(consumer, o.topic(), deadline);
        if (partitions.isEmpty()) {
            err.println("session-review watch: topic " + o.topic()
                    + " does not exist (is live running?); nothing to watch");
            return 1;
        }
        consumer.assign(partitions);
        if (o.fromBeginning()) {
            consumer.seekToBeginning(partitions);
        } else {
            consumer.seekToEnd(partitions);
        }
        partitions.forEach(consumer::position); // resolve the start now, so that "watching" means watching
        err.println("watching " + o.topic() + " on " + o.bootstrap()
                + (o.fromBeginning() ? " from its beginning" : " for new moments") + " (read_committed); Ctrl-C stops");
        long seen = 0;
        long quietSince = System.currentTimeMillis();
        while (seen < o.max()) {
            boolean any = false;
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                out.println(o.json() ? new String(r.value(), StandardCharsets.UTF_8) : line(r.value()));
                any = true;
                if (++seen >= o.max()) {
                    break;
                }
            }
            out.flush();
            long now = System.currentTimeMillis();
            if (any) {
                quietSince = now;
            } else if (o.timeout() != null && now - quietSince >= o.timeout().toMillis()) {
                err.println("watch: no moment for " + o.timeout().toSeconds() + " s; " + seen + " seen");
                return 0;
            }
        }
        return 0;
    }

    /** The topic's partitions, waiting (until {@code deadline}) for the live job to create the topic. */
    private static List<TopicPartition> partitions(
            KafkaConsumer<byte[], byte[]> consumer, String topic, long deadline) {
        while (true) {
            List<PartitionInfo> infos =
                    consumer.listTopics(Duration.ofSeconds(10)).get(topic);
            if (infos != null && !infos.isEmpty()) {
                List<TopicPartition> out = new ArrayList<>();
                infos.forEach(i -> out.add(new TopicPartition(topic, i.partition())));
                return out;
            }
            if (System.currentTimeMillis() >= deadline) {
                return List.of();
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return List.of();
            }
        }
    }

    /**
     * One moment as a line: {@code phase session mm:ss-mm:ss kind role severity evidence}; a record
     * that is not a moment is printed as it is.
     */
    static String line(byte[] value) {
        JsonNode n;
        try {
            n = JSON.readTree(value);
        } catch (java.io.IOException e) {
            return new String(value, StandardCharsets.UTF_8);
        }
        if (n == null || !n.hasNonNull("kind") || !n.hasNonNull("start_s")) {
            return new String(value, StandardCharsets.UTF_8);
        }
        return String.format(
                Locale.ROOT,
                "%-9s %-20s %s-%s  %-24s %-10s severity %5.1f  %s",
                n.path("phase").asText(""),
                n.path("session_id").asText(""),
                CodedText.mmss(n.path("start_s").asDouble()),
                CodedText.mmss(n.path("end_s").asDouble()),
                n.path("kind").asText(""),
                n.path("role").asText(""),
                n.path("severity").asDouble(Double.NaN),
                n.path("evidence").asText(""));
    }

    private static Properties consumerProperties(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "session-review-watch");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return p;
    }
}
