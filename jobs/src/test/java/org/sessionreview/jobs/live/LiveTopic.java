package org.sessionreview.jobs.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.sessionreview.jobs.DuckDb;

/** Reading the live job's output topic back, and the checks every run of it must pass. */
final class LiveTopic {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LiveTopic() {}

    /** Every committed record of {@code topic} (read_committed), read until {@code quiet} passes without one. */
    static List<JsonNode> readCommitted(String bootstrap, String topic, Duration quiet) throws Exception {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "check-" + System.nanoTime());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        List<JsonNode> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p)) {
            c.subscribe(List.of(topic));
            long last = System.currentTimeMillis();
            while (System.currentTimeMillis() - last < quiet.toMillis()) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(300))) {
                    out.add(JSON.readTree(r.value()));
                    last = System.currentTimeMillis();
                }
            }
        }
        return out;
    }

    /** A moment's identity: session, kind, role, start. */
    static String identity(String session, String kind, String role, double startS) {
        return session + "|" + kind + "|" + role + "|" + startS;
    }

    /**
     * Every moment of the {@code moments} table under {@code tables} reached the topic exactly
     * once (as live or final), no record is repeated, and a withdrawn record names one sent live
     * that the table does not hold. Returns the number of records sent while sessions ran.
     */
    static long checkExactlyOnce(List<JsonNode> records, Path momentsTable) throws Exception {
        Map<String, Integer> sent = new HashMap<>();
        Set<String> withdrawn = new TreeSet<>();
        long live = 0;
        for (JsonNode r : records) {
            String id = identity(
                    r.get("session_id").asText(),
                    r.get("kind").asText(),
                    r.get("role").asText(),
                    r.get("start_s").asDouble());
            switch (r.get("phase").asText()) {
                case "live" -> {
                    live++;
                    sent.merge(id, 1, Integer::sum);
                }
                case "final" -> sent.merge(id, 1, Integer::sum);
                case "withdrawn" -> assertTrue(withdrawn.add(id), "withdrawn twice: " + id);
                default -> throw new AssertionError("unknown phase in " + r);
            }
        }
        sent.forEach((id, n) -> assertEquals(1, n, "moment sent " + n + " times: " + id));
        for (String id : withdrawn) {
            assertTrue(sent.containsKey(id), "withdrawn but never sent: " + id);
        }
        Set<String> table = new TreeSet<>();
        try (DuckDb db = new DuckDb()) {
            for (Map<String, Object> row :
                    db.query("SELECT session_id, kind, role, start_s FROM " + DuckDb.parquet(momentsTable))) {
                table.add(identity(
                        (String) row.get("session_id"),
                        (String) row.get("kind"),
                        (String) row.get("role"),
                        ((Number) row.get("start_s")).doubleValue()));
            }
        }
        Set<String> kept = new TreeSet<>(sent.keySet());
        kept.removeAll(withdrawn);
        assertEquals(table, kept, "the topic's moments (sent less withdrawn) are the moments table's");
        return live;
    }
}
