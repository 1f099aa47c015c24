package org.sessionreview.jobs.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The in-process broker: a real Kafka that clients reach, formatted once and reused across restarts. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class EmbeddedKafkaBrokerITCase {
    private static final String TOPIC = "session-blocks";
    private static final int PARTITIONS = 3;
    private static final int KEYS = 10;
    private static final int RECORDS = 100;

    @TempDir
    Path tmp;

    @Test
    void shouldKeepKeyedRecordsInOrderAndKeepClusterIdAndRecordsWhenRestartedOnTheSameDir() throws Exception {
        Path dir = tmp.resolve("kafka");
        String clusterId;
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(0, dir)) {
            assertNotEquals(0, broker.port());
            assertEquals("localhost:" + broker.port(), broker.bootstrapServers());
            clusterId = broker.clusterId();
            assertEquals(clusterId, EmbeddedKafkaBroker.storedClusterId(dir));
            try (Admin admin = admin(broker)) {
                admin.createTopics(List.of(new NewTopic(TOPIC, PARTITIONS, (short) 1)))
                        .all()
                        .get(30, TimeUnit.SECONDS);
                assertEquals(clusterId, admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS));
            }
            try (KafkaProducer<String, String> producer = producer(broker)) {
                for (int i = 0; i < RECORDS; i++) {
                    producer.send(new ProducerRecord<>(TOPIC, "session-" + (i % KEYS), String.valueOf(i)));
                }
                producer.flush();
            }
            assertKeyedInOrder(readAll(broker));
        }
        assertTrue(Files.exists(dir.resolve(".kafka_cleanshutdown")), "close() was not a clean shutdown");

        try (EmbeddedKafkaBroker again = EmbeddedKafkaBroker.start(0, dir)) {
            assertEquals(clusterId, again.clusterId());
            try (Admin admin = admin(again)) {
                assertEquals(clusterId, admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS));
                assertTrue(admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(TOPIC));
            }
            assertKeyedInOrder(readAll(again));
        }
    }

    @Test
    void shouldRefuseATakenPortBeforeFormattingAnything() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("localhost", 0));
            Path dir = tmp.resolve("never");
            PortInUseException e =
                    assertThrows(PortInUseException.class, () -> EmbeddedKafkaBroker.start(taken.getLocalPort(), dir));
            assertEquals(taken.getLocalPort(), e.port());
            assertTrue(e.getMessage().contains("already in use"), e.getMessage());
            assertTrue(!Files.exists(dir.resolve("meta.properties")));
        }
    }

    /** Every record exactly once, and each key's values in the order they were sent. */
    private static void assertKeyedInOrder(List<ConsumerRecord<String, String>> records) {
        assertEquals(RECORDS, records.size());
        Map<String, List<Integer>> byKey = new TreeMap<>();
        for (ConsumerRecord<String, String> r : records) {
            byKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(Integer.parseInt(r.value()));
        }
        assertEquals(KEYS, byKey.size());
        for (Map.Entry<String, List<Integer>> e : byKey.entrySet()) {
            int k = Integer.parseInt(e.getKey().substring("session-".length()));
            List<Integer> expected = new ArrayList<>();
            for (int i = k; i < RECORDS; i += KEYS) {
                expected.add(i);
            }
            assertEquals(expected, e.getValue(), e.getKey());
        }
    }

    private static List<ConsumerRecord<String, String>> readAll(EmbeddedKafkaBroker broker) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (int p = 0; p < PARTITIONS; p++) {
                partitions.add(new TopicPartition(TOPIC, p));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (out.size() < RECORDS && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
            assertTrue(consumer.poll(Duration.ofMillis(200)).isEmpty(), "more records than were sent");
        }
        return out;
    }

    private static Admin admin(EmbeddedKafkaBroker broker) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    private static KafkaProducer<String, String> producer(EmbeddedKafkaBroker broker) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        c.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        c.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        c.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(c);
    }
}
