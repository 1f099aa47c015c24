package org.sessionreview.jobs.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sessionreview.config.PipelineConfig;
import org.sessionreview.ingest.IngestedSession;
import org.sessionreview.ingest.SessionIngestor;
import org.sessionreview.ingest.session.Pseudonymizer;
import org.sessionreview.jobs.CliRun;
import org.sessionreview.jobs.Paths;
import org.sessionreview.jobs.kafka.EmbeddedKafkaBroker;
import org.sessionreview.live.LiveJson;
import org.sessionreview.live.LiveMessage;
import org.sessionreview.model.Annotation;
import org.sessionreview.model.SampleBlock;

/**
 * {@code replay} end to end: two sessions of {@code sample-data/} (S5: codebook, BORIS, the
 * therapist's TEMP missing; S7: no therapist wearable), two copies each, published at max speed to
 * an in-process broker and read back with a plain consumer.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ReplayCliITCase {
    private static final List<String> FOLDERS = List.of("2026-03-05_T02_0900", "2026-03-19_T02_0900");
    private static final String TOPIC = "replay-it";
    private static final long BLOCK_MILLIS =
            PipelineConfig.defaults().features().blockMillis();

    @TempDir
    Path tmp;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void shouldPublishEverySampleAndEventOfEachSessionAndCopyWhenReplayedAtMaxSpeed() throws Exception {
        Path sessions = tmp.resolve("sessions");
        for (String folder : FOLDERS) {
            copy(Paths.sampleData().resolve(folder), sessions.resolve(folder));
        }
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(0, tmp.resolve("kafka"))) {
            CliRun r = run(
                    "replay",
                    "--sessions",
                    sessions.toString(),
                    "--bootstrap",
                    broker.bootstrapServers(),
                    "--topic",
                    TOPIC,
                    "--speed",
                    "max",
                    "--copies",
                    "2",
                    "--allow-demo-key");
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("2 session(s) x 2 copies to " + TOPIC), r.out());

            Map<String, List<LiveMessage>> bySession = new TreeMap<>();
            for (ConsumerRecord<byte[], byte[]> rec : readAll(broker, 4)) {
                String json = new String(rec.value(), StandardCharsets.UTF_8);
                assertFalse(json.contains("client_id") || json.contains("C-0003"), "a raw client id was sent: " + json);
                LiveMessage m = LiveJson.parse(rec.key(), rec.value());
                assertNull(m.problem, () -> m.problem + " in " + json);
                assertEquals(new String(rec.key(), StandardCharsets.UTF_8), m.sessionId);
                bySession.computeIfAbsent(m.sessionId, id -> new ArrayList<>()).add(m);
            }
            SessionIngestor ingestor = new SessionIngestor(PipelineConfig.defaults(), Pseudonymizer.demo(), null);
            List<String> expectedIds = new ArrayList<>();
            long total = 0;
            for (String folder : FOLDERS) {
                IngestedSession s = ingestor.ingest(sessions, folder);
                for (String id : List.of(s.info.sessionId, s.info.sessionId + "~2")) {
                    expectedIds.add(id);
                    List<LiveMessage> got = bySession.get(id);
                    assertNotNull(got, id + " was not sent");
                    assertSession(s, id, got);
                    total += got.size();
                }
            }
            assertEquals(expectedIds.stream().sorted().toList(), List.copyOf(bySession.keySet()));
            assertTrue(r.out().contains(": " + total + " messages ("), r.out());
        }
    }

    @Test
    void shouldExitOneWithinHalfAMinuteWhenNoBrokerAnswers() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket()) {
            free.bind(new InetSocketAddress("localhost", 0));
            port = free.getLocalPort();
        }
        long start = System.nanoTime();
        CliRun r = run(
                "replay",
                "--sessions",
                Paths.sampleData().toString(),
                "--bootstrap",
                "localhost:" + port,
                "--allow-demo-key");
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(1, r.code(), r.err());
        assertTrue(seconds < 30, "took " + seconds + " s");
        assertTrue(r.err().contains("session-review replay: no Kafka broker answered at localhost:" + port), r.err());
        assertEquals("", r.out());
    }

    private static void assertSession(IngestedSession s, String id, List<LiveMessage> got) {
        LiveMessage start = got.get(0);
        assertEquals(LiveMessage.SESSION_START, start.type, id);
        assertEquals(LiveMessage.SESSION_END, got.get(got.size() - 1).type, id);
        assertEquals(s.info.clientKey, start.clientKey);
        assertEquals(
                List.of(
                        s.info.therapistId,
                        s.info.sessionNumber,
                        s.info.mediaStartText,
                        s.info.durationS,
                        s.info.folder),
                List.of(start.therapistId, start.sessionNumber, start.mediaStart, start.durationS, start.folder));
        assertEquals(s.info.wearers, start.wearers, "S5 has both wearers, S7 declares only the client");

        Map<String, Long> samples = new TreeMap<>();
        Map<String, Long> nextIndex = new TreeMap<>();
        Map<String, List<Double>> beats = new TreeMap<>();
        List<LiveMessage> events = new ArrayList<>();
        for (LiveMessage m : got.subList(1, got.size() - 1)) {
            assertFalse(
                    m.type.equals(LiveMessage.SESSION_START) || m.type.equals(LiveMessage.SESSION_END), id + ": " + m);
            if (m.type.equals(LiveMessage.EVENT)) {
                events.add(m);
                continue;
            }
            String stream = m.wearer + "/" + m.channel;
            samples.merge(stream, (long) Replayer.sampleCount(m), Long::sum);
            assertEquals(
                    nextIndex.getOrDefault(stream, 0L),
                    m.firstIndex,
                    id + " " + stream + ": samples in order, none twice");
            nextIndex.put(stream, m.firstIndex + Replayer.sampleCount(m));
            if (m.offsetsS != null) {
                for (double x : m.offsetsS) {
                    beats.computeIfAbsent(stream, k -> new ArrayList<>()).add(x);
                }
            }
        }
        assertEquals(SessionReplayTest.sampleCounts(s), samples, id + ": samples per wearer and channel");
        assertEquals(s.annotations.size(), events.size(), id);
        for (int i = 0; i < events.size(); i++) {
            Annotation a = s.annotations.get(i);
            LiveMessage m = events.get(i);
            assertEquals(
                    List.of(
                            a.code,
                            a.family,
                            a.actor,
                            a.startS,
                            String.valueOf(a.endS),
                            String.valueOf(a.significance),
                            String.valueOf(a.modifiers),
                            String.valueOf(a.label),
                            a.sourceFile,
                            a.sourceLine),
                    List.of(
                            m.code,
                            m.family,
                            m.actor,
                            m.startS,
                            String.valueOf(m.endS),
                            String.valueOf(m.significance),
                            String.valueOf(m.modifiers),
                            String.valueOf(m.label),
                            m.sourceFile,
                            m.sourceLine),
                    id + " event " + i);
        }
        // the beat times sent rebase to exactly the ingested IBI blocks' offsets
        Map<String, Long> origin = new TreeMap<>();
        for (SampleBlock b : s.blocks) {
            if (b.endOfStream || b.rateHz != 0) {
                continue;
            }
            String stream = b.role + "/" + b.channel;
            long o = origin.computeIfAbsent(stream, k -> b.startMillis);
            long k = (b.startMillis - o) / BLOCK_MILLIS;
            for (int i = 0; i < b.offsetsS.length; i++) {
                double x = beats.get(stream).get((int) b.firstIndex + i);
                assertEquals(k, (long) Math.floor(x * 1000.0 / BLOCK_MILLIS));
                assertEquals(
                        Double.doubleToLongBits(b.offsetsS[i]),
                        Double.doubleToLongBits((x * 1000.0 - k * BLOCK_MILLIS) / 1000.0),
                        id + " " + stream + " beat " + (b.firstIndex + i));
            }
        }
        assertFalse(origin.isEmpty(), id + " has IBI");
    }

    /** Every record of the topic, read until {@code sessions} session_end messages and nothing after them. */
    private static List<ConsumerRecord<byte[], byte[]>> readAll(EmbeddedKafkaBroker broker, int sessions) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(c)) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream()
                    .map(p -> new TopicPartition(TOPIC, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            int ended = 0;
            while (ended < sessions && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    out.add(r);
                    ended += new String(r.value(), StandardCharsets.UTF_8).contains("\"type\":\"session_end\"") ? 1 : 0;
                }
            }
            assertEquals(sessions, ended, "session_end messages read");
            assertTrue(consumer.poll(Duration.ofSeconds(1)).isEmpty(), "records after the last session_end");
        }
        return out;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }
}
