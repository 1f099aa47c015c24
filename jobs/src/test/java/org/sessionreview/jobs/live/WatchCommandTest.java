package org.sessionreview.jobs.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.sessionreview.jobs.cli.UsageException;

class WatchCommandTest {
    @Test
    void shouldPrintAMomentAsOneLineWithVideoTimes() {
        String json = "{\"session_id\":\"T02-20260319-0900\",\"kind\":\"safety\",\"role\":\"client\",\"start_s\":960.4,"
                + "\"end_s\":1021.0,\"severity\":5.0,\"evidence\":\"SAFE_SUICIDAL_IDEATION at 16:00\",\"phase\":\"live\"}";
        String line = WatchCommand.line(json.getBytes(StandardCharsets.UTF_8));
        assertTrue(line.startsWith("live      T02-20260319-0900    16:00-17:01  safety"), line);
        assertTrue(line.contains("client"), line);
        assertTrue(line.contains("severity   5.0  SAFE_SUICIDAL_IDEATION at 16:00"), line);
    }

    @Test
    void shouldPrintARecordThatIsNotAMomentAsItIs() {
        assertEquals("not json {", WatchCommand.line("not json {".getBytes(StandardCharsets.UTF_8)));
        assertEquals("{\"x\":1}", WatchCommand.line("{\"x\":1}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void shouldParseOptionsAndRefuseBadOnes() throws Exception {
        WatchCommand.Options o = WatchCommand.parse(new String[] {
            "--bootstrap", "h:1", "--from-beginning", "--max", "3", "--timeout", "20", "--json", "--topic", "t"
        });
        assertEquals(new WatchCommand.Options("h:1", "t", true, true, 3, Duration.ofSeconds(20)), o);
        WatchCommand.Options d = WatchCommand.parse(new String[] {"--bootstrap", "h:1"});
        assertFalse(d.fromBeginning());
        assertEquals(Long.MAX_VALUE, d.max());
        assertEquals(null, d.timeout());
        assertThrows(UsageException.class, () -> WatchCommand.parse(new String[] {}));
        assertThrows(UsageException.class, () -> WatchCommand.parse(new String[] {"--bootstrap", "h:1", "--max", "0"}));
        assertThrows(UsageException.class, () -> WatchCommand.parse(new String[] {"--bootstrap", "h:1", "--what"}));
    }

    @Test
    void shouldExitTwoWithOneLineForUnusableArguments() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new WatchCommand(
                        new PrintStream(new ByteArrayOutputStream()),
                        new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(new String[] {"--max", "x", "--bootstrap", "h:1"});
        assertEquals(2, code);
        assertEquals(
                "session-review watch: --max must be a whole number of at least 1, got 'x'",
                err.toString(StandardCharsets.UTF_8).trim());
    }
}
