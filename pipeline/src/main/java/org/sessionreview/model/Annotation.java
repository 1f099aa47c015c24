package org.sessionreview.model;

import java.util.Comparator;

/**
 * A canonical coded session event (row of the {@code annotations/} table): a code of DOMAIN.md
 * section 2 with its actor and times in seconds from media start. Free-text notes are never
 * carried here.
 */
public class Annotation {
    public String sessionId;
    /** Canonical code, e.g. {@code ANX_STR_SIGH}, {@code RUP_W_MINIMAL}. */
    public String code;
    /** Code family: ANX, RUP, RES, INT, AFF, SAFE, STRUCT. */
    public String family;
    /** {@code client}, {@code therapist} or {@code dyad}. */
    public String actor;
    /** Seconds from media start (second 0 of the session video). */
    public double startS;
    /** Seconds from media start; null for a point event. */
    public Double endS;
    /** Significance 1-5 (RUP, RES, other codes) or intensity 1-3 (ANX) when coded; null otherwise. */
    public Integer significance;
    /** Other modifiers as {@code key=value} pairs joined by {@code ;}, sorted by key; may be null. */
    public String modifiers;
    /** The label as written in the source file, before codebook mapping. */
    public String label;
    /** Source file name (relative to the session folder). */
    public String sourceFile;
    /** 1-based line (or record) number in the source file. */
    public long sourceLine;

    /**
     * A total order: start, source file, line, then the event's content (code, actor, end,
     * significance, modifiers, label). Events on one line (a JSON array, a BORIS project) and
     * events with the same start, file and line tie on the first three; the rest orders them
     * whatever order they arrived in, so that a keyed shuffle or a live stream cannot change an
     * output (two events equal in all of these are interchangeable).
     */
    public static final Comparator<Annotation> ORDER = Comparator.comparingDouble((Annotation a) -> a.startS)
            .thenComparing(a -> a.sourceFile, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingLong(a -> a.sourceLine)
            .thenComparing(a -> a.code, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(a -> a.actor, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(a -> a.endS, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(a -> a.significance, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(a -> a.modifiers, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(a -> a.label, Comparator.nullsFirst(Comparator.naturalOrder()));

    public Annotation() {}

    /** End time for interval logic: {@link #endS} or {@link #startS} for a point event. */
    public double endOrStartS() {
        return endS == null ? startS : endS;
    }

    @Override
    public String toString() {
        return "Annotation{" + sessionId + " " + code + " " + actor + " " + startS + (endS == null ? "" : "-" + endS)
                + " " + sourceFile + ":" + sourceLine + "}";
    }
}
