package org.sessionreview.live;

import java.util.Iterator;
import java.util.Map;
import org.sessionreview.ingest.AnnotationRange;
import org.sessionreview.ingest.annotation.AnnotationNormalizer;
import org.sessionreview.ingest.annotation.ModifierPolicy;
import org.sessionreview.ingest.annotation.RecordFields;
import org.sessionreview.model.Annotation;
import org.sessionreview.model.Reject;
import org.sessionreview.taxonomy.Actor;
import org.sessionreview.taxonomy.CanonicalCode;
import org.sessionreview.taxonomy.CodeTaxonomy;

/**
 * A live session's coded events: checked, de-duplicated by {@code source_file:source_line} (and
 * {@code source_record}, which tells events on one line apart; an event sent without {@code
 * source_file} by its content, {@link #contentId}; events with a {@code source_file} are taken
 * as its lines: {@code replay} sends only what a review of the file accepts, so a line repeating
 * an earlier one was already refused there), and
 * forwarded as soon as the data received so far (or the declared duration) places them inside the
 * session, with the review's own range rule ({@link AnnotationRange}); the others are held until
 * the session ends and judged then, as a review of the same files judges them. Plain Java; part
 * of {@link LiveAssembler}.
 */
final class LiveEvents {
    private LiveEvents() {}

    /** Applies an {@code event} message; returns why it is refused, or null when it was taken. */
    static String accept(LiveSession s, LiveMessage m, LiveAssembler.Output out) {
        CanonicalCode code = CodeTaxonomy.lookup(m.code).orElse(null);
        if (code == null) {
            // never the text itself: a site label may be a name or free text
            return "event code is not a canonical code ("
                    + (m.code == null ? "missing" : m.code.length() + " characters")
                    + "; map site labels in the producer)";
        }
        if (!code.family().name().equals(m.family)) {
            return "event family does not match code " + code.code() + " (" + code.family() + ")";
        }
        boolean actorKnown = false;
        for (Actor a : Actor.values()) {
            actorKnown |= a.id().equals(m.actor);
        }
        if (!actorKnown) {
            return "event actor must be client, therapist or dyad";
        }
        Annotation a = annotation(m, code);
        if (m.sourceFile == null) {
            // no identity from the producer (its Kafka offset changes when it sends again): the
            // event itself is the identity, as a coding file holds each event once
            if (!s.eventIds.add(contentId(m, a))) {
                return "duplicate event (the same start, end, code, label, actor and modifiers as an earlier one"
                        + " without source_file); ignored";
            }
        } else if (!s.eventIds.add(
                a.sourceFile + ":" + a.sourceLine + (m.sourceRecord > 0 ? "#" + m.sourceRecord : ""))) {
            return "duplicate event (the source_file, source_line and source_record of an earlier one); ignored";
        }
        java.util.List<String> dropped = dropped(m.modifiers);
        if (!dropped.isEmpty()) {
            // counted for the file's one note at the session's end, as review counts an accepted
            // record's drops (never the values: they may be names or free text)
            Map<String, Long> counts = s.droppedModifiers.computeIfAbsent(a.sourceFile, f -> new java.util.TreeMap<>());
            for (String key : dropped) {
                counts.merge(key == null ? "" : key, 1L, Long::sum);
            }
        }
        Double recorded = recordedS(s);
        if (s.declaredDurationS != null || recorded != null) {
            double limit = AnnotationRange.limitS(s.declaredDurationS, recorded);
            String outside = AnnotationRange.outside(a, limit);
            if (outside == null) {
                forward(s, a, out);
                return null;
            }
            if (s.declaredDurationS != null) {
                // a rejects row with the event's own file and line, as review writes and as an event
                // held to the end of a session without duration_s gets (before: the whole message
                // refused as a dead letter)
                out.reject(new Reject(a.sessionId, a.sourceFile, a.sourceLine, outside, null), false);
                return null;
            }
        }
        s.heldAnnotations.add(a);
        return null;
    }

    /**
     * The identity of an event sent without {@code source_file}, by its content: code, label,
     * actor, times, significance and the admitted modifiers, the fields the review reads. Kept as
     * a SHA-256 digest, so that no label or modifier text stays in the session's state; it starts
     * with a tab, which no {@code source_file:line} identity does.
     */
    static String contentId(LiveMessage m, Annotation a) {
        String content = String.join(
                "\u0000",
                m.code,
                m.label == null ? "" : "L" + m.label,
                m.actor,
                Double.toString(m.startS),
                String.valueOf(m.endS),
                String.valueOf(m.significance),
                a.modifiers == null ? "" : "M" + a.modifiers);
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "\t" + java.util.HexFormat.of().formatHex(d, 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Annotation annotation(LiveMessage m, CanonicalCode code) {
        Annotation a = new Annotation();
        a.sessionId = m.sessionId;
        a.code = m.code;
        a.family = m.family;
        a.actor = m.actor;
        a.startS = m.startS;
        a.endS = m.endS;
        a.significance = m.significance;
        java.util.SortedMap<String, String> kept = new java.util.TreeMap<>();
        admit(m.modifiers, kept, new java.util.ArrayList<>());
        if (a.significance == null) {
            // an event sent with its scale as a modifier: as review reads it, an ANX_* cue's
            // intensity or another code's significance, a whole number, becomes the field
            // (review of 2026-12-07: it stayed a modifier, and the cue counted as without intensity)
            String key = code.family() == org.sessionreview.taxonomy.Family.ANX ? "intensity" : "significance";
            String v = kept.get(key);
            if (v != null && v.trim().matches("-?\\d{1,9}")) {
                a.significance = Integer.parseInt(v.trim());
                kept.remove(key);
            }
        }
        a.modifiers = joined(kept);
        a.label = m.label;
        a.sourceFile = m.sourceFile != null ? m.sourceFile : m.source();
        a.sourceLine = m.sourceFile != null ? m.sourceLine : m.offset;
        return a;
    }

    /**
     * The modifiers ({@code key=value;...}) that pass {@link ModifierPolicy}'s allow-list, as a
     * review of files admits them: in key order, a key given twice kept once (the first admitted
     * value); null when none passes. A producer other than {@code replay} may send free text (an
     * observer's name) as a modifier.
     */
    static String admitted(String modifiers) {
        java.util.SortedMap<String, String> kept = new java.util.TreeMap<>();
        admit(modifiers, kept, new java.util.ArrayList<>());
        return joined(kept);
    }

    /** {@code key=value;...} in key order; null when empty. */
    private static String joined(java.util.SortedMap<String, String> kept) {
        return kept.isEmpty()
                ? null
                : String.join(
                        ";",
                        kept.entrySet().stream()
                                .map(e -> e.getKey() + "=" + e.getValue())
                                .toList());
    }

    /**
     * One entry per {@code key=value} pair of {@code modifiers} that {@link #admitted} drops: its
     * key when the key is on the allow-list (its value was refused, or the key was given before)
     * or a numbered modifier column ({@link ModifierPolicy#isNameableKey}, as review names it),
     * else null (a key that may be free text is never named); a non-blank part without {@code =}
     * counts as such a key. As {@link AnnotationNormalizer.Outcome#droppedModifiers} lists a file's
     * record's drops.
     */
    static java.util.List<String> dropped(String modifiers) {
        java.util.List<String> out = new java.util.ArrayList<>();
        admit(modifiers, new java.util.TreeMap<>(), out);
        return out;
    }

    /** The one pass behind {@link #admitted} and {@link #dropped}, as the review's normaliser makes it. */
    private static void admit(
            String modifiers, java.util.SortedMap<String, String> kept, java.util.List<String> dropped) {
        if (modifiers == null) {
            return;
        }
        for (String pair : modifiers.split(";")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                if (!pair.isBlank()) {
                    dropped.add(null);
                }
                continue;
            }
            String key = pair.substring(0, eq).trim().toLowerCase(java.util.Locale.ROOT);
            if (RecordFields.isMissing(pair.substring(eq + 1))) {
                continue; // blank, NA, nan: a value not coded, not one outside the allow-list (as review)
            }
            java.util.Optional<String> value = ModifierPolicy.admit(key, pair.substring(eq + 1));
            if (value.isEmpty()) {
                dropped.add(ModifierPolicy.isNameableKey(key) ? key : null);
            } else if (kept.putIfAbsent(key, value.get()) != null) {
                dropped.add(key); // given twice: the first kept, this one counted (review of 2026-12-07)
            }
        }
    }

    /**
     * At the session's end: per file (an event's {@code source_file}, or {@code
     * kafka:topic/partition} for events sent without one) whose taken events had modifiers
     * dropped, one rejects row at line 0 in review's words ({@link AnnotationNormalizer#droppedNote}).
     */
    static void finishDropped(LiveSession s, LiveAssembler.Output out) {
        s.droppedModifiers.forEach((file, counts) -> out.reject(
                new Reject(s.info.sessionId, file, 0, AnnotationNormalizer.droppedNote(counts), null), false));
        s.droppedModifiers.clear();
    }

    /** Forwards held events that the data received so far places inside the session. */
    static void releaseHeld(LiveSession s, LiveAssembler.Output out) {
        if (s.heldAnnotations.isEmpty()) {
            return;
        }
        Double recorded = recordedS(s);
        if (recorded == null) {
            return;
        }
        double limit = AnnotationRange.limitS(s.declaredDurationS, recorded);
        for (Iterator<Annotation> it = s.heldAnnotations.iterator(); it.hasNext(); ) {
            Annotation a = it.next();
            if (AnnotationRange.outside(a, limit) == null) {
                it.remove();
                forward(s, a, out);
            }
        }
    }

    /**
     * At the session's end: the held events inside it are forwarded, the others rejected with the
     * review's reason.
     *
     * @param recordedS the recorded length, s; null when no wearer sent data
     */
    static void finishHeld(LiveSession s, Double recordedS, LiveAssembler.Output out) {
        double limit = AnnotationRange.limitS(s.declaredDurationS, recordedS);
        for (Annotation a : s.heldAnnotations) {
            String outside = AnnotationRange.outside(a, limit);
            if (outside == null) {
                forward(s, a, out);
            } else {
                out.reject(new Reject(a.sessionId, a.sourceFile, a.sourceLine, outside, null), false);
            }
        }
        s.heldAnnotations.clear();
    }

    private static void forward(LiveSession s, Annotation a, LiveAssembler.Output out) {
        s.annotationsForwarded++;
        s.lastAnnotationS = Math.max(s.lastAnnotationS, a.endOrStartS());
        out.annotation(a);
    }

    /** Seconds of data so far (as the review computes the recorded length); null before any sample. */
    static Double recordedS(LiveSession s) {
        long end = s.info.mediaStartMillis;
        boolean any = false;
        for (LiveStream st : s.streams.values()) {
            if (st.received > 0) {
                any = true;
                end = Math.max(end, (long) Math.ceil(st.endMillis));
            }
        }
        return any ? (end - s.info.mediaStartMillis) / 1000.0 : null;
    }
}
