package org.sessionreview.jobs.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sessionreview.jobs.Main;
import org.sessionreview.jobs.Paths;

/**
 * {@code live-bench} end to end, small: two dyads of {@code sample-data/} replayed at 50 times
 * real time for their first 12 minutes, through an embedded broker and the live job in this JVM.
 * The run ends by itself and its JSON holds latencies for both consumers.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class LiveBenchCliITCase {
    @TempDir
    Path tmp;

    @Test
    void shouldMeasureLatenciesOfBothConsumersAndEndByItselfWhenTheReplayIsOver() throws Exception {
        Path json = tmp.resolve("live-bench.json");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        long t0 = System.nanoTime();
        int code = Main.run(
                new String[] {
                    "live-bench",
                    "--dyads",
                    "2",
                    "--speed",
                    "50",
                    "--minutes-limit",
                    "12",
                    "--sessions",
                    Paths.sampleData().toString(),
                    "--parallelism",
                    "2",
                    "--drain-limit",
                    "60",
                    "--out",
                    json.toString()
                },
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        System.out.println("[LiveBenchCliITCase] " + (System.nanoTime() - t0) / 1_000_000_000 + " s\n" + text);
        assertEquals(0, code, text + err.toString(StandardCharsets.UTF_8));
        assertTrue(text.contains("latency (ms)") && text.contains("detection delay"), text);

        JsonNode f = new ObjectMapper().readTree(json.toFile());
        assertEquals(2, f.get("dyads").asInt());
        assertEquals("50", f.get("speed").asText());
        assertEquals(100, f.get("equivalentDyadsAt1x").asDouble(), 0);
        assertTrue(f.get("messagesSent").asLong() > 1000, f.toString());
        assertTrue(f.get("finished").asBoolean(), "every session finished within the drain limit: " + f);
        assertEquals(0, f.get("unstampedRecords").asLong(), "every record carries arrival_millis");
        long committed = 0;
        long uncommitted = 0;
        for (String consumer : new String[] {"committed", "uncommitted"}) {
            for (var phase : (Iterable<java.util.Map.Entry<String, JsonNode>>) f.get(consumer)::fields) {
                JsonNode s = phase.getValue();
                long n = s.get("count").asLong();
                if (consumer.equals("committed")) {
                    committed += n;
                } else {
                    uncommitted += n;
                }
                assertTrue(n > 0, consumer + " " + phase.getKey() + ": " + s);
                for (String q : new String[] {"p50", "p95", "p99", "max"}) {
                    assertTrue(s.get(q).asDouble() >= 0, consumer + " " + phase.getKey() + " " + q + ": " + s);
                }
                assertTrue(s.get("p50").asDouble() <= s.get("p99").asDouble()
                        && s.get("p99").asDouble() <= s.get("max").asDouble());
            }
        }
        assertTrue(committed > 0, "the committed consumer received records: " + f);
        assertTrue(uncommitted >= committed, "read_uncommitted sees at least what read_committed sees: " + f);
    }
}
