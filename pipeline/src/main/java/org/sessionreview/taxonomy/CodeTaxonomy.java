package org.sessionreview.taxonomy;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Look-ups over the canonical codes of DOMAIN.md section 2 ({@link CanonicalCode}).
 *
 * <p>All look-ups are case-insensitive, ignore surrounding white space and take a run of spaces,
 * hyphens or dots for the underscore: {@code " anx_str_sigh"}, {@code "ANX-STR-SIGH"} and {@code
 * "Anx Str Sigh"} find {@link CanonicalCode#ANX_STR_SIGH} (codes typed into an ELAN controlled
 * vocabulary or a BORIS ethogram by hand). No two canonical codes differ only there. Methods taking a code string return false / empty for
 * null or unknown codes rather than throwing, so that rules can be applied to any label.
 */
public final class CodeTaxonomy {
    private static final Map<String, CanonicalCode> BY_CODE = index();
    /** What may stand for the underscore of a canonical code: a run of spaces, hyphens or dots. */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-]+");

    /**
     * Above-threshold anxiety channels in ISTDP (smooth muscle, cognitive-perceptual disruption,
     * motor conversion; DOMAIN.md 2.1): the therapist should regulate anxiety first.
     */
    private static final Set<CanonicalCode> ABOVE_THRESHOLD = Collections.unmodifiableSet(
            EnumSet.of(CanonicalCode.ANX_SMO, CanonicalCode.ANX_CPD, CanonicalCode.ANX_MOT));

    private CodeTaxonomy() {}

    private static Map<String, CanonicalCode> index() {
        Map<String, CanonicalCode> m = new LinkedHashMap<>();
        for (CanonicalCode c : CanonicalCode.values()) {
            m.put(c.code(), c);
        }
        return Collections.unmodifiableMap(m);
    }

    /**
     * The canonical code for {@code code} (any case; spaces, hyphens or dots for underscores), or
     * empty when it is not canonical.
     */
    public static Optional<CanonicalCode> lookup(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String key = code.trim().toUpperCase(Locale.ROOT);
        CanonicalCode c = BY_CODE.get(key);
        if (c == null && key.length() > 0) {
            c = BY_CODE.get(SEPARATORS.matcher(key).replaceAll("_"));
        }
        return Optional.ofNullable(c);
    }

    /** True when {@code code} (any case) is one of the canonical codes. */
    public static boolean isCanonical(String code) {
        return lookup(code).isPresent();
    }

    /** Every canonical code, in the order of DOMAIN.md section 2. */
    public static Set<CanonicalCode> all() {
        return Collections.unmodifiableSet(EnumSet.allOf(CanonicalCode.class));
    }

    /** The family of {@code code}, or empty when it is not canonical. */
    public static Optional<Family> family(String code) {
        return lookup(code).map(CanonicalCode::family);
    }

    /** True for the 3RS rupture markers {@code RUP_W_*} and {@code RUP_C_*}. */
    public static boolean isRupture(String code) {
        return family(code).filter(f -> f == Family.RUP).isPresent();
    }

    /**
     * The rupture class of a rupture marker: {@link RuptureClass#W} for {@code RUP_W_*}, {@link
     * RuptureClass#C} for {@code RUP_C_*}; empty for any other code.
     */
    public static Optional<RuptureClass> ruptureClass(String code) {
        return lookup(code)
                .filter(c -> c.family() == Family.RUP)
                .map(c -> c.code().startsWith("RUP_W_") ? RuptureClass.W : RuptureClass.C);
    }

    /**
     * True for a repair attempt in the rupture-repair rules (DOMAIN.md section 3, rule 2): any
     * {@code RES_*} resolution strategy, or {@code INT_METACOMMUNICATION}.
     */
    public static boolean isRepair(String code) {
        return lookup(code)
                .filter(c -> c.family() == Family.RES || c == CanonicalCode.INT_METACOMMUNICATION)
                .isPresent();
    }

    /** True for the {@code SAFE_*} codes, which are always surfaced (DOMAIN.md 2.7). */
    public static boolean isSafety(String code) {
        return family(code).filter(f -> f == Family.SAFE).isPresent();
    }

    /**
     * True for the above-threshold anxiety channels {@code ANX_SMO}, {@code ANX_CPD} and {@code
     * ANX_MOT} (ISTDP; DOMAIN.md 2.1 and section 3, rule 7).
     */
    public static boolean isAboveThresholdAnxiety(String code) {
        return lookup(code).filter(ABOVE_THRESHOLD::contains).isPresent();
    }

    /**
     * True for a client's cue in the sense of DOMAIN.md section 5: an {@code ANX_*} anxiety
     * channel, {@code AFF_CUE} or {@code AFF_CONCERN}. Such a cue voices an anxiety episode it
     * overlaps (else the episode is unvoiced arousal), wherever that is decided.
     */
    public static boolean isClientCue(String code) {
        return family(code).filter(f -> f == Family.ANX).isPresent()
                || lookup(code)
                        .filter(c -> c == CanonicalCode.AFF_CUE || c == CanonicalCode.AFF_CONCERN)
                        .isPresent();
    }
}
