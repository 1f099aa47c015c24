package org.sessionreview.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionreview.storage.LocalEntry;

/** The run-wide files a footer and run.json name: by file name, size and the SHA-256 of their bytes. */
class RunInputsTest {
    @TempDir
    Path dir;

    @Test
    void shouldNameEachGivenFileByItsBytesAndTheOthersAsNone() throws Exception {
        byte[] bytes =
                "{\"format\": \"session-review baselines 1\", \"people\": {}}\n".getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(dir.resolve("pooled.json"), bytes);
        String sha =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));

        Map<String, String> d = RunInputs.describe(RunInputs.File.read(LocalEntry.of(file)), null);

        assertEquals(
                Map.of(
                        "run_input.baselines",
                        "pooled.json, " + bytes.length + " bytes, SHA-256 " + sha,
                        "run_input.codebook",
                        "none"),
                d);
        assertEquals(
                Map.of("run_input.baselines", "none", "run_input.codebook", "none"), RunInputs.describe(null, null));
    }

    @Test
    void shouldTellTwoFilesOfOneNameApart() throws Exception {
        Path a = Files.writeString(Files.createDirectories(dir.resolve("a")).resolve("codes.json"), "{\"x\": 1}");
        Path b = Files.writeString(Files.createDirectories(dir.resolve("b")).resolve("codes.json"), "{\"x\": 2}");
        assertNotEquals(
                RunInputs.describe(null, RunInputs.File.read(LocalEntry.of(a))).get(RunInputs.CODEBOOK),
                RunInputs.describe(null, RunInputs.File.read(LocalEntry.of(b))).get(RunInputs.CODEBOOK));
    }

    @Test
    void shouldKeepOnlyTheSizeAndHashForReadersOutsideTheService() throws Exception {
        byte[] bytes = "{\"people\": {}}".getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(dir.resolve("baselines_Mueller, 2026.json"), bytes);
        String sha =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        String full = RunInputs.describe(RunInputs.File.read(LocalEntry.of(file)), null)
                .get(RunInputs.BASELINES);

        assertEquals("baselines_Mueller, 2026.json, " + bytes.length + " bytes, SHA-256 " + sha, full);
        assertEquals(bytes.length + " bytes, SHA-256 " + sha, RunInputs.withoutName(full));
        assertEquals("none", RunInputs.withoutName("none"));
        assertEquals("given", RunInputs.withoutName("some file of another form"));
    }
}
