package org.sessionreview.taxonomy;

import java.util.Locale;
import java.util.Optional;

/**
 * Who performs a coded behaviour: the client, the therapist, or the dyad as a whole (for example a
 * shared silence). Output columns use the lower-case {@link #id()}.
 */
public enum Actor {
    CLIENT,
    THERAPIST,
    DYAD;

    /** Lower-case name as used in files and output columns: {@code client}, {@code therapist}, {@code dyad}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** DOMAIN.md section 2's short form: {@code CL}, {@code TH}, {@code DY}. */
    public String abbreviation() {
        return name().substring(0, 1) + (this == CLIENT ? "L" : this == THERAPIST ? "H" : "Y");
    }

    /**
     * Parses {@code client}, {@code therapist} or {@code dyad}, or DOMAIN.md section 2's {@code
     * CL}, {@code TH}, {@code DY} (the actor values and ELAN tier prefixes, {@code CL-rupture},
     * of its taxonomy), in any case, ignoring surrounding white space; empty for anything else
     * (other abbreviations a {@link Codebook} may map).
     */
    public static Optional<Actor> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (Actor a : values()) {
            if (a.id().equals(t) || a.abbreviation().toLowerCase(Locale.ROOT).equals(t)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
