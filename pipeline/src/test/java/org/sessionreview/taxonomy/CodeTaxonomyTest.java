package org.sessionreview.taxonomy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.sessionreview.testing.SharedData;

class CodeTaxonomyTest {

    /** Every code-like token of DOMAIN.md section 2 (read from the document itself). */
    private static Set<String> codesInDomainSection2() throws IOException {
        String domain = Files.readString(SharedData.root().resolveSibling("DOMAIN.md"));
        int from = domain.indexOf("## 2. Suggested code taxonomy");
        int to = domain.indexOf("## 3. Rupture");
        String section = domain.substring(from, to);
        Matcher m = Pattern.compile("\\b(?:ANX|RUP|RES|INT|AFF|SAFE)_[A-Z_]*[A-Z]\\b"
                        + "|\\b(?:TURN_CL|TURN_TH|SILENCE|SEG_3RS|ARTIFACT)\\b")
                .matcher(section);
        Set<String> codes = new TreeSet<>();
        while (m.find()) {
            codes.add(m.group());
        }
        // "RES_INVITE…" is an abbreviation in the prose of 2.5, "RUP_W_*" wildcards are not codes
        codes.removeIf(c -> c.equals("RES_INVITE") || c.equals("RUP_W") || c.equals("RUP_C"));
        return codes;
    }

    @Test
    void shouldHoldEveryCodeOfDomainSection2WhenComparedWithTheDocument() throws IOException {
        Set<String> expected = codesInDomainSection2();
        expected.add("BASELINE");
        Set<String> actual =
                CodeTaxonomy.all().stream().map(CanonicalCode::code).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expected, actual);
    }

    @Test
    void shouldFindCodeWhenCaseAndSpacesDiffer() {
        assertEquals(Optional.of(CanonicalCode.ANX_STR_SIGH), CodeTaxonomy.lookup("  anx_str_Sigh "));
        assertTrue(CodeTaxonomy.isCanonical("seg_3rs"));
        assertFalse(CodeTaxonomy.isCanonical("ANX_SIGH"));
        assertFalse(CodeTaxonomy.isCanonical(null));
    }

    @Test
    void shouldFindCodeWhenSpacesHyphensOrDotsStandForItsUnderscores() {
        assertEquals(Optional.of(CanonicalCode.ANX_STR_SIGH), CodeTaxonomy.lookup("ANX-STR-SIGH"));
        assertEquals(Optional.of(CanonicalCode.ANX_STR_SIGH), CodeTaxonomy.lookup("Anx Str  Sigh"));
        assertEquals(Optional.of(CanonicalCode.ANX_STR_SIGH), CodeTaxonomy.lookup("anx.str - sigh"));
        assertEquals(Optional.of(CanonicalCode.SEG_3RS), CodeTaxonomy.lookup("seg 3rs"));
        assertFalse(CodeTaxonomy.isCanonical("ANXSTRSIGH"), "the separators are not optional");
        assertFalse(CodeTaxonomy.isCanonical("ANX_STR_SIGH!"));
        assertFalse(CodeTaxonomy.isCanonical("-"));
        // no two canonical codes meet in this normal form: each is its own
        for (CanonicalCode c : CodeTaxonomy.all()) {
            assertEquals(
                    Optional.of(c),
                    CodeTaxonomy.lookup(c.code().replace('_', '-').toLowerCase(java.util.Locale.ROOT)));
        }
    }

    @Test
    void shouldDeriveFamilyFromPrefixWhenCodeIsCanonical() {
        for (CanonicalCode c : CodeTaxonomy.all()) {
            String prefix = c.code()
                    .substring(
                            0,
                            c.code().indexOf('_') < 0
                                    ? c.code().length()
                                    : c.code().indexOf('_'));
            Family expected = switch (prefix) {
                case "ANX", "RUP", "RES", "INT", "AFF", "SAFE" -> Family.valueOf(prefix);
                default -> Family.STRUCT;
            };
            assertEquals(expected, c.family(), c.code());
        }
    }

    @Test
    void shouldGiveTherapistAsDefaultActorWhenCodeIsInterventionOrStrategy() {
        for (CanonicalCode c : CodeTaxonomy.all()) {
            if (c.family() == Family.RES || c.family() == Family.INT) {
                assertEquals(Actor.THERAPIST, c.defaultActor(), c.code());
            }
            if (c.family() == Family.ANX || c.family() == Family.RUP || c.family() == Family.AFF) {
                assertEquals(Actor.CLIENT, c.defaultActor(), c.code());
            }
        }
        assertEquals(Actor.DYAD, CanonicalCode.SILENCE.defaultActor());
        assertEquals(Actor.THERAPIST, CanonicalCode.TURN_TH.defaultActor());
        assertEquals(CodeType.STATE, CanonicalCode.INT_SILENCE_DELIBERATE.type());
        assertEquals(CodeType.STATE, CanonicalCode.BASELINE.type());
        assertEquals(CodeType.POINT, CanonicalCode.ANX_STR_SIGH.type());
    }

    @Test
    void shouldClassifyRuptureWhenCodeIsWithdrawalOrConfrontation() {
        assertTrue(CodeTaxonomy.isRupture("rup_w_minimal"));
        assertEquals(Optional.of(RuptureClass.W), CodeTaxonomy.ruptureClass("RUP_W_MINIMAL"));
        assertEquals(Optional.of(RuptureClass.C), CodeTaxonomy.ruptureClass("RUP_C_DEFENDS_SELF"));
        assertEquals(Optional.empty(), CodeTaxonomy.ruptureClass("RES_OTHER"));
        assertFalse(CodeTaxonomy.isRupture("RUP_X_FOO"));
        long w = CodeTaxonomy.all().stream()
                .filter(c -> CodeTaxonomy.ruptureClass(c.code()).equals(Optional.of(RuptureClass.W)))
                .count();
        long c = CodeTaxonomy.all().stream()
                .filter(x -> CodeTaxonomy.ruptureClass(x.code()).equals(Optional.of(RuptureClass.C)))
                .count();
        assertEquals(7, w);
        assertEquals(7, c);
    }

    @Test
    void shouldCountMetacommunicationAsRepairWhenApplyingSection3() {
        assertTrue(CodeTaxonomy.isRepair("RES_RATIONALE"));
        assertTrue(CodeTaxonomy.isRepair("int_metacommunication"));
        assertFalse(CodeTaxonomy.isRepair("INT_VALIDATION"));
        assertTrue(CodeTaxonomy.isSafety("SAFE_PANIC"));
        assertTrue(CodeTaxonomy.isAboveThresholdAnxiety("ANX_CPD"));
        assertFalse(CodeTaxonomy.isAboveThresholdAnxiety("ANX_STR_SIGH"));
    }
}
