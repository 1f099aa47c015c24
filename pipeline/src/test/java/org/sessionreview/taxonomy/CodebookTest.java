package org.sessionreview.taxonomy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodebookTest {
    private static final String RUN_WIDE = """
            {
              "description": "run-wide codebook",
              "labels": {"sigh": "ANX_STR_SIGH", "Minimal Response": "rup_w_minimal"},
              "actors": {"CL": "client", "TH": "Therapist", "both": "dyad"},
              "modifiers": {"Modifier #1": "significance"}
            }
            """;

    @Test
    void shouldMapCanonicalCodesToThemselvesWhenCodebookIsEmpty() {
        Codebook cb = Codebook.canonicalOnly();
        assertEquals(Optional.of(CanonicalCode.AFF_CUE), cb.canonicalCode("aff_cue"));
        assertEquals(Optional.empty(), cb.canonicalCode("sigh"));
        assertEquals(Optional.empty(), cb.canonicalCode(""));
    }

    @Test
    void shouldMapLabelsCaseInsensitivelyWhenLoadedFromJson() {
        Codebook cb = Codebook.parse(RUN_WIDE, "run.json");
        assertEquals(Optional.of(CanonicalCode.ANX_STR_SIGH), cb.canonicalCode("SIGH"));
        assertEquals(Optional.of(CanonicalCode.RUP_W_MINIMAL), cb.canonicalCode(" minimal response "));
        assertEquals(Optional.of(Actor.CLIENT), cb.actor("cl"));
        assertEquals(Optional.of(Actor.THERAPIST), cb.actor("TH"));
        assertEquals(Optional.of(Actor.DYAD), cb.actor("Both"));
        assertEquals(Optional.empty(), cb.actor("Pat"));
        assertEquals("significance", cb.modifierName("modifier #1"));
        assertEquals("channel", cb.modifierName(" Channel"), "unmapped keys are lower-cased");
    }

    @Test
    void shouldLetSessionEntriesWinWhenCodebooksAreMerged() {
        Codebook run = Codebook.parse(RUN_WIDE, "run.json");
        Codebook session = Codebook.parse("""
                {"labels": {"SIGH": "ANX_STR_TENSION"}, "actors": {"Pat": "client", "cl": "therapist"}}
                """, "session.json");
        Codebook merged = run.overriddenBy(session);
        assertEquals(Optional.of(CanonicalCode.ANX_STR_TENSION), merged.canonicalCode("sigh"));
        assertEquals(Optional.of(CanonicalCode.RUP_W_MINIMAL), merged.canonicalCode("minimal response"));
        assertEquals(Optional.of(Actor.THERAPIST), merged.actor("CL"));
        assertEquals(Optional.of(Actor.CLIENT), merged.actor("pat"));
        assertEquals(Optional.of(Actor.THERAPIST), merged.actor("th"));
        assertEquals(Optional.of(CanonicalCode.ANX_STR_SIGH), run.canonicalCode("sigh"), "the base is unchanged");
        assertTrue(merged.source().contains("run.json") && merged.source().contains("session.json"));
    }

    @Test
    void shouldNameFileAndLabelWhenTargetIsNotCanonical(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("codebook.json");
        Files.writeString(file, "{\"labels\": {\"sigh\": \"ANX_SIGH\"}}");
        CodebookException e = assertThrows(CodebookException.class, () -> Codebook.load(file));
        assertEquals("codebook " + file + ": label 'sigh' maps to 'ANX_SIGH', which is not a canonical code",
                e.getMessage());
    }

    @Test
    void shouldFailWithFileNameWhenJsonIsMalformed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\"labels\": {\"sigh\": \"ANX_STR_SIGH\",}");
        CodebookException e = assertThrows(CodebookException.class, () -> Codebook.load(file));
        assertTrue(e.getMessage().startsWith("codebook " + file + ": malformed JSON"), e.getMessage());
    }

    @Test
    void shouldFailWhenFileIsMissing(@TempDir Path dir) {
        Path file = dir.resolve("absent.json");
        CodebookException e = assertThrows(CodebookException.class, () -> Codebook.load(file));
        assertTrue(e.getMessage().startsWith("codebook " + file + ": cannot be read"), e.getMessage());
    }

    @Test
    void shouldRejectCodebookWhenShapeOrTargetsAreWrong() {
        assertProblem("[1, 2]", "the top level must be a JSON object");
        assertProblem("{\"lables\": {}}", "unknown section 'lables'");
        assertProblem("{\"labels\": [\"sigh\"]}", "section 'labels' must be a JSON object");
        assertProblem("{\"labels\": {\"sigh\": 3}}", "labels entry 'sigh' must map to a non-empty string");
        assertProblem("{\"actors\": {\"CL\": \"patient\"}}",
                "actor 'CL' maps to 'patient'; expected client, therapist or dyad");
        assertProblem("{\"labels\": {\"ANX_SMO\": \"ANX_CPD\"}}",
                "label 'ANX_SMO' is the canonical code ANX_SMO and cannot be remapped to ANX_CPD");
        assertProblem("{\"labels\": {\"sigh\": \"ANX_STR_SIGH\", \"SIGH\": \"ANX_SMO\"}}",
                "label 'SIGH' is listed twice");
        assertProblem("{\"labels\": {\"sigh\": \"ANX_STR_SIGH\", \"sigh\": \"ANX_SMO\"}}", "Duplicate field 'sigh'");
        assertProblem("{\"modifiers\": {\"m1\": \"sig nificance\"}}", "modifier 'm1' maps to 'sig nificance'");
    }

    private static void assertProblem(String json, String expected) {
        CodebookException e = assertThrows(CodebookException.class, () -> Codebook.parse(json, "cb.json"));
        assertTrue(e.getMessage().startsWith("codebook cb.json: "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
