package org.sessionreview.scoring.rupture;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.sessionreview.model.Annotation;
import org.sessionreview.taxonomy.CanonicalCode;
import org.sessionreview.taxonomy.CodeTaxonomy;

/**
 * An immutable copy of the parts of a coded {@link Annotation} the coded-event rules report: the
 * canonical code, its times (seconds from media start), significance or intensity, and modifiers
 * ({@code key=value} joined by {@code ;}). Free text never enters.
 */
public final class CodedEvent implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String code;
    private final double startS;
    private final double endS;
    private final Integer significance;
    private final String modifiers;

    public CodedEvent(String code, double startS, double endS, Integer significance, String modifiers) {
        this.code = Objects.requireNonNull(code, "code");
        this.startS = startS;
        this.endS = Math.max(startS, endS);
        this.significance = significance;
        this.modifiers = modifiers == null || modifiers.isBlank() ? null : modifiers;
    }

    /** The event of {@code a}, with its canonical code (as written when not canonical). */
    public static CodedEvent of(Annotation a) {
        String code = CodeTaxonomy.lookup(a.code).map(CanonicalCode::code).orElse(a.code);
        return new CodedEvent(code, a.startS, a.endOrStartS(), a.significance, a.modifiers);
    }

    public String code() {
        return code;
    }

    /** Start, seconds from media start. */
    public double startS() {
        return startS;
    }

    /** End, seconds from media start; equal to the start for a point event. */
    public double endS() {
        return endS;
    }

    /** Significance 1-5 (RUP, RES) or intensity 1-3 (ANX) when coded; null otherwise. */
    public Integer significance() {
        return significance;
    }

    /** Modifiers as {@code key=value;...}, or null. */
    public String modifiers() {
        return modifiers;
    }

    /** The value of modifier {@code key} (any case), or null. */
    public String modifier(String key) {
        if (modifiers == null) {
            return null;
        }
        for (String kv : modifiers.split(";")) {
            int eq = kv.indexOf('=');
            if (eq > 0 && kv.substring(0, eq).trim().equalsIgnoreCase(key)) {
                return kv.substring(eq + 1).trim();
            }
        }
        return null;
    }

    /**
     * The code with its coded {@code immediacy} and {@code direct} (or {@code directness})
     * modifiers, e.g. {@code RES_INVITE_DISCUSS_RELATIONSHIP[direct=yes;immediacy=yes]}; the bare
     * code when neither is coded. Strategy kinds after Safran &amp; Muran 2000 (DOMAIN.md 2.3).
     */
    public String strategyLabel() {
        List<String> parts = new ArrayList<>();
        for (String key : new String[] {"direct", "directness", "immediacy"}) {
            String v = modifier(key);
            if (v != null) {
                parts.add(key + "=" + v.toLowerCase(Locale.ROOT));
            }
        }
        return parts.isEmpty() ? code : code + "[" + String.join(";", parts) + "]";
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof CodedEvent)) {
            return false;
        }
        CodedEvent e = (CodedEvent) o;
        return code.equals(e.code)
                && startS == e.startS
                && endS == e.endS
                && Objects.equals(significance, e.significance)
                && Objects.equals(modifiers, e.modifiers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, startS, endS, significance, modifiers);
    }

    @Override
    public String toString() {
        return code + "@" + startS + (significance == null ? "" : " sig=" + significance);
    }
}
