package org.sessionreview.jobs.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sessionreview.jobs.Main;
import org.sessionreview.jobs.kafka.EmbeddedKafkaBroker;

/** {@code watch} against a real broker: committed moments only, from the beginning or only new ones. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class WatchCommandITCase {
    private static final String TOPIC = "session-review.moments";

    @TempDir
    Path tmp;

    private static String moment(String session, double startS, String phase) {
        return "{\"session_id\":\"" + session + "\",\"kind\":\"anxiety_episode\",\"role\":\"client\",\"start_s\":"
                + startS + ",\"end_s\":" + (startS + 60)
                + ",\"severity\":6.5,\"evidence\":\"client arousal\",\"phase\":\"" + phase + "\"}";
    }

    private record Result(int code, List<String> lines, String err) {}

    private static Result watch(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] all = new String[args.length + 1];
        all[0] = "watch";
        System.arraycopy(args, 0, all, 1, args.length);
        int code = Main.run(
                all,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(
                code, out.toString(StandardCharsets.UTF_8).lines().toList(), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void shouldPrintCommittedMomentsOnlyFromTheBeginningAndThenOnlyNewOnes() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(0, tmp.resolve("kafka"))) {
            String bootstrap = broker.bootstrapServers();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 2, (short) 1)))
                        .all()
                        .get(30, TimeUnit.SECONDS);
            }
            try (KafkaProducer<String, String> p = producer(bootstrap)) {
                p.initTransactions();
                p.beginTransaction();
                p.send(new ProducerRecord<>(TOPIC, "S1", moment("S1", 600, "live")));
                p.send(new ProducerRecord<>(TOPIC, "S2", moment("S2", 125.5, "final")));
                p.commitTransaction();
                p.beginTransaction();
                p.send(new ProducerRecord<>(TOPIC, "S1", moment("S1", 900, "live")));
                p.flush();
                p.abortTransaction();
            }

            Result all = watch("--bootstrap", bootstrap, "--from-beginning", "--timeout", "5");
            assertEquals(0, all.code(), all.err());
            assertEquals(2, all.lines().size(), "only the committed moments: " + all.lines());
            assertTrue(
                    all.lines().stream().anyMatch(l -> l.startsWith("live      S1") && l.contains("10:00-11:00")),
                    all.lines().toString());
            assertTrue(
                    all.lines().stream().anyMatch(l -> l.startsWith("final     S2") && l.contains("02:05-03:05")),
                    all.lines().toString());
            assertTrue(all.lines().stream().noneMatch(l -> l.contains("15:00")), "the aborted moment is not shown");

            CompletableFuture<Result> onlyNew = CompletableFuture.supplyAsync(
                    () -> watch("--bootstrap", bootstrap, "--max", "1", "--timeout", "60", "--json"));
            Thread.sleep(5_000); // let it reach the end of the topic
            try (KafkaProducer<String, String> p = producer(bootstrap)) {
                p.initTransactions();
                p.beginTransaction();
                p.send(new ProducerRecord<>(TOPIC, "S3", moment("S3", 30, "live")));
                p.commitTransaction();
            }
            Result fresh = onlyNew.get(90, TimeUnit.SECONDS);
            assertEquals(0, fresh.code(), fresh.err());
            assertEquals(List.of(moment("S3", 30, "live")), fresh.lines());
        }
    }

    @Test
    void shouldSayWhenTheTopicDoesNotExist() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(0, tmp.resolve("kafka2"))) {
            Result r = watch("--bootstrap", broker.bootstrapServers(), "--timeout", "2");
            assertEquals(1, r.code());
            assertTrue(r.err().contains("topic session-review.moments does not exist (is live running?)"), r.err());
        }
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                "watch-test-" + System.nanoTime(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class.getName()));
    }
}
