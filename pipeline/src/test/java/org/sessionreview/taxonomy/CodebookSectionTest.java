package org.sessionreview.taxonomy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What an unused codebook entry costs ({@link Codebook.EntryProblem#consequence()}) follows the
 * section the reader found it in ({@link CodebookSection}), never the wording of its reason.
 */
class CodebookSectionTest {
    @Test
    void shouldTellTheConsequenceByTheSectionWhateverTheReasonSays() {
        // reasons that name another section, or none: before, the reason's first word decided
        String[] reasons = {
            "labels entry 1 maps to a value that is not a canonical code",
            "actors entry 1 maps to a value other than client, therapist or dyad",
            "modifier_values entry 1 must map words to values (a JSON object)",
            "entry 1 of this section is unusable",
            ""
        };
        for (CodebookSection section : CodebookSection.values()) {
            for (String reason : reasons) {
                Codebook.EntryProblem p = new Codebook.EntryProblem(3, section, reason);
                assertEquals(section.consequence(), p.consequence(), section + ": " + reason);
                assertEquals(section.consequence(), new Codebook.EntryProblem(3, section, reason, true).consequence());
            }
        }
        assertEquals(
                List.of(
                        "labels it would map are rejected",
                        "the actor name it would map is not recognised",
                        "the modifier it would rename keeps its own name",
                        "words it would map are not read as values",
                        "it maps nothing"),
                List.of(CodebookSection.values()).stream()
                        .map(CodebookSection::consequence)
                        .toList());
    }

    @Test
    void shouldGiveEachProblemTheSectionItCameFrom() {
        Codebook.Loaded loaded = Codebook.parseEntries("""
                {
                  "labels": {"sigh": "NOT_A_CODE", "": "ANX_STR_SIGH"},
                  "actors": {"Pat": "patient", "": "client"},
                  "modifiers": {"Stufe": "9 level"},
                  "modifier_values": {"intensity": {"leicht": 1.5}},
                  "colours": {}
                }
                """, "cb.json");
        List<String> got = loaded.problems().stream()
                .map(p -> p.line() + " " + p.section() + " " + p.keyless() + " (" + p.consequence() + ")")
                .toList();
        assertEquals(
                List.of(
                        "2 LABELS false (labels it would map are rejected)",
                        // an entry without a key maps nothing, though its reason names no section first
                        "2 LABELS true (it maps nothing)",
                        "3 ACTORS false (the actor name it would map is not recognised)",
                        "3 ACTORS true (it maps nothing)",
                        "4 MODIFIERS false (the modifier it would rename keeps its own name)",
                        "5 MODIFIER_VALUES false (words it would map are not read as values)",
                        "6 UNKNOWN false (it maps nothing)"),
                got);
        Codebook.EntryProblem keyless = loaded.problems().get(1);
        assertEquals("section 'labels' has an empty key (entry 2)", keyless.reason());
        assertTrue(keyless.keyless());
        assertFalse(keyless.repeat());
    }
    /** Review finding: a verbatim repeat of an entry without a key maps nothing either. */
    @Test
    void shouldKeepARepeatedKeylessEntryMappingNothing() {
        Codebook.Loaded loaded = Codebook.parseEntries("""
                {
                  "labels": {
                    "": "ANX_STR_SIGH",
                    "": "ANX_STR_SIGH"
                  }
                }
                """, "cb.json");
        List<String> got = loaded.problems().stream()
                .map(p -> p.line() + " " + p.repeat() + " " + p.keyless() + " (" + p.consequence() + ")")
                .toList();
        assertEquals(List.of("3 false true (it maps nothing)", "4 false true (it maps nothing)"), got);
    }
}
