package org.sessionreview.jobs.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the live job's moments topic from its beginning on a thread of its own and notes, for
 * every record, the wall time at which it was received ({@link System#currentTimeMillis()} right
 * after the poll that returned it) beside the record's own {@code arrival_millis}: on the same
 * machine, the difference is the moment's processing latency as this consumer sees it.
 *
 * <p>Two isolation levels matter for the live job's exactly-once output: {@code read_committed}
 * sees a record once the transaction holding it commits (with the checkpoint after it), {@code
 * read_uncommitted} as soon as the job has written it. The consumer is assigned every partition
 * (no group, nothing committed) and asks the broker to answer a fetch within {@value
 * #FETCH_WAIT_MS} ms, so that the fetch wait adds little to the measured latency.
 */
final class MomentsReader implements AutoCloseable {
    /** Longest wait of the broker on an empty fetch, ms (Kafka's default is 500). */
    static final int FETCH_WAIT_MS = 20;

    /**
     * One record of the topic.
     *
     * @param receivedMillis wall time when this consumer received it, epoch ms
     * @param arrivalMillis the record's {@code arrival_millis}, epoch ms
     * @param knownAtS the record's {@code known_at_s}, seconds from media start
     * @param startS the record's {@code start_s}, seconds from media start
     * @param endS the record's {@code end_s}, seconds from media start
     * @param startMillis the record's {@code start_millis}: the moment's start, epoch ms of the recording
     */
    record Received(
            String sessionId,
            String phase,
            String kind,
            long receivedMillis,
            long arrivalMillis,
            double knownAtS,
            double startS,
            double endS,
            long startMillis) {
        /** The moment's end, epoch ms of the recording. */
        double endMillis() {
            return startMillis + (endS - startS) * 1000;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread thread;
    private final List<Received> received = new ArrayList<>();
    private long lastReceivedMillis;
    private volatile Exception failure;

    /**
     * Starts reading {@code topic} from its beginning.
     *
     * @param isolation {@code read_committed} or {@code read_uncommitted}
     */
    MomentsReader(String bootstrap, String topic, String isolation) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, FETCH_WAIT_MS);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "session-review-live-bench-" + isolation);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        consumer = new KafkaConsumer<>(p);
        List<TopicPartition> partitions = new ArrayList<>();
        consumer.partitionsFor(topic).forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        thread = new Thread(this::read, "live-bench-" + isolation);
        thread.setDaemon(true);
        thread.start();
    }

    private void read() {
        try {
            while (true) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(100));
                long now = System.currentTimeMillis();
                if (records.isEmpty()) {
                    continue;
                }
                List<Received> batch = new ArrayList<>(records.count());
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    batch.add(parse(r.value(), now));
                }
                synchronized (this) {
                    received.addAll(batch);
                    lastReceivedMillis = now;
                }
            }
        } catch (WakeupException stop) {
            // close() asked to stop
        } catch (Exception e) {
            failure = e;
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private static Received parse(byte[] value, long receivedMillis) throws IOException {
        JsonNode n = JSON.readTree(value);
        return new Received(
                n.path("session_id").asText(),
                n.path("phase").asText(),
                n.path("kind").asText(),
                receivedMillis,
                n.path("arrival_millis").asLong(),
                n.path("known_at_s").asDouble(Double.NaN),
                n.path("start_s").asDouble(Double.NaN),
                n.path("end_s").asDouble(Double.NaN),
                n.path("start_millis").asLong());
    }

    /** The records received so far, in order of receipt. */
    synchronized List<Received> received() {
        return new ArrayList<>(received);
    }

    synchronized int count() {
        return received.size();
    }

    /** Wall time of the latest receipt, epoch ms; 0 before any. */
    synchronized long lastReceivedMillis() {
        return lastReceivedMillis;
    }

    /** Stops reading (waits for the reading thread) and rethrows what made it stop early, if anything. */
    @Override
    public void close() throws Exception {
        consumer.wakeup();
        thread.join(10_000);
        if (failure != null) {
            throw failure;
        }
    }
}
