package org.sessionreview.jobs.sampledata;

/** The annotation file formats the sample cohort exercises (DOMAIN.md section 1). */
public enum AnnotationFormat {
    /** Native JSON Lines: one coded event per line. */
    JSONL("native JSONL"),
    /** ELAN EAF 3.0 with a MEDIA_DESCRIPTOR carrying TIME_ORIGIN="0". */
    ELAN_WITH_MEDIA("ELAN .eaf 3.0 (MEDIA_DESCRIPTOR, TIME_ORIGIN=0)"),
    /** ELAN EAF 3.0 with no media descriptor. */
    ELAN("ELAN .eaf 3.0"),
    /** BORIS v9 tabular events export: START/STOP/POINT rows, CRLF. */
    BORIS_TABULAR("BORIS v9 tabular events .tsv"),
    /** BORIS v9 aggregated events export: one row per bout, CRLF. */
    BORIS_AGGREGATED("BORIS v9 aggregated events .tsv");

    private final String description;

    AnnotationFormat(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** Short lower-case name used in planted.json and the README ({@code jsonl}, ...). */
    public String shortName() {
        return isElan() ? "elan" : name().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean isBoris() {
        return this == BORIS_TABULAR || this == BORIS_AGGREGATED;
    }

    public boolean isElan() {
        return this == ELAN || this == ELAN_WITH_MEDIA;
    }
}
