package org.sessionreview.taxonomy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    void shouldReadCommentsAndTrailingCommasOfAHandEditedCodebook() {
        // before: "not valid JSON at line 2, column 3"
        Codebook cb = Codebook.parse("""
                {
                  // the site's BORIS ethogram
                  "labels": {"sigh": "ANX_STR_SIGH", /* added 2026-03 */ "fidget": "ANX_STR_FIDGET",},
                  "actors": {"CL": "client",},
                }
                """, "site.json");
        assertEquals(Optional.of(CanonicalCode.ANX_STR_FIDGET), cb.canonicalCode("Fidget"));
        assertEquals(Optional.of(Actor.CLIENT), cb.actor("cl"));
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
    void shouldReadACodebookSavedAsWindows1252ByAnOlderWindowsEditor(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("codebook.json");
        java.nio.file.Files.write(
                file,
                "{\"labels\": {\"Hände ringen\": \"ANX_STR_HANDS\"}, \"actors\": {\"Klientin\": \"client\"}}"
                        .getBytes(java.nio.charset.Charset.forName("windows-1252")));
        Codebook c = Codebook.load(file);
        assertEquals(java.util.Optional.of(CanonicalCode.ANX_STR_HANDS), c.canonicalCode("hände ringen"));
    }

    @Test
    void shouldNameFileAndLabelWhenTargetIsNotCanonical(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("codebook.json");
        Files.writeString(file, "{\"labels\": {\"sigh\": \"ANX_SIGH\"}}");
        CodebookException e = assertThrows(CodebookException.class, () -> Codebook.load(file));
        assertEquals(
                "codebook " + file + ": labels entry 1 maps to a value that is not a canonical code", e.getMessage());
    }

    @Test
    void shouldFailWithFileNameWhenJsonIsMalformed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\"labels\": {\"sigh\": \"ANX_STR_SIGH\",}");
        CodebookException e = assertThrows(CodebookException.class, () -> Codebook.load(file));
        // the trailing comma is read (hand-edited JSON); the missing closing brace is not
        assertEquals("codebook " + file + ": not valid JSON at line 1, column 37", e.getMessage());
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
        assertProblem("{\"lables\": {}}", "top-level entry 1 is not a known section");
        assertProblem("{\"labels\": [\"sigh\"]}", "section 'labels' must be a JSON object");
        assertProblem("{\"labels\": {\"sigh\": 3}}", "labels entry 1 must map to a non-empty string, not a NUMBER");
        assertProblem(
                "{\"actors\": {\"CL\": \"patient\"}}",
                "actors entry 1 maps to a value other than client, therapist or dyad");
        assertProblem(
                "{\"labels\": {\"ANX_SMO\": \"ANX_CPD\"}}",
                "labels entry 1 is the canonical code ANX_SMO and cannot be remapped to ANX_CPD");
        assertProblem(
                "{\"labels\": {\"sigh\": \"ANX_STR_SIGH\", \"SIGH\": \"ANX_SMO\"}}",
                "labels entry 2 repeats the key of entry 1 (keys are case-insensitive) with a different target:"
                        + " ANX_STR_SIGH and ANX_SMO; neither is used");
        assertProblem(
                "{\"labels\": {\"sigh\": \"ANX_STR_SIGH\", \"sigh\": \"ANX_SMO\"}}",
                "labels entry 2 repeats the key of entry 1 (keys are case-insensitive) with a different target:"
                        + " ANX_STR_SIGH and ANX_SMO; neither is used");
        assertProblem(
                "{\"labels\": {\"sigh\": \"ANX_STR_SIGH\"}, \"labels\": {}}", "section given twice at line 1, column ");
        assertProblem(
                "{\"modifiers\": {\"m1\": \"sig nificance\"}}",
                "modifiers entry 1 maps to a name that does not match [a-z][a-z0-9_]*");
    }

    @Test
    void shouldRejectCodebookWhenContentFollowsTheObject() {
        assertProblem("{\"labels\": {}}\n{\"actors\": {}}", "trailing content after the JSON object at line 2");
        assertProblem("{\"labels\": {}} x", "trailing content after the JSON object at line 1");
    }

    @Test
    void shouldReadCodebookWhenFileStartsWithByteOrderMark(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bom.json");
        Files.write(file, ("\uFEFF{\"labels\": {\"sigh\": \"ANX_STR_SIGH\"}}").getBytes(StandardCharsets.UTF_8));
        assertEquals(
                "ANX_STR_SIGH",
                Codebook.load(file).canonicalCode("Sigh").orElseThrow().code());
    }

    @Test
    void shouldNeverQuoteKeysOrValuesWhenCodebookIsBroken() {
        String canary = "Jane Roe";
        for (String json : List.of(
                "{\"labels\": {\"Jane Roe\": \"Jane Roe\"}}",
                "{\"actors\": {\"Jane Roe\": \"Jane Roe\"}}",
                "{\"modifiers\": {\"Jane Roe\": \"Jane Roe\"}}",
                "{\"labels\": {\"Jane Roe\": 3}}",
                "{\"Jane Roe\": {}}",
                "{\"labels\": {\"Jane Roe\": \"ANX_SMO\", \"Jane Roe\": \"ANX_CPD\"}}",
                "{\"labels\": {\"sigh\": Jane Roe}}",
                "{\"labels\": {}} Jane Roe")) {
            CodebookException e = assertThrows(CodebookException.class, () -> Codebook.parse(json, "cb.json"));
            assertFalse(e.getMessage().contains(canary) || e.getMessage().contains("Jane"), e.getMessage());
        }
    }

    private static void assertProblem(String json, String expected) {
        CodebookException e = assertThrows(CodebookException.class, () -> Codebook.parse(json, "cb.json"));
        assertTrue(e.getMessage().startsWith("codebook cb.json: "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void shouldMapASitesWordsForModifierValuesAndMergeThemWordByWord() {
        Codebook run = Codebook.parse(
                "{\"modifier_values\": {\"Intensity\": {\" Mittel \": 2, \"stark\": \"3\"},"
                        + " \"significance\": {\"hoch\": 4}}}",
                "run.json");
        assertEquals(Optional.of("2"), run.modifierValue("intensity", "MITTEL"));
        assertEquals(Optional.of("3"), run.modifierValue("intensity", "stark"));
        assertEquals(Optional.of("4"), run.modifierValue("significance", "hoch"));
        assertEquals(Optional.empty(), run.modifierValue("intensity", "hoch"), "per modifier");
        Codebook session = Codebook.parse("{\"modifier_values\": {\"intensity\": {\"stark\": 2}}}", "s.json");
        Codebook merged = run.overriddenBy(session);
        assertEquals(Optional.of("2"), merged.modifierValue("intensity", "stark"));
        assertEquals(Optional.of("2"), merged.modifierValue("intensity", "mittel"));
    }

    @Test
    void shouldRefuseModifierValuesThatAreNotWordsToValuesWithoutQuotingThem() {
        for (String bad : List.of(
                "{\"modifier_values\": [1]}",
                "{\"modifier_values\": {\"intensity\": \"mittel\"}}",
                "{\"modifier_values\": {\"intensity\": {\"Maria\": 2.5}}}",
                "{\"modifier_values\": {\"intensity\": {\"Maria\": 1, \"maria\": 2}}}")) {
            CodebookException e = assertThrows(CodebookException.class, () -> Codebook.parse(bad, "c.json"), bad);
            assertTrue(e.getMessage().startsWith("codebook c.json: "), e.getMessage());
            assertFalse(e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("maria"), e.getMessage());
        }
    }

    @Test
    void shouldReportEveryEntryDroppedWhenALaterOneMakesTheKeyAmbiguous() {
        // found by the diff review: "FOO" (same target as "Foo") was used, then dropped with the
        // key when "foo" conflicted, without a reject row (read 3, rejected 2)
        String json = """
                {
                  "labels": {
                    "Foo": "ANX_STR_SIGH",
                    "FOO": "ANX_STR_SIGH",
                    "foo": "ANX_STR_HANDS"
                  },
                  "modifier_values": {"intensity": {"leicht": 1, "LEICHT": 1, "Leicht": 2}}
                }
                """;
        Codebook.Loaded loaded = Codebook.parseEntries(json, "cb.json");
        assertEquals(6, loaded.entries());
        assertEquals(6, loaded.problems().size(), loaded.problems().toString());
        assertTrue(
                loaded.problems().stream().anyMatch(p -> p.reason().startsWith("labels entry 2 has its key repeated")));
        assertTrue(loaded.problems().stream()
                .anyMatch(p -> p.reason().startsWith("modifier_values entry 1, word 2 is repeated")));
        assertEquals(Optional.empty(), loaded.codebook().canonicalCode("foo"));
    }

    @Test
    void shouldLeaveOutOnlyTheUnusableEntriesWithTheirLinesWhenReadEntryByEntry() {
        String json = """
                {
                  "labels": {
                    "site sigh": "ANX_STR_SIGH",
                    "Jane Roe": "NOT_A_CODE",
                    "site hands": "ANX_STR_HANDS",
                    "SITE SIGH": "ANX_STR_FIDGET"
                  },
                  "actors": {"Pat": "client", "Dr": "nurse"},
                  "lables": {"x": "AFF_CUE"},
                  "modifier_values": {"intensity": {"leicht": 1, "mittel": [2], "stark": 3}}
                }
                """;
        Codebook.Loaded loaded = Codebook.parseEntries(json, "cb.json");

        // 4 labels, 2 actors, the unknown section, 3 words
        assertEquals(10, loaded.entries());
        assertEquals(
                List.of(
                                new Codebook.EntryProblem(
                                        4,
                                        CodebookSection.LABELS,
                                        "labels entry 2 maps to a value that is not a canonical code"),
                                new Codebook.EntryProblem(
                                        3,
                                        CodebookSection.LABELS,
                                        "labels entry 1 has its key repeated by entry 4 with a different target; neither is"
                                                + " used"),
                                new Codebook.EntryProblem(
                                        6,
                                        CodebookSection.LABELS,
                                        "labels entry 4 repeats the key of entry 1 (keys are case-insensitive) with a"
                                                + " different target: ANX_STR_SIGH and ANX_STR_FIDGET; neither is used"),
                                new Codebook.EntryProblem(
                                        8,
                                        CodebookSection.ACTORS,
                                        "actors entry 2 maps to a value other than client, therapist or dyad"),
                                new Codebook.EntryProblem(
                                        9,
                                        CodebookSection.UNKNOWN,
                                        "top-level entry 3 is not a known section; expected labels, actors, modifiers,"
                                                + " modifier_values or description"),
                                new Codebook.EntryProblem(
                                        10,
                                        CodebookSection.MODIFIER_VALUES,
                                        "modifier_values entry 1, word 2 must map a non-empty word to a non-empty string or a"
                                                + " whole number"))
                        .stream()
                        .sorted(java.util.Comparator.comparingLong(Codebook.EntryProblem::line))
                        .toList(),
                loaded.problems());
        Codebook cb = loaded.codebook();
        assertEquals(Optional.of(CanonicalCode.ANX_STR_HANDS), cb.canonicalCode("site hands"));
        assertEquals(Optional.empty(), cb.canonicalCode("site sigh")); // which target was meant is unknown
        assertEquals(Optional.of(Actor.CLIENT), cb.actor("pat"));
        assertEquals(Optional.empty(), cb.actor("dr"));
        assertEquals(Optional.of("3"), cb.modifierValue("intensity", "Stark"));
        assertEquals(Optional.empty(), cb.modifierValue("intensity", "mittel"));
        for (Codebook.EntryProblem p : loaded.problems()) {
            assertFalse(p.reason().contains("Jane") || p.reason().contains("nurse"), p.reason());
        }
        // the run-wide codebook stays strict: its first unusable entry fails it
        CodebookException e = assertThrows(CodebookException.class, () -> Codebook.parse(json, "cb.json"));
        assertEquals(
                "codebook cb.json: labels entry 1 has its key repeated by entry 4 with a different target; neither"
                        + " is used",
                e.getMessage());
    }

    @Test
    void shouldReadAnEntryRepeatedVerbatimOnceAndKeepTheCodebookWhenAKeyIsGivenTwice() {
        // a line pasted twice: before, the JSON reader refused the duplicate key and the whole codebook
        String json = """
                {
                  "labels": {
                    "sigh": "ANX_STR_SIGH",
                    "hands": "ANX_STR_HANDS",
                    "sigh": "ANX_STR_SIGH"
                  },
                  "actors": {"Pat": "client", "Pat": "client"},
                  "modifier_values": {"intensity": {"leicht": 1, "stark": 3, "leicht": 1}}
                }
                """;
        Codebook.Loaded loaded = Codebook.parseEntries(json, "cb.json");
        // 3 labels, 2 actors, 3 words: read = 8, rejected = the 3 repeats, accepted = 5
        assertEquals(8, loaded.entries());
        assertEquals(
                List.of(
                        new Codebook.EntryProblem(
                                5,
                                CodebookSection.LABELS,
                                "labels entry 3 repeats entry 1 verbatim (the same key and target)",
                                true),
                        new Codebook.EntryProblem(
                                7,
                                CodebookSection.ACTORS,
                                "actors entry 2 repeats entry 1 verbatim (the same key and target)",
                                true),
                        new Codebook.EntryProblem(
                                8,
                                CodebookSection.MODIFIER_VALUES,
                                "modifier_values entry 1, word 3 repeats word 1 verbatim (the same word and value)",
                                true)),
                loaded.problems());
        Codebook cb = loaded.codebook();
        assertEquals(Optional.of(CanonicalCode.ANX_STR_SIGH), cb.canonicalCode("sigh"));
        assertEquals(Optional.of(CanonicalCode.ANX_STR_HANDS), cb.canonicalCode("hands"));
        assertEquals(Optional.of(Actor.CLIENT), cb.actor("pat"));
        assertEquals(Optional.of("1"), cb.modifierValue("intensity", "leicht"));
        // the same word with another value is ambiguous: both left out, as for keys in another case
        Codebook.Loaded other = Codebook.parseEntries(
                "{\"modifier_values\": {\"intensity\": {\"leicht\": 1,\n \"leicht\": 2}}}", "cb.json");
        assertEquals(2, other.problems().size());
        assertFalse(other.problems().get(0).repeat());
        assertEquals(Optional.empty(), other.codebook().modifierValue("intensity", "leicht"));
    }

    @Test
    void shouldGiveARepeatOfAnEntryLeftOutThatEntrysReasonNotReadOnce() {
        // before: each repeat said "read once, as entry 1" though entry 1 was not used
        String json = """
                {
                  "labels": {
                    "a": "ANX_STR_SIGH",
                    "A": "ANX_STR_HANDS",
                    "a": "ANX_STR_SIGH",
                    "b": "NO_SUCH_CODE",
                    "b": "NO_SUCH_CODE",
                    "c": "ANX_STR_SIGH",
                    "c": "ANX_STR_SIGH",
                    "C": "ANX_STR_HANDS"
                  },
                  "modifier_values": {"intensity": {"leicht": " ", "leicht": " "}}
                }
                """;
        Codebook.Loaded loaded = Codebook.parseEntries(json, "cb.json");
        java.util.Map<Long, Codebook.EntryProblem> byLine = new java.util.TreeMap<>();
        loaded.problems().forEach(p -> byLine.put(p.line(), p));
        assertEquals(10, loaded.entries());
        assertEquals(10, loaded.problems().size(), loaded.problems().toString());
        assertEquals(
                "labels entry 3 repeats entry 1 verbatim, which is not used: labels entry 1 has its key repeated by"
                        + " entry 2 with a different target; neither is used",
                byLine.get(5L).reason());
        assertFalse(byLine.get(5L).repeat());
        assertEquals(
                "labels entry 5 repeats entry 4 verbatim, which is not used: labels entry 4 maps to a value that is"
                        + " not a canonical code",
                byLine.get(7L).reason());
        // the key made ambiguous after the repeat: the repeat is not used either
        assertEquals(
                "labels entry 7 repeats entry 6 verbatim, which is not used: labels entry 6 has its key repeated by"
                        + " entry 8 with a different target; neither is used",
                byLine.get(9L).reason());
        assertTrue(
                byLine.get(12L)
                        .reason()
                        .startsWith("modifier_values entry 1, word 2 repeats word 1 verbatim,"
                                + " which is not used: modifier_values entry 1, word 1 must map"),
                byLine.get(12L).reason());
        assertFalse(byLine.get(12L).repeat());
        assertEquals(Optional.empty(), loaded.codebook().canonicalCode("a"));
        assertEquals(Optional.empty(), loaded.codebook().canonicalCode("c"));
    }

    @Test
    void shouldCallAModifierBlockPastedTwiceARepeatOfTheFirstWhichIsUsed() {
        String json = "{\"modifier_values\": {\n\"intensity\": {\"leicht\": 1, \"stark\": 3},\n"
                + "\"intensity\": {\"leicht\": 1, \"stark\": 3},\n"
                + "\"Intensity\": {\"leicht\": 2}}}";
        Codebook.Loaded loaded = Codebook.parseEntries(json, "cb.json");
        assertEquals(5, loaded.entries());
        assertEquals(
                List.of(
                        new Codebook.EntryProblem(
                                3,
                                CodebookSection.MODIFIER_VALUES,
                                "modifier_values entry 2, word 1 repeats entry 1 verbatim (the same modifier and words)",
                                true),
                        new Codebook.EntryProblem(
                                3,
                                CodebookSection.MODIFIER_VALUES,
                                "modifier_values entry 2, word 2 repeats entry 1 verbatim (the same modifier and words)",
                                true),
                        new Codebook.EntryProblem(
                                4,
                                CodebookSection.MODIFIER_VALUES,
                                "modifier_values entry 3 repeats an earlier modifier (case-insensitive): its word 1 is"
                                        + " not used",
                                false)),
                loaded.problems());
        assertEquals(Optional.of("1"), loaded.codebook().modifierValue("intensity", "leicht"));
        assertEquals(Optional.of("3"), loaded.codebook().modifierValue("intensity", "stark"));
    }

    @Test
    void shouldRefuseARunWideCodebookWithAKeyGivenTwiceNamingTheLine() {
        String json = "{\"labels\": {\n\"sigh\": \"ANX_STR_SIGH\",\n\"sigh\": \"ANX_STR_SIGH\"}}";
        CodebookException e = assertThrows(CodebookException.class, () -> Codebook.parse(json, "--codebook"));
        // before: "...repeats entry 1 verbatim (the same key and target): read once, as entry 1"
        assertEquals(
                "codebook --codebook: a key given twice at line 3 (labels entry 2 repeats entry 1 verbatim (the same"
                        + " key and target)); give each key once",
                e.getMessage());
    }
}
