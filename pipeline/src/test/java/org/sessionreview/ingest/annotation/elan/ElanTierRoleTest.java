package org.sessionreview.ingest.annotation.elan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sessionreview.ingest.annotation.AnnotationFixtures.assertBalanced;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sessionreview.ingest.ParseResult;
import org.sessionreview.ingest.annotation.AnnotationFixtures;
import org.sessionreview.ingest.annotation.AnnotationNormalizer;
import org.sessionreview.ingest.annotation.RawAnnotation;
import org.sessionreview.model.Annotation;
import org.sessionreview.model.Reject;
import org.sessionreview.taxonomy.Codebook;

/**
 * Several tiers per participant, named after actor and code family ({@code CL-anxiety}, {@code
 * Therapist interventions}): the tier's actor is read from the words of its id and its
 * PARTICIPANT. Generated from the real pympi_fto.eaf by renaming its two participant tiers.
 */
class ElanTierRoleTest {
    private static final Codebook CODEBOOK = Codebook.parse("""
            {"labels": {"a": "ANX_STR_SIGH"}, "actors": {"CL": "client"}}
            """, "roles.json");

    private static String fto() {
        return new String(AnnotationFixtures.shared("annotations/elan/pympi_fto.eaf"), StandardCharsets.UTF_8);
    }

    private static ParseResult<Annotation> normalize(String eaf) {
        ParseResult<RawAnnotation> raw = new ElanParser().parse(eaf.getBytes(StandardCharsets.UTF_8), "f.eaf", "s1");
        return new AnnotationNormalizer(CODEBOOK).normalizeAll(raw, "s1");
    }

    /** With a codebook that maps labels only: the actors come from the tiers' own words. */
    private static ParseResult<Annotation> normalizeWithoutActors(String eaf) {
        ParseResult<RawAnnotation> raw = new ElanParser().parse(eaf.getBytes(StandardCharsets.UTF_8), "f.eaf", "s1");
        return new AnnotationNormalizer(Codebook.parse("{\"labels\": {\"a\": \"ANX_STR_SIGH\"}}", "labels.json"))
                .normalizeAll(raw, "s1");
    }

    @Test
    void shouldTakeActorFromTierWordsWhenTiersAreNamedPerActorAndFamily() {
        String eaf = fto().replace("PARTICIPANT=\"a\" TIER_ID=\"a\"", "PARTICIPANT=\"CL\" TIER_ID=\"CL-anxiety\"")
                .replace(
                        "PARTICIPANT=\"b\" TIER_ID=\"b\"", "PARTICIPANT=\"Maria\" TIER_ID=\"Therapist interventions\"");
        ParseResult<Annotation> r = normalize(eaf);
        // tier a holds 3 annotations, tier b 4 (see ElanParserTest)
        assertBalanced(r, 7, 0);
        assertEquals(
                3, r.records().stream().filter(a -> a.actor.equals("client")).count());
        assertEquals(
                4, r.records().stream().filter(a -> a.actor.equals("therapist")).count());
        assertEquals("client", r.records().get(0).actor, "CL-anxiety with PARTICIPANT CL mapped to client");
    }

    @Test
    void shouldReadDomainsTierPrefixesWithoutACodebookActor() {
        // DOMAIN.md 1.1: tiers CL-anxiety, TH-intervention with PARTICIPANT set. Before: without a
        // codebook naming CL and TH, every annotation was rejected ("tier has no role")
        String eaf = fto().replace("PARTICIPANT=\"a\" TIER_ID=\"a\"", "PARTICIPANT=\"CL\" TIER_ID=\"CL-anxiety\"")
                .replace("PARTICIPANT=\"b\" TIER_ID=\"b\"", "TIER_ID=\"TH-intervention\"");
        ParseResult<Annotation> r = normalizeWithoutActors(eaf);
        assertEquals(
                3, r.records().stream().filter(a -> a.actor.equals("client")).count());
        assertEquals(
                4,
                r.records().size() + r.rejects().size() - 3,
                "tier b's 4 annotations are read (their labels may not map)");
        assertTrue(
                r.rejects().stream().noneMatch(j -> j.reason.startsWith("tier has no role")),
                r.rejects().toString());
    }

    @Test
    void shouldReadTheRoleWordsOfTheLiteratureAndOfSitesCodingInTheirOwnLanguage() {
        // Before: "Patient" and "Therapeutin" named no role without a codebook, and every
        // annotation of both tiers was a reject ("tier has no role")
        String eaf = fto().replace("PARTICIPANT=\"a\" TIER_ID=\"a\"", "PARTICIPANT=\"Patient\" TIER_ID=\"Patient 3RS\"")
                .replace("PARTICIPANT=\"b\" TIER_ID=\"b\"", "TIER_ID=\"Th\u00e9rapeute - interventions\"");
        ParseResult<Annotation> r = normalizeWithoutActors(eaf);
        assertEquals(
                3, r.records().stream().filter(a -> a.actor.equals("client")).count());
        assertTrue(
                r.rejects().stream().noneMatch(j -> j.reason.startsWith("tier has no role")),
                r.rejects().toString());
        assertEquals(
                r.rejects().size(),
                r.rejects().stream().filter(j -> j.reason.contains("code")).count(),
                "tier b's annotations are refused for their labels only: " + r.rejects());
        assertTrue(r.records().stream().allMatch(x -> x.actor.equals("client") || x.actor.equals("therapist")));
    }

    @Test
    void shouldRejectWithBothRolesNamedWhenTierNamesTwoActors() {
        String eaf = fto().replace("PARTICIPANT=\"a\" TIER_ID=\"a\"", "TIER_ID=\"client-therapist rupture\"")
                .replace("PARTICIPANT=\"b\" TIER_ID=\"b\"", "PARTICIPANT=\"Maria\" TIER_ID=\"Maria\"");
        ParseResult<Annotation> r = normalize(eaf);
        assertBalanced(r, 0, 7);
        List<Reject> ambiguous = r.rejects().stream()
                .filter(j -> j.reason.startsWith(
                        "tier's name and PARTICIPANT point to more than one actor" + " (client, therapist)"))
                .toList();
        assertEquals(3, ambiguous.size());
        assertEquals(
                4,
                r.rejects().stream()
                        .filter(j -> j.reason.startsWith("tier has no role: "))
                        .count());
        assertTrue(r.rejects().stream().noneMatch(j -> j.reason.contains("Maria") || j.raw.contains("Maria")));
    }

    @Test
    void shouldTakeParentTierRoleWhenDependentTierNamesNone() {
        String eaf = fto().replace("PARTICIPANT=\"a\" TIER_ID=\"a\"", "TIER_ID=\"Client\"")
                .replace(
                        "<TIER LINGUISTIC_TYPE_REF=\"default-lt\" PARTICIPANT=\"b\" TIER_ID=\"b\">",
                        "<TIER LINGUISTIC_TYPE_REF=\"included\" PARENT_REF=\"Client\" TIER_ID=\"codes\">")
                .replace(
                        "<LINGUISTIC_TYPE GRAPHIC_REFERENCES",
                        "<LINGUISTIC_TYPE CONSTRAINTS=\"Included_In\" GRAPHIC_REFERENCES=\"false\""
                                + " LINGUISTIC_TYPE_ID=\"included\" TIME_ALIGNABLE=\"true\"/>\n    <LINGUISTIC_TYPE"
                                + " GRAPHIC_REFERENCES");
        ParseResult<Annotation> r = normalize(eaf);
        assertBalanced(r, 7, 0);
        assertTrue(r.records().stream().allMatch(a -> a.actor.equals("client")), "tier codes inherits Client");
    }
}
