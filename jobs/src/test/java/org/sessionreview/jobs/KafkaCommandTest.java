package org.sessionreview.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Arguments of the {@code kafka} command, and a taken port: exit code 2 with one clear message. */
class KafkaCommandTest {
    @TempDir
    Path tmp;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void shouldExitTwoWithOneLineNamingThePortWhenThePortIsTaken() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("localhost", 0));
            int port = taken.getLocalPort();
            Path dir = tmp.resolve("kafka");
            CliRun r = run("kafka", "--port", String.valueOf(port), "--dir", dir.toString());
            assertEquals(2, r.code(), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(
                    r.err().startsWith("session-review kafka: port " + port + " on localhost is already in use"),
                    r.err());
            assertEquals("", r.out());
            assertFalse(Files.exists(dir.resolve("meta.properties")), "formatted although the port was taken");
        }
    }

    @Test
    void shouldExitTwoWhenAnArgumentIsUnusable() {
        assertTrue(run("kafka", "--port", "ninety")
                .err()
                .contains("--port must be a whole number from 0 to 65535, got 'ninety'"));
        assertEquals(2, run("kafka", "--port", "65536").code());
        assertEquals(2, run("kafka", "--port", "-1").code());
        assertTrue(run("kafka", "--dir").err().contains("--dir needs a value"));
        CliRun unknown = run("kafka", "--topic", "x");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("unknown argument '--topic'"), unknown.err());
    }

    @Test
    void shouldPrintUsageWhenAskedForHelp() {
        CliRun r = run("kafka", "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("usage: session-review kafka [--port N] [--dir DIR]"), r.out());
        assertTrue(run("--help").out().contains("kafka [--port 9092] [--dir DIR]"));
    }
}
