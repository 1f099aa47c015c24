package org.sessionreview.ingest.annotation.boris;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sessionreview.ingest.annotation.InvalidRecordException;
import org.sessionreview.ingest.annotation.ParseSink;
import org.sessionreview.ingest.annotation.RawAnnotation;
import org.sessionreview.ingest.annotation.RecordFields;

/**
 * Pairs BORIS START and STOP events into state bouts, per (observation, subject, behaviour,
 * modifiers) in time order, as BORIS itself does for its aggregated export
 * ({@code boris/export_observation.py}; DOMAIN.md 1.3). Package-private.
 *
 * <p>Counting: a START and its STOP make <b>one</b> record (the bout, at the START's line); a
 * POINT event is one record; an unpaired START or STOP is one rejected record. Accepted records
 * are emitted by start time (ties by line), so the output is in time order. Events are taken in
 * time order, file order on ties; but when a START finds its key still open and a STOP of the
 * same key has the same time, that STOP is taken first (one bout ends where the next begins, as
 * when both are coded on one paused frame), whatever their order in the file.
 *
 * <p>Rejects: "STOP without START for the same subject, behaviour and modifiers (STOP at 3.0 s)",
 * "START without STOP for the same subject and behaviour (START at 20.0 s)" (an open START at the
 * end, or one followed by another START of the same key before any STOP: the earlier one is
 * rejected and the later one stays open). Subject, behaviour and modifier text is never quoted.
 */
final class BorisBouts {
    private BorisBouts() {}

    /**
     * @param events events in file order
     * @param observationModifier whether to add modifier {@code observation=<index>} (the
     *     observation's 1-based index in its file; set when the file holds several observations)
     */
    static void pair(List<BorisEvent> events, boolean observationModifier, ParseSink sink) {
        pair(events, observationModifier, sink, "column Behavior", "column Subject", true);
    }

    /**
     * As {@link #pair(List, boolean, ParseSink)}, naming where labels and subjects were read (for
     * reasons), e.g. "event code" and "event subject" for a project.
     *
     * @param rowIsRecord true for a table (a row is one record: one reject per line, as an
     *     aggregated row's START and STOP share it); false for a project, whose events are records
     *     of their own however many share a line (BORIS writes a project on one line)
     */
    static void pair(
            List<BorisEvent> events,
            boolean observationModifier,
            ParseSink sink,
            String labelSource,
            String actorSource,
            boolean rowIsRecord) {
        List<BorisEvent> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparingDouble(BorisEvent::timeS)); // stable: file order on ties
        Map<String, BorisEvent> open = new LinkedHashMap<>();
        List<RawAnnotation> accepted = new ArrayList<>();
        Rejects rejects = new Rejects(rowIsRecord);
        for (int i = 0; i < sorted.size(); i++) {
            BorisEvent e = sorted.get(i);
            String key = e.pairingKey();
            if (e.status() == BorisEvent.Status.START && open.containsKey(key)) {
                // a bout stopped and the next one started at the same time (coded on a paused
                // frame): when the STOP comes after the START in the file, take it first
                for (int j = i + 1; j < sorted.size() && sorted.get(j).timeS() == e.timeS(); j++) {
                    BorisEvent later = sorted.get(j);
                    if (later.status() == BorisEvent.Status.STOP
                            && later.pairingKey().equals(key)) {
                        sorted.add(i, sorted.remove(j));
                        e = later;
                        break;
                    }
                }
            }
            switch (e.status()) {
                case POINT -> addBout(e, null, observationModifier, sink, accepted, rejects, labelSource, actorSource);
                case START -> {
                    BorisEvent previous = open.put(key, e);
                    if (previous != null) {
                        rejects.add(
                                previous,
                                "START without STOP for " + previous.describe(observationModifier)
                                        + " (START at " + previous.timeS() + " s; another START follows at " + e.timeS()
                                        + " s)");
                    }
                }
                case STOP -> {
                    BorisEvent start = open.remove(key);
                    if (start == null) {
                        rejects.add(
                                e,
                                "STOP without START for " + e.describe(observationModifier) + " (STOP at " + e.timeS()
                                        + " s)");
                    } else {
                        addBout(start, e, observationModifier, sink, accepted, rejects, labelSource, actorSource);
                    }
                }
                default -> throw new IllegalStateException(e.status().name());
            }
        }
        for (BorisEvent start : open.values()) {
            rejects.add(
                    start,
                    "START without STOP for " + start.describe(observationModifier) + " (START at " + start.timeS()
                            + " s)");
        }
        accepted.sort(Comparator.comparingDouble(RawAnnotation::startS).thenComparingLong(RawAnnotation::line));
        accepted.forEach(sink::accept);
        rejects.emit(sink);
    }

    /** The rejects of one pairing, emitted by line (file order on ties). */
    private static final class Rejects {
        private final boolean rowIsRecord;
        private final java.util.Set<Long> lines = new java.util.HashSet<>();
        private final List<BorisEvent> events = new ArrayList<>();
        private final List<String> reasons = new ArrayList<>();

        Rejects(boolean rowIsRecord) {
            this.rowIsRecord = rowIsRecord;
        }

        void add(BorisEvent e, String reason) {
            if (rowIsRecord && !lines.add(e.line())) {
                return; // one reject per row: a row is one record
            }
            events.add(e);
            reasons.add(reason);
        }

        void emit(ParseSink sink) {
            Integer[] order = new Integer[events.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(
                    order, Comparator.comparingLong(i -> events.get(i).line()));
            for (int i : order) {
                sink.reject(events.get(i).line(), reasons.get(i), events.get(i).raw());
            }
        }
    }

    private static void addBout(
            BorisEvent start,
            BorisEvent stop,
            boolean observationModifier,
            ParseSink sink,
            List<RawAnnotation> accepted,
            Rejects rejects,
            String labelSource,
            String actorSource) {
        Double endS = stop == null ? null : stop.timeS();
        try {
            RecordFields.checkInterval(start.timeS(), endS);
        } catch (InvalidRecordException ex) {
            rejects.add(start, ex.getMessage());
            return;
        }
        RawAnnotation.Builder b = RawAnnotation.builder(sink.sourceFile(), start.line())
                .times(start.timeS(), endS)
                .label(start.behavior())
                .labelSource(labelSource)
                .actorHint(start.subject())
                .actorSource(actorSource)
                .modifiers(start.modifiers())
                .note(start.note());
        if (stop != null) {
            b.note(stop.note());
        }
        if (observationModifier) {
            b.modifier("observation", Integer.toString(start.observation()));
        }
        accepted.add(b.build());
    }
}
