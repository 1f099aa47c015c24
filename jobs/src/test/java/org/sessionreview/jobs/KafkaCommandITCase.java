package org.sessionreview.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The {@code kafka} command: one line saying where the broker listens, up until it is asked to stop. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class KafkaCommandITCase {
    @TempDir
    Path tmp;

    @Test
    void shouldPrintWhereItListensAndServeClientsUntilAskedToStop() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] seenClusterId = new String[1];
        KafkaCommand command = new KafkaCommand(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                broker -> {
                    try (Admin admin = Admin.create(
                            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
                        seenClusterId[0] = admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                    return true;
                });
        int code = command.run(
                new String[] {"--port", "0", "--dir", tmp.resolve("kafka").toString()});
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(1, printed.strip().lines().count(), printed);
        assertTrue(
                printed.matches(
                        "(?s)Kafka broker listening on localhost:\\d+ \\(PLAINTEXT, cluster \\S+, data in .*\\);"
                                + " press Ctrl-C to stop it\\s*"),
                printed);
        assertTrue(printed.contains("cluster " + seenClusterId[0] + ","), printed);
    }
}
