package org.sessionreview.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code bench} refuses an unusable number with exit 2 and a message naming the flag and the value. */
class BenchCommandArgumentsTest {
    @ParameterizedTest
    @CsvSource({
        "--sessions, abc",
        "--minutes, ten",
        "--seed, 1e3",
        "--parallelism, 2.5",
        "--floor-passes, 99999999999",
    })
    void shouldNameTheFlagAndTheValueOfANumberItCannotRead(String flag, String value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new BenchCommand(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(new String[] {flag, value});

        assertEquals(2, code);
        String message =
                err.toString(StandardCharsets.UTF_8).lines().findFirst().orElse("");
        // before 2026-12-07: "session-review bench: For input string: "abc"", naming neither
        String expected = value.length() > 10 ? " must be at most 2147483647, got '" : " must be a whole number, got '";
        assertEquals("session-review bench: " + flag + expected + value + "' (see 'bench --help')", message);
        assertTrue(out.toString(StandardCharsets.UTF_8).isEmpty(), "nothing on stdout, no cohort generated");
    }
}
