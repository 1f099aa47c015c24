package org.sessionreview.taxonomy;

/**
 * The top-level entries of a codebook ({@link Codebook}) an unusable entry can come from, each
 * with its name as the codebook declares it and what leaving one of its entries out costs the
 * session's annotations ({@link Codebook.EntryProblem#consequence()}). The {@code description}
 * section is free text and never has an unusable entry.
 */
public enum CodebookSection {
    /** {@code labels}: a site's label to a canonical code. */
    LABELS("labels", "labels it would map are rejected"),
    /** {@code actors}: a tier, participant or subject to client, therapist or dyad. */
    ACTORS("actors", "the actor name it would map is not recognised"),
    /** {@code modifiers}: a modifier key renamed to the project's. */
    MODIFIERS("modifiers", "the modifier it would rename keeps its own name"),
    /** {@code modifier_values}: a site's words for a modifier's values. */
    MODIFIER_VALUES("modifier_values", "words it would map are not read as values"),
    /**
     * A top-level entry that is no known section (a misspelt one): nothing reads it. Its {@link
     * #key()} is a placeholder, never a file's text (a key can be a client's name).
     */
    UNKNOWN("(unknown section)", CodebookSection.MAPS_NOTHING);

    /** What leaving out an entry that maps nothing costs: nothing. */
    static final String MAPS_NOTHING = "it maps nothing";

    private final String key;
    private final String consequence;

    CodebookSection(String key, String consequence) {
        this.key = key;
        this.consequence = consequence;
    }

    /** The section's name as the codebook JSON gives it ({@code labels}, ...). */
    public String key() {
        return key;
    }

    /** What leaving out an entry of this section (one with a key) costs the session's annotations. */
    public String consequence() {
        return consequence;
    }
}
