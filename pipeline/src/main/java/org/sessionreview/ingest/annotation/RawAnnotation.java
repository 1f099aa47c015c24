package org.sessionreview.ingest.annotation;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One annotation as read from a file, before codebook mapping: what a parser found, with times
 * already converted to seconds from media start. Immutable.
 *
 * @param startS start, seconds from media start (second 0 of the session video); finite, &gt;= 0
 * @param endS end, seconds from media start; null for a point event; otherwise &gt;= {@code startS}
 * @param label the label as written (ELAN annotation value, BORIS behaviour code, native {@code
 *     code}); never blank
 * @param altLabels other names of the same label, tried in order when {@code label} does not map:
 *     for ELAN, the other-language values and the id of the controlled-vocabulary entry the
 *     annotation refers to; empty for other formats; never null
 * @param actorHint where the actor may be read from: ELAN tier participant or id, BORIS subject,
 *     native {@code actor} column; null when the file names none (for example BORIS "No focal
 *     subject")
 * @param modifiers other coded attributes ({@code significance}, BORIS modifiers, ...), sorted by
 *     key; never null, never free text
 * @param note free-text comment from the file, or null; never copied into canonical annotations
 * @param sourceFile the source file name as given to the parser
 * @param line 1-based line number of the record (for XML: of the annotation element; for a
 *     paired START/STOP bout: of the START row); for formats without lines, the record number
 * @param labelSource where the label was read, in the format's own vocabulary, for reject
 *     reasons: {@code field code}, {@code column Behavior}, {@code ANNOTATION_VALUE}; never null
 * @param actorSource where the actor hint was read, for reject reasons: {@code field actor},
 *     {@code column Subject}, or {@link #TIER} for ELAN (the tier's PARTICIPANT or TIER_ID); never
 *     null
 * @param altActorHints other names the actor may be read from when {@code actorHint} names no
 *     actor: for ELAN, the tier's PARTICIPANT and the words of its TIER_ID and PARTICIPANT (a tier
 *     {@code CL-anxiety} or {@code Therapist interventions}); the normaliser uses them only when
 *     they all point to the same actor; empty for other formats; never null
 * @param altModifierValues other names of a modifier's value, by modifier key, tried in order when
 *     the value in {@code modifiers} is not admitted: for ELAN, the other-language values and the
 *     id of the controlled-vocabulary entry a modifier annotation refers to; empty for other
 *     formats; never null
 */
public record RawAnnotation(
        double startS,
        Double endS,
        String label,
        List<String> altLabels,
        String actorHint,
        SortedMap<String, String> modifiers,
        String note,
        String sourceFile,
        long line,
        String labelSource,
        String actorSource,
        List<String> altActorHints,
        SortedMap<String, List<String>> altModifierValues) {

    /** {@link #actorSource()} of ELAN records: the hint is the tier's PARTICIPANT or TIER_ID. */
    public static final String TIER = "tier";

    public RawAnnotation {
        Objects.requireNonNull(label, "label");
        labelSource = labelSource == null ? "label" : labelSource;
        actorSource = actorSource == null ? "actor" : actorSource;
        altLabels = altLabels == null ? List.of() : List.copyOf(altLabels);
        altActorHints = altActorHints == null ? List.of() : List.copyOf(altActorHints);
        modifiers = Collections.unmodifiableSortedMap(modifiers == null ? new TreeMap<>() : new TreeMap<>(modifiers));
        SortedMap<String, List<String>> alt = new TreeMap<>();
        if (altModifierValues != null) {
            altModifierValues.forEach((k, v) -> alt.put(k, List.copyOf(v)));
        }
        altModifierValues = Collections.unmodifiableSortedMap(alt);
    }

    /** True for a point event ({@code endS == null}). */
    public boolean isPoint() {
        return endS == null;
    }

    /** A builder for the record of {@code sourceFile} at {@code line}. */
    public static Builder builder(String sourceFile, long line) {
        return new Builder(sourceFile, line);
    }

    /** Mutable builder; {@link #build()} makes the immutable record. */
    public static final class Builder {
        private final String sourceFile;
        private final long line;
        private double startS;
        private Double endS;
        private String label;
        private List<String> altLabels = List.of();
        private String actorHint;
        private final SortedMap<String, String> modifiers = new TreeMap<>();
        private String note;
        private String labelSource;
        private String actorSource;
        private List<String> altActorHints = List.of();
        private final SortedMap<String, List<String>> altModifierValues = new TreeMap<>();

        private Builder(String sourceFile, long line) {
            this.sourceFile = sourceFile;
            this.line = line;
        }

        /** Start and end in seconds from media start; {@code endS} null for a point event. */
        public Builder times(double startS, Double endS) {
            this.startS = startS;
            this.endS = endS;
            return this;
        }

        public Builder label(String label) {
            this.label = label;
            return this;
        }

        /** Where the label was read, e.g. {@code column Behavior} (see {@link #labelSource()}). */
        public Builder labelSource(String labelSource) {
            this.labelSource = labelSource;
            return this;
        }

        /** Where the actor hint was read, e.g. {@code column Subject} (see {@link #actorSource()}). */
        public Builder actorSource(String actorSource) {
            this.actorSource = actorSource;
            return this;
        }

        public Builder altLabels(List<String> altLabels) {
            this.altLabels = altLabels;
            return this;
        }

        /** Sets the actor hint; blank text counts as none. */
        public Builder actorHint(String actorHint) {
            this.actorHint = actorHint == null || actorHint.isBlank() ? null : actorHint.trim();
            return this;
        }

        /** Other names the actor may be read from (see {@link RawAnnotation#altActorHints()}). */
        public Builder altActorHints(List<String> altActorHints) {
            this.altActorHints = altActorHints;
            return this;
        }

        /** Adds a modifier; ignored when the key or the value is null or blank. */
        public Builder modifier(String key, String value) {
            if (key != null && !key.isBlank() && value != null && !value.isBlank()) {
                modifiers.put(key.trim(), value.trim());
            }
            return this;
        }

        /**
         * Other names of modifier {@code key}'s value (see {@link RawAnnotation#altModifierValues()});
         * ignored when empty.
         */
        public Builder altModifierValues(String key, List<String> values) {
            if (key != null && !key.isBlank() && values != null && !values.isEmpty()) {
                altModifierValues.put(key.trim(), values);
            }
            return this;
        }

        public Builder modifiers(Map<String, String> more) {
            more.forEach(this::modifier);
            return this;
        }

        /** Appends free text to the note (joined with {@code " | "}); blank text is ignored. */
        public Builder note(String text) {
            if (text != null && !text.isBlank()) {
                note = note == null ? text.trim() : note + " | " + text.trim();
            }
            return this;
        }

        public RawAnnotation build() {
            return new RawAnnotation(
                    startS,
                    endS,
                    label,
                    altLabels,
                    actorHint,
                    modifiers,
                    note,
                    sourceFile,
                    line,
                    labelSource,
                    actorSource,
                    altActorHints,
                    altModifierValues);
        }
    }
}
