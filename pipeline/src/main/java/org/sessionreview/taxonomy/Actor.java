package org.sessionreview.taxonomy;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
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
     * The role words read as an actor besides {@link #id()} and {@link #abbreviation()}: names
     * that mean one role and no other in a therapy coding, so that reading them is no guess.
     * {@code patient} is the word of the ISTDP and psychodynamic literature (Davanloo, Abbass); {@code counsellor}/{@code
     * counselor} and {@code clinician} are the therapist's; the German, Italian, Spanish and
     * French words of sites that code in their own language (Bern, Padova: {@code Klient}, {@code
     * Therapeutin}, {@code paziente}, {@code terapeuta}). Abbreviations and names that could mean
     * someone else ({@code P}, {@code T}, {@code pt}, {@code Pat}: in ELAN a PARTICIPANT is often a
     * person's first name) are not among them: a site's {@link Codebook} maps those. Compared after
     * Unicode NFC normalisation, so a decomposed {@code the\u0301rapeute} matches.
     */
    static final Map<String, Actor> ROLE_WORDS = Map.ofEntries(
            Map.entry("patient", CLIENT),
            Map.entry("patientin", CLIENT),
            Map.entry("klient", CLIENT),
            Map.entry("klientin", CLIENT),
            Map.entry("paziente", CLIENT),
            Map.entry("cliente", CLIENT),
            Map.entry("paciente", CLIENT),
            Map.entry("counsellor", THERAPIST),
            Map.entry("counselor", THERAPIST),
            Map.entry("clinician", THERAPIST),
            Map.entry("therapeut", THERAPIST),
            Map.entry("therapeutin", THERAPIST),
            Map.entry("terapeuta", THERAPIST),
            Map.entry("th\u00e9rapeute", THERAPIST),
            Map.entry("therapeute", THERAPIST),
            Map.entry("dyade", DYAD),
            Map.entry("diade", DYAD),
            Map.entry("d\u00edada", DYAD));

    /**
     * Parses {@code client}, {@code therapist} or {@code dyad}, DOMAIN.md section 2's {@code
     * CL}, {@code TH}, {@code DY} (the actor values and ELAN tier prefixes, {@code CL-rupture},
     * of its taxonomy), or one of the {@link #ROLE_WORDS} ({@code Patient}, {@code Therapeutin}),
     * in any case, ignoring surrounding white space; empty for anything else (other names a
     * {@link Codebook} may map).
     */
    public static Optional<Actor> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Optional<Actor> own = parseCanonical(text);
        return own.isPresent()
                ? own
                : Optional.ofNullable(ROLE_WORDS.get(
                        Normalizer.normalize(text.trim(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT)));
    }

    /**
     * Only the project's own names: {@code client}, {@code therapist}, {@code dyad}, {@code CL},
     * {@code TH}, {@code DY}, in any case (what a codebook's {@code actors} entry maps to: the
     * codebook is where a site states its names in the project's terms).
     */
    public static Optional<Actor> parseCanonical(String text) {
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
