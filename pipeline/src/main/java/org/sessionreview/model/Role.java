package org.sessionreview.model;

import java.util.Locale;
import java.util.Optional;

/** Who wears a sensor or performs a coded behaviour. */
public enum Role {
    CLIENT,
    THERAPIST;

    /** Lower-case name as used in files and output columns: {@code client}, {@code therapist}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code client} / {@code therapist} in any case; empty for anything else. */
    public static Optional<Role> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (Role r : values()) {
            if (r.id().equals(t)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
