package org.sessionreview.ingest.annotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sessionreview.ingest.annotation.AnnotationFixtures.EPS;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sessionreview.ingest.ParseResult;
import org.sessionreview.ingest.annotation.boris.BorisParser;
import org.sessionreview.ingest.annotation.elan.ElanParser;
import org.sessionreview.model.Annotation;
import org.sessionreview.model.Reject;
import org.sessionreview.taxonomy.Codebook;

class AnnotationNormalizerTest {
    private static final Codebook CODEBOOK = Codebook.parse("""
            {"labels": {"sigh": "ANX_STR_SIGH", "tension": "anx_str_tension", "silence": "SILENCE"},
             "actors": {"CL": "client", "CL-codes": "client", "TH-steps": "therapist", "TH-included": "therapist",
                        "TH-words": "therapist", "TH-gloss": "therapist", "Pat": "client"},
             "modifiers": {"modifier_1": "significance", "remark_code": "note", "staerke": "intensity"},
             "modifier_values": {"intensity": {"mittel": 2, "stark": "3", "riesig": 9}}}
            """, "test-codebook.json");
    private final AnnotationNormalizer normalizer = new AnnotationNormalizer(CODEBOOK);

    private static RawAnnotation.Builder raw(String label) {
        return RawAnnotation.builder("f.jsonl", 4).times(10.0, 12.5).label(label);
    }

    @Test
    void shouldMapLabelThroughCodebookWhenCaseDiffers() {
        Annotation a = normalizer
                .normalize(raw("SIGH").actorHint("client").build(), "s1")
                .annotation();
        assertEquals("ANX_STR_SIGH", a.code);
        assertEquals("ANX", a.family);
        assertEquals("SIGH", a.label, "the label as written is kept");
        assertEquals("s1", a.sessionId);
        assertEquals(10.0, a.startS, EPS);
        assertEquals(12.5, a.endS, EPS);
        assertEquals("f.jsonl", a.sourceFile);
        assertEquals(4, a.sourceLine);
        assertEquals(
                "RUP_W_MINIMAL",
                normalizer.normalize(raw("rup_w_minimal").build(), "s1").annotation().code);
    }

    @Test
    void shouldReadDomainsActorAbbreviationsWithoutACodebook() {
        // DOMAIN.md section 2: actor CL | TH | DY. Before: "unknown actor", every such record rejected
        AnnotationNormalizer plain = new AnnotationNormalizer(Codebook.canonicalOnly());
        assertEquals(
                "client",
                plain.normalize(raw("RUP_W_MINIMAL").actorHint("CL").build(), "s1")
                        .annotation()
                        .actor);
        assertEquals(
                "therapist",
                plain.normalize(
                                raw("RES_CLARIFY_MISUNDERSTANDING")
                                        .actorHint("th")
                                        .build(),
                                "s1")
                        .annotation()
                        .actor);
        assertEquals(
                "dyad",
                plain.normalize(raw("SILENCE").actorHint(" Dy ").build(), "s1").annotation().actor);
        assertFalse(
                plain.normalize(raw("SILENCE").actorHint("CX").build(), "s1").isAccepted());
        // a site's codebook still decides what its own words mean
        AnnotationNormalizer swapped =
                new AnnotationNormalizer(Codebook.parse("{\"actors\": {\"TH\": \"client\"}}", "c.json"));
        assertEquals(
                "client",
                swapped.normalize(raw("ANX_STR_SIGH").actorHint("TH").build(), "s1")
                        .annotation()
                        .actor);
    }

    @Test
    void shouldRejectWithReasonWhenLabelMapsToNoCode() {
        AnnotationNormalizer.Outcome o = normalizer.normalize(
                raw("foo").actorHint("client").note("secret").build(), "s1");
        assertFalse(o.isAccepted());
        Reject r = o.reject();
        assertEquals("label in label maps to no canonical code (3 characters)", r.reason);
        assertEquals("s1", r.sessionId);
        assertEquals("f.jsonl", r.sourceFile);
        assertEquals(4, r.line);
        assertFalse(r.raw.contains("secret"), "rejects never quote the note");
        Reject withAlt = normalizer
                .normalize(raw("foo").altLabels(List.of("bar")).build(), "s1")
                .reject();
        assertEquals(
                "label in label maps to no canonical code (3 characters; nor do its 1 alternative label)",
                withAlt.reason);
        Reject family = normalizer
                .normalize(raw("RUP_W_NOT_A_CODE").labelSource("field code").build(), "s1")
                .reject();
        assertEquals(
                "label in field code maps to no canonical code (16 characters; it has the prefix of family RUP"
                        + " but is not one of its codes)",
                family.reason);
    }

    @Test
    void shouldUseAlternativeLabelWhenLabelItselfDoesNotMap() {
        Annotation a = normalizer
                .normalize(
                        raw("Seufzer")
                                .altLabels(List.of("ANX_STR_SIGH", "cve_sigh"))
                                .build(),
                        "s1")
                .annotation();
        assertEquals("ANX_STR_SIGH", a.code);
        // the label that mapped, never the unmapped value: an ELAN value that maps only through its
        // CVE_REF may be free text ("Jane sighs"), and before it reached annotations.label as written
        assertEquals("ANX_STR_SIGH", a.label);
    }

    @Test
    void shouldResolveActorFromHintCodebookOrDefaultWhenNormalizing() {
        assertEquals(
                "therapist",
                normalizer
                        .normalize(raw("sigh").actorHint("THERAPIST").build(), "s1")
                        .annotation()
                        .actor);
        assertEquals(
                "client",
                normalizer
                        .normalize(raw("RES_OTHER").actorHint("cl").build(), "s1")
                        .annotation()
                        .actor);
        assertEquals(
                "therapist",
                normalizer.normalize(raw("RES_OTHER").build(), "s1").annotation().actor,
                "default");
        assertEquals("dyad", normalizer.normalize(raw("silence").build(), "s1").annotation().actor, "default");
        assertEquals(
                "client", normalizer.normalize(raw("AFF_CUE").build(), "s1").annotation().actor, "default");
        Reject r = normalizer
                .normalize(raw("AFF_CUE").actorHint("xyz").build(), "s1")
                .reject();
        assertEquals(
                "unknown actor in actor: expected client, therapist or dyad, or a name mapped in the"
                        + " codebook's actors",
                r.reason);
        Reject subject = normalizer
                .normalize(
                        raw("AFF_CUE")
                                .actorHint("xyz")
                                .actorSource("column Subject")
                                .build(),
                        "s1")
                .reject();
        assertEquals(
                "unknown actor in column Subject: expected client, therapist or dyad, or a name mapped in the"
                        + " codebook's actors",
                subject.reason);
        Reject tier = normalizer
                .normalize(
                        raw("AFF_CUE")
                                .actorHint("xyz")
                                .actorSource(RawAnnotation.TIER)
                                .build(),
                        "s1")
                .reject();
        assertEquals(
                "tier has no role: set its PARTICIPANT, name the tier with a role word (client, therapist, dyad)"
                        + " or map its name in the codebook's actors",
                tier.reason);
    }

    @Test
    void shouldTakeSignificanceOrIntensityWhenModifierParsesAsInt() {
        Annotation sig = normalizer
                .normalize(
                        raw("RUP_C_DEFENDS_SELF")
                                .modifier("significance", "4")
                                .modifier("intensity", "2")
                                .build(),
                        "s1")
                .annotation();
        assertEquals(4, sig.significance);
        assertEquals("intensity=2", sig.modifiers, "the unused intensity stays a modifier");
        // a 3RS marker's scale is its significance (DOMAIN.md 2.2); an intensity is no
        // significance (before: read as one, so 1 then 3 made an "escalated" rupture)
        Annotation rupture = normalizer
                .normalize(raw("RUP_C_DEFENDS_SELF").modifier("intensity", "3").build(), "s1")
                .annotation();
        assertNull(rupture.significance);
        assertEquals("intensity=3", rupture.modifiers);
        // an anxiety cue is judged by its intensity, whatever else is coded (DOMAIN.md 5)
        Annotation both = normalizer
                .normalize(
                        raw("ANX_STR_SIGH")
                                .modifier("significance", "3")
                                .modifier("intensity", "1")
                                .build(),
                        "s1")
                .annotation();
        assertEquals(1, both.significance);
        assertEquals("significance=3", both.modifiers);
        // a cue's significance (1-5) is no intensity (1-3): before, "significance 3" alone was read as
        // intensity 3, and on ANX_CPD made a severe dissociation "at intensity 3"
        Annotation significanceOnly = normalizer
                .normalize(raw("ANX_STR_SIGH").modifier("significance", "3").build(), "s1")
                .annotation();
        assertNull(significanceOnly.significance, "no intensity coded");
        assertEquals("significance=3", significanceOnly.modifiers);
        Annotation intensity = normalizer
                .normalize(raw("ANX_CPD").modifier("Intensity", " 3 ").build(), "s1")
                .annotation();
        assertEquals(3, intensity.significance);
        assertNull(intensity.modifiers);
        AnnotationNormalizer.Outcome text = normalizer.normalize(
                raw("ANX_CPD").modifier("significance", "high").build(), "s1");
        assertNull(text.annotation().significance);
        assertNull(text.annotation().modifiers, "a value outside the allow-list is dropped");
        assertEquals(List.of("significance"), text.droppedModifiers());
        assertNull(
                normalizer
                        .normalize(raw("ANX_CPD").modifier("significance", "9").build(), "s1")
                        .annotation()
                        .significance,
                "significance is 1-5");
        Annotation renamed = normalizer
                .normalize(
                        raw("q").altLabels(List.of("AFF_CUE"))
                                .modifier("modifier_1", "2")
                                .build(),
                        "s1")
                .annotation();
        assertEquals(2, renamed.significance, "codebook renames BORIS modifier_1 to significance");
        // a site's words through the codebook, after the key's rename; a target off the scale is dropped
        assertEquals(
                2,
                normalizer
                        .normalize(raw("ANX_CPD").modifier("Staerke", "Mittel").build(), "s1")
                        .annotation()
                        .significance);
        AnnotationNormalizer.Outcome offScale = normalizer.normalize(
                raw("ANX_CPD").modifier("intensity", "riesig").build(), "s1");
        assertNull(offScale.annotation().significance);
        assertEquals(List.of("intensity"), offScale.droppedModifiers());
        // a whole number written as a float (pandas, a JSON 2.0) and intensity words (1-3)
        assertEquals(
                2,
                normalizer
                        .normalize(
                                raw("RUP_C_DEFENDS_SELF")
                                        .modifier("significance", "2.0")
                                        .build(),
                                "s1")
                        .annotation()
                        .significance);
        assertNull(normalizer
                .normalize(
                        raw("RUP_C_DEFENDS_SELF")
                                .modifier("significance", "2.5")
                                .build(),
                        "s1")
                .annotation()
                .significance);
        for (String[] w : new String[][] {{"low", "1"}, {"Medium", "2"}, {"moderate", "2"}, {"HIGH", "3"}}) {
            assertEquals(
                    Integer.valueOf(w[1]),
                    normalizer
                            .normalize(
                                    raw("ANX_CPD").modifier("intensity", w[0]).build(), "s1")
                            .annotation()
                            .significance,
                    w[0]);
        }
    }

    @Test
    void shouldSortAndCleanModifiersWhenWritingThem() {
        Annotation a = normalizer
                .normalize(
                        raw("RES_INVITE_DISCUSS_RELATIONSHIP")
                                .modifier("space", "Provides")
                                .modifier("Explicit", "YES")
                                .modifier("stage", "Self-assertion")
                                .modifier("direct", "indirect")
                                .build(),
                        "s1")
                .annotation();
        assertEquals("direct=indirect;explicit=yes;space=provides;stage=self_assertion", a.modifiers);
    }

    @Test
    void shouldDropFreeTextModifiersWhenTheyReachTheNormalizer() {
        Annotation a = normalizer
                .normalize(
                        raw("AFF_CUE")
                                .modifier("comment", "she cried")
                                .modifier("Comment start", "x")
                                .modifier("remark_code", "renamed to note")
                                .modifier("channel", "cpd")
                                .note("private")
                                .build(),
                        "s1")
                .annotation();
        assertEquals("channel=cpd", a.modifiers);
    }

    @Test
    void shouldNeverCopyNotesWhenNormalizingFilesThatCarryThem() {
        List<String> notes = List.of(
                "client mentioned her brother Tom",
                "free text that must stay out",
                "grips the chair, knuckles white",
                "PRIVATE NOTE mentions Maria",
                "sister's name");
        List<ParseResult<RawAnnotation>> parsed = List.of(
                new NativeAnnotationParser(NativeAnnotationParser.Layout.JSONL)
                        .parse(AnnotationFixtures.resource("native_mixed.jsonl"), "a.jsonl", "s1"),
                new NativeAnnotationParser(NativeAnnotationParser.Layout.CSV)
                        .parse(AnnotationFixtures.resource("native_mixed.csv"), "a.csv", "s1"),
                new ElanParser().parse(AnnotationFixtures.resource("fixture_v30.eaf"), "a.eaf", "s1"),
                new BorisParser()
                        .parse(
                                AnnotationFixtures.utf8(
                                        "Observation id\tObservation date\tSubject\tBehavior\tBehavior type\tTime\tComment\r\n"
                                                + "o\td\tPat\tsigh\tPOINT\t1.0\tsaid her sister's name\r\n"),
                                "a.tsv",
                                "s1"));
        List<Annotation> all = new ArrayList<>();
        int notesSeen = 0;
        for (ParseResult<RawAnnotation> p : parsed) {
            notesSeen +=
                    (int) p.records().stream().filter(r -> r.note() != null).count();
            all.addAll(normalizer.normalizeAll(p, "s1").records());
        }
        assertEquals(5, notesSeen, "the fixtures do carry notes");
        assertTrue(all.size() >= 15, "annotations: " + all.size());
        for (Annotation a : all) {
            for (String text : stringFields(a)) {
                for (String note : notes) {
                    assertFalse(
                            text.contains(note) || note.contains(text) && text.length() > 8,
                            "note text leaked into " + a + ": " + text);
                }
            }
        }
    }

    private static List<String> stringFields(Annotation a) {
        List<String> out = new ArrayList<>();
        for (Field f : Annotation.class.getFields()) {
            try {
                if (f.get(a) instanceof String s) {
                    out.add(s);
                }
            } catch (IllegalAccessException e) {
                throw new AssertionError(e);
            }
        }
        return out;
    }

    @Test
    void shouldKeepCountsBalancedWhenNormalizingAParseResult() {
        ParseResult<RawAnnotation> parsed =
                new ElanParser().parse(AnnotationFixtures.resource("fixture_v30.eaf"), "fixture_v30.eaf", null);
        ParseResult<Annotation> out = normalizer.normalizeAll(parsed, "s9");
        // 11 parsed records all map (tiers mapped to actors); the 2 parse rejects are carried over
        AnnotationFixtures.assertBalanced(out, 11, 2);
        assertTrue(out.rejects().stream().allMatch(r -> "s9".equals(r.sessionId)));
        Annotation a1 = out.records().get(0);
        assertEquals("ANX_STR_SIGH", a1.code);
        assertEquals("client", a1.actor);
        assertNull(a1.significance, "a cue's significance is no intensity");
        assertEquals("significance=3", a1.modifiers);
        assertEquals(
                Map.of("TURN_TH", "therapist"),
                Map.of(out.records().get(2).code, out.records().get(2).actor),
                "participant 'Therapist' resolves without the codebook");
    }

    @Test
    void shouldCountAnEventWrittenTwiceInAnotherSpellingOnce() throws java.io.IOException {
        // sixteenth audit: CL and client, sigh and ANX_STR_SIGH at one time were two events (a
        // merged coding), though a row pasted again counts once
        String text = "{\"start\": 100.5, \"code\": \"sigh\", \"actor\": \"CL\"}\n"
                + "{\"start\": 100.5, \"code\": \"ANX_STR_SIGH\", \"actor\": \"client\"}\n"
                + "{\"start\": 100.5, \"code\": \"int-challenge-defense\", \"actor\": \"therapist\"}\n"
                + "{\"start\": 100.5, \"code\": \"INT_CHALLENGE_DEFENSE\", \"actor\": \"therapist\"}\n"
                + "{\"start\": 100.5, \"code\": \"ANX_STR_SIGH\", \"actor\": \"therapist\"}\n"
                + "{\"start\": 100.5, \"code\": \"ANX_STR_SIGH\", \"actor\": \"client\", \"intensity\": 2}\n";
        ParseResult<RawAnnotation> parsed = AnnotationReader.read(
                new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                "codes.jsonl",
                "codes.jsonl",
                "s1");
        ParseResult<Annotation> out = normalizer.normalizeAll(parsed, "s1");
        // another actor or another intensity is another event
        AnnotationFixtures.assertBalanced(out, 4, 2);
        assertEquals(
                List.of(1L, 3L, 5L, 6L),
                out.records().stream().map(a -> a.sourceLine).toList());
        Reject second = out.rejects().get(0);
        assertEquals(2, second.line);
        assertTrue(
                second.reason.startsWith("the same event as line 1 once its code and actor are read"), second.reason);
        assertEquals(4, out.rejects().get(1).line);
    }

    @Test
    void shouldCountTheSecondOfTwoKeysRenamedOntoOneModifierAsDropped() {
        // the codebook renames modifier_1 to significance, and the record has significance too
        AnnotationNormalizer.Outcome o = normalizer.normalize(
                raw("RUP_W_MINIMAL")
                        .actorHint("client")
                        .modifier("modifier_1", "3")
                        .modifier("significance", "4")
                        .build(),
                "s1");
        assertEquals(3, o.annotation().significance, "the first in key order");
        // before: the 4 was dropped without being counted in the file's note
        assertEquals(List.of("significance"), o.droppedModifiers());
    }
}
