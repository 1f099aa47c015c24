package org.sessionreview.scoring.opportunity;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.sessionreview.taxonomy.CanonicalCode;
import org.sessionreview.taxonomy.CodeTaxonomy;
import org.sessionreview.taxonomy.Family;

/**
 * The therapist's behaviour in the response window of a client cue (DOMAIN.md section 5), after
 * the provider-response dimensions of VR-CoDES-P (Del Piccolo et al. 2011): explicit, space
 * providing responses versus responses that reduce the space for the emotion. Constants are in
 * precedence order: when several coded responses fall in one window, the first class here wins
 * (see {@link MissedOpportunities}).
 */
public enum ResponseClass {
    /**
     * INT_EMPATHIC_REFLECTION, INT_VALIDATION, INT_EXPLORE_FEELING, INT_METACOMMUNICATION,
     * INT_REGULATE_ANXIETY, INT_CLARIFY_DEFENSE, INT_INTERPRETATION_LINK, any RES_*.
     */
    RESPONDED_EXPLICIT_SPACE,
    /** INT_SILENCE_DELIBERATE: not missed. */
    DELIBERATE_SILENCE,
    /** INT_TOPIC_SHIFT, INT_ADVICE, INT_REASSURANCE, INT_INFO_QUESTION_CLOSED. */
    RESPONDED_REDUCING_SPACE,
    /** No classifying therapist code in the window. */
    NO_RESPONSE;

    private static final Set<CanonicalCode> EXPLICIT = EnumSet.of(
            CanonicalCode.INT_EMPATHIC_REFLECTION,
            CanonicalCode.INT_VALIDATION,
            CanonicalCode.INT_EXPLORE_FEELING,
            CanonicalCode.INT_METACOMMUNICATION,
            CanonicalCode.INT_REGULATE_ANXIETY,
            CanonicalCode.INT_CLARIFY_DEFENSE,
            CanonicalCode.INT_INTERPRETATION_LINK);
    private static final Set<CanonicalCode> REDUCING = EnumSet.of(
            CanonicalCode.INT_TOPIC_SHIFT,
            CanonicalCode.INT_ADVICE,
            CanonicalCode.INT_REASSURANCE,
            CanonicalCode.INT_INFO_QUESTION_CLOSED);

    /** Lower-case name as written in outputs: {@code responded_explicit_space}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True for the classes that make a missed opportunity: no response, reducing space. */
    public boolean missed() {
        return this == NO_RESPONSE || this == RESPONDED_REDUCING_SPACE;
    }

    /**
     * The class a therapist code gives, or empty for codes that are not a response in this rule
     * (e.g. INT_CHALLENGE_DEFENSE, INT_PSYCHOED_RATIONALE, INT_STRUCTURE_AGENDA_HOMEWORK, or a
     * non-canonical code). The lists are exactly those of DOMAIN.md section 5.
     */
    public static Optional<ResponseClass> classify(String code) {
        Optional<CanonicalCode> c = CodeTaxonomy.lookup(code);
        if (c.isEmpty()) {
            return Optional.empty();
        }
        if (c.get().family() == Family.RES || EXPLICIT.contains(c.get())) {
            return Optional.of(RESPONDED_EXPLICIT_SPACE);
        }
        if (c.get() == CanonicalCode.INT_SILENCE_DELIBERATE) {
            return Optional.of(DELIBERATE_SILENCE);
        }
        return REDUCING.contains(c.get()) ? Optional.of(RESPONDED_REDUCING_SPACE) : Optional.empty();
    }
}
