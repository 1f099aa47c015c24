package org.sessionreview.jobs.live;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.sessionreview.live.LiveJson;
import org.sessionreview.live.LiveMessage;

/**
 * Publishes live messages to a Kafka topic with an idempotent producer ({@code acks=all}, {@code
 * enable.idempotence=true}, {@code linger.ms=}{@value #LINGER_MS}): key = the session id (UTF-8),
 * value = {@link LiveJson#write}. Every wait on the broker is bounded, so an unreachable or lost
 * broker ends the replay within about half a minute with a {@link Replayer.PublishException}
 * instead of a hang.
 */
public final class KafkaPublisher implements Replayer.Publisher, AutoCloseable {
    /** Batching delay, ms: small, so that paced messages leave at about their due time. */
    static final int LINGER_MS = 5;
    /** Longest wait for the broker's metadata or for buffer space in {@code send}, ms. */
    static final int MAX_BLOCK_MS = 15_000;
    /** Longest wait for the broker's answer to one request, ms. */
    static final int REQUEST_TIMEOUT_MS = 10_000;
    /** Longest time from {@code send} to a record's acknowledgement, retries included, ms. */
    static final int DELIVERY_TIMEOUT_MS = 25_000;

    private final KafkaProducer<byte[], byte[]> producer;
    private final String bootstrap;
    private final String topic;
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    private KafkaPublisher(KafkaProducer<byte[], byte[]> producer, String bootstrap, String topic) {
        this.producer = producer;
        this.bootstrap = bootstrap;
        this.topic = topic;
    }

    /**
     * Connects to the broker and makes sure the topic can be written (the broker creates it on
     * first use unless its {@code auto.create.topics.enable} is off).
     *
     * @param bootstrap {@code HOST:PORT[,HOST:PORT...]}
     * @throws Replayer.PublishException when the broker cannot be reached or the topic has no
     *     partitions within {@value #MAX_BLOCK_MS} ms
     */
    public static KafkaPublisher open(String bootstrap, String topic) throws Replayer.PublishException {
        reachable(bootstrap);
        KafkaProducer<byte[], byte[]> producer;
        try {
            producer = new KafkaProducer<>(producerConfig(bootstrap));
        } catch (KafkaException e) {
            throw new Replayer.PublishException(
                    "cannot create a Kafka producer for " + bootstrap + ": " + rootMessage(e), e);
        }
        try {
            producer.partitionsFor(topic);
        } catch (KafkaException e) {
            producer.close(Duration.ZERO);
            throw new Replayer.PublishException(
                    "topic " + topic + " on " + bootstrap + " cannot be written within " + MAX_BLOCK_MS / 1000
                            + " s (does it exist, or may the broker create it?): " + e.getMessage(),
                    e);
        }
        return new KafkaPublisher(producer, bootstrap, topic);
    }

    /** The producer's settings. */
    static Map<String, Object> producerConfig(String bootstrap) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        c.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        c.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        c.put(ProducerConfig.ACKS_CONFIG, "all");
        c.put(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS);
        c.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, MAX_BLOCK_MS);
        c.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, REQUEST_TIMEOUT_MS);
        c.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, DELIVERY_TIMEOUT_MS);
        c.put(ProducerConfig.CLIENT_ID_CONFIG, "session-review-replay");
        return c;
    }

    // The producer would only notice an unreachable broker as missing metadata; asking the
    // cluster first tells the two apart.
    private static void reachable(String bootstrap) throws Replayer.PublishException {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, REQUEST_TIMEOUT_MS);
        c.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, MAX_BLOCK_MS);
        c.put(CommonClientConfigs.CLIENT_ID_CONFIG, "session-review-replay-check");
        Admin admin;
        try {
            admin = Admin.create(c);
        } catch (KafkaException e) {
            throw new Replayer.PublishException("cannot connect to Kafka at " + bootstrap + ": " + rootMessage(e), e);
        }
        try {
            admin.describeCluster().nodes().get(MAX_BLOCK_MS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new Replayer.PublishException(
                    "no Kafka broker answered at " + bootstrap + " within " + MAX_BLOCK_MS / 1000
                            + " s (is it running, and is the address right?)",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Replayer.PublishException("interrupted while connecting to Kafka at " + bootstrap, e);
        } finally {
            admin.close(Duration.ofSeconds(1));
        }
    }

    @Override
    public void send(LiveMessage message) throws Replayer.PublishException {
        failed();
        try {
            producer.send(
                    new ProducerRecord<>(
                            topic, message.sessionId.getBytes(StandardCharsets.UTF_8), LiveJson.write(message)),
                    (metadata, e) -> {
                        if (e != null) {
                            failure.compareAndSet(null, e);
                        }
                    });
        } catch (KafkaException e) {
            throw new Replayer.PublishException(problem(e), e);
        }
    }

    @Override
    public void flush() throws Replayer.PublishException {
        try {
            producer.flush();
        } catch (KafkaException e) {
            throw new Replayer.PublishException(problem(e), e);
        }
        failed();
    }

    private void failed() throws Replayer.PublishException {
        Exception e = failure.get();
        if (e != null) {
            throw new Replayer.PublishException(problem(e), e);
        }
    }

    /** The innermost cause's message: Kafka wraps the telling one (e.g. "No resolvable bootstrap urls"). */
    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }

    private String problem(Exception e) {
        return "a message could not be published to " + topic + " on " + bootstrap + ": " + e.getMessage();
    }

    /** Closes the producer, waiting at most a few seconds for anything still unsent. */
    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
