package org.sessionreview.ingest.annotation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.sessionreview.ingest.AnnotationRange;
import org.sessionreview.ingest.ParseResult;
import org.sessionreview.model.Annotation;
import org.sessionreview.model.Reject;
import org.sessionreview.taxonomy.Actor;
import org.sessionreview.taxonomy.CanonicalCode;
import org.sessionreview.taxonomy.Codebook;
import org.sessionreview.taxonomy.Family;

/**
 * Turns {@link RawAnnotation}s into canonical {@link Annotation}s with a {@link Codebook}, or
 * rejects them with a reason. Stateless apart from the codebook; thread-safe.
 *
 * <p>Reasons never quote what the file says (labels, actor names, tier ids and modifier values
 * can be client names or free text; {@link Reject#REASON_MAX_CHARS}): they name where the value
 * was read ({@link RawAnnotation#labelSource()}, {@link RawAnnotation#actorSource()}) and the
 * kind of problem, and quote only numbers, canonical codes and family names.
 *
 * <ul>
 *   <li><b>Code</b>: the label through {@link Codebook#canonicalCode}; when it does not map, each
 *       of {@link RawAnnotation#altLabels()} in order. None mapping: reject "label in column
 *       Behavior maps to no canonical code (7 characters)", adding how many alternatives were
 *       tried and, when the label starts with a family prefix such as {@code RUP_}, that family.
 *       Family from the taxonomy.
 *   <li><b>Actor</b>: the actor hint when it is {@code client}, {@code therapist} or {@code dyad}
 *       (any case); else the codebook's {@code actors} mapping of the hint; else, only when there
 *       is no hint at all, the code's default actor ({@link CanonicalCode#defaultActor()}). A hint
 *       that maps to nothing is rejected: "unknown actor in column Subject: expected client,
 *       therapist or dyad, or a name mapped in the codebook's actors". When the hint names no
 *       actor, {@link RawAnnotation#altActorHints()} (for ELAN: the PARTICIPANT and the words of
 *       the tier id and PARTICIPANT, so {@code CL-anxiety} with a codebook mapping {@code CL}, or
 *       {@code Therapist interventions}) are resolved the same way: when those that name an actor
 *       all name the same one, it is taken; when they name several, the record is rejected
 *       ("tier's name and PARTICIPANT point to more than one actor (client, therapist)"); when
 *       none does, ELAN records are rejected with "tier has no role: ...".
 *   <li><b>Modifiers</b>: keys renamed through {@link Codebook#modifierName} (lower-cased) and
 *       values through {@link Codebook#modifierValue} (a site's words); then
 *       only pairs on the allow-list ({@link ModifierPolicy}) are kept, with the value as {@link
 *       ModifierPolicy#admit} writes it; when two keys rename to the same name, the first in key
 *       order wins and the other counts as dropped. Everything else (free text, names, unmapped {@code modifier_n} columns, values
 *       outside a vocabulary) is <b>dropped</b> without rejecting the record: {@link
 *       #normalizeAll} ends the file's rejects with one note at line 0 (counted as one rejected
 *       record, so rejects/ rows and the run's totals agree): "3 modifier values outside the allow-list were dropped (keys:
 *       modifier_2, significance; 1 other field)"; only allowed keys and {@code modifier_n} are
 *       named. An {@code ANX_*} cue's {@code intensity}, any other code's {@code significance},
 *       becomes {@link Annotation#significance} (that modifier is then removed); the rest, the
 *       other scale included, is written {@code
 *       key=value;key=value} sorted by key (null when none).
 *   <li><b>Repeats</b>: an accepted event with the same start and end (to the millisecond), code,
 *       actor, significance and modifiers as an earlier accepted event of the file is rejected,
 *       naming that line ({@link EventRepeats}, scope {@link EventRepeats.Scope#READ}); its dropped
 *       modifiers are not counted in the note.
 *   <li><b>Notes</b> ({@link RawAnnotation#note()}) are never copied: {@link Annotation} has no
 *       field for them, and rejects made here do not quote them.
 * </ul>
 */
public final class AnnotationNormalizer {
    private final Codebook codebook;

    public AnnotationNormalizer(Codebook codebook) {
        this.codebook = codebook;
    }

    /**
     * Either an annotation or a reject; {@code droppedModifiers} lists one entry per modifier
     * dropped by the allow-list: its key when that key is fixed vocabulary (an allowed key or
     * {@code modifier_n}), else null.
     */
    public record Outcome(Annotation annotation, Reject reject, List<String> droppedModifiers) {
        public Outcome {
            // null entries stand for keys that may not be named
            droppedModifiers = droppedModifiers == null
                    ? List.of()
                    : Collections.unmodifiableList(new ArrayList<>(droppedModifiers));
        }

        public Outcome(Annotation annotation, Reject reject) {
            this(annotation, reject, List.of());
        }

        public boolean isAccepted() {
            return annotation != null;
        }
    }

    /**
     * Normalises every record of a parse result. The result carries the parse rejects (their
     * session id set to {@code sessionId} when missing), then one annotation or reject per parsed
     * record, in the parser's order, then (when modifiers were dropped) one note at line 0;
     * {@code recordsRead} is the parser's, plus one for that note, so that {@code recordsRead ==
     * records + rejects} still holds.
     */
    public ParseResult<Annotation> normalizeAll(ParseResult<RawAnnotation> parsed, String sessionId) {
        return normalizeAll(parsed, sessionId, Double.POSITIVE_INFINITY);
    }

    /**
     * As {@link #normalizeAll(ParseResult, String)} for a session whose annotations must end by
     * {@code limitS} (seconds from media start, {@link AnnotationRange}):
     * an event past it is passed on for the range check to reject and is never the first copy of
     * a repeat ({@link EventRepeats}).
     */
    public ParseResult<Annotation> normalizeAll(ParseResult<RawAnnotation> parsed, String sessionId, double limitS) {
        ParseResult<Annotation> out = new ParseResult<>();
        out.addRead(parsed.recordsRead());
        for (Reject r : parsed.rejects()) {
            if (r.sessionId == null) {
                r.sessionId = sessionId;
            }
            out.reject(r);
        }
        List<String> dropped = new ArrayList<>();
        String sourceFile = null;
        EventRepeats.InFile read = new EventRepeats.InFile();
        for (RawAnnotation raw : parsed.records()) {
            Outcome o = normalize(raw, sessionId);
            Reject repeat = o.isAccepted() && AnnotationRange.outside(o.annotation(), limitS) == null
                    ? read.repeat(o.annotation(), raw.sourceFile(), raw.line())
                    : null;
            if (repeat != null) {
                // the same event written twice in another spelling (CL and client, int-challenge-defense
                // and INT_CHALLENGE_DEFENSE): a merged coding, counted once as a pasted row is
                // (sixteenth audit: it counted twice)
                out.reject(repeat);
            } else if (o.isAccepted()) {
                out.accept(o.annotation());
                dropped.addAll(o.droppedModifiers());
                sourceFile = raw.sourceFile();
            } else {
                out.reject(o.reject());
            }
        }
        if (!dropped.isEmpty()) {
            // counted as one record read and rejected, so that rows of rejects/ and the run's
            // records_rejected stay equal
            out.addRead(1);
            out.reject(new Reject(sessionId, sourceFile, 0, droppedNote(dropped), null));
        }
        return out;
    }

    /** "N modifier values outside the allow-list were dropped (keys: a, b; K other fields)". */
    public static String droppedNote(List<String> dropped) {
        Map<String, Long> counts = new TreeMap<>();
        for (String k : dropped) {
            counts.merge(k == null ? "" : k, 1L, Long::sum);
        }
        return droppedNote(counts);
    }

    /**
     * As {@link #droppedNote(List)} from counts per allowed key, {@code ""} counting the fields
     * that may be free text (live keeps counts, not one entry per dropped modifier).
     */
    public static String droppedNote(Map<String, Long> counts) {
        SortedSet<String> named = new TreeSet<>();
        long others = counts.getOrDefault("", 0L);
        long total = 0;
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            total += e.getValue();
            if (!e.getKey().isEmpty()) {
                named.add(e.getKey());
            }
        }
        List<String> parts = new ArrayList<>();
        if (!named.isEmpty()) {
            parts.add("keys: " + String.join(", ", named));
        }
        if (others > 0) {
            parts.add(others + " other field" + (others == 1 ? "" : "s"));
        }
        return total + " modifier value" + (total == 1 ? "" : "s")
                + " outside the allow-list " + (total == 1 ? "was" : "were") + " dropped ("
                + String.join("; ", parts) + ")";
    }

    /** Normalises one record for session {@code sessionId}. */
    public Outcome normalize(RawAnnotation raw, String sessionId) {
        Optional<CanonicalCode> code = code(raw);
        if (code.isEmpty()) {
            return rejected(raw, sessionId, unmappedLabel(raw), null);
        }
        Optional<Actor> actor = actor(raw.actorHint(), code.get());
        Set<Actor> alternatives = new TreeSet<>();
        if (actor.isEmpty()) {
            for (String alt : raw.altActorHints()) {
                named(alt).ifPresent(alternatives::add);
            }
            if (alternatives.size() == 1) {
                actor = Optional.of(alternatives.iterator().next());
            }
        }
        if (actor.isEmpty()) {
            String reason;
            if (alternatives.size() > 1) {
                reason = "tier's name and PARTICIPANT point to more than one actor ("
                        + alternatives.stream().map(Actor::id).collect(Collectors.joining(", "))
                        + "): set its PARTICIPANT to one role or map its name in the codebook's actors";
            } else if (RawAnnotation.TIER.equals(raw.actorSource())) {
                reason = "tier has no role: set its PARTICIPANT, name the tier with a role word (client, therapist,"
                        + " dyad) or map its name in the codebook's actors";
            } else {
                reason = "unknown actor in " + raw.actorSource()
                        + ": expected client, therapist or dyad, or a name mapped in the codebook's actors";
            }
            return rejected(raw, sessionId, reason, code.get());
        }
        List<String> dropped = new ArrayList<>();
        SortedMap<String, String> modifiers = modifiers(raw.modifiers(), raw.altModifierValues(), dropped);
        Annotation a = new Annotation();
        a.sessionId = sessionId;
        a.code = code.get().code();
        a.family = code.get().family().name();
        a.actor = actor.get().id();
        a.startS = raw.startS();
        a.endS = raw.endS();
        // an ISTDP anxiety cue's scale is its intensity 1-3 (DOMAIN.md 2.1, 2.7 and 5: "intensity
        // >= 2 where coded", "ANX_CPD at intensity 3"); a 3RS marker's or strategy's is its
        // significance 1-5 (DOMAIN.md 2.2, 3.4: escalation is a rise of significance). The other
        // scale stays in modifiers, as any other modifier does: a significance coded on a cue is
        // no intensity (a 3 of 5 is no "intensity 3")
        boolean anxiety = code.get().family() == Family.ANX;
        a.significance = takeInt(modifiers, anxiety ? "intensity" : "significance");
        a.modifiers = modifiers.isEmpty()
                ? null
                : modifiers.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(";"));
        a.label = matchedLabel(raw);
        a.sourceFile = raw.sourceFile();
        a.sourceLine = raw.line();
        return new Outcome(a, null, dropped);
    }

    private static String unmappedLabel(RawAnnotation raw) {
        String label = raw.label().trim();
        StringBuilder sb = new StringBuilder("label in ")
                .append(raw.labelSource())
                .append(" maps to no canonical code (")
                .append(label.length())
                .append(" characters");
        int alts = raw.altLabels().size();
        if (alts > 0) {
            sb.append("; nor do its ").append(alts).append(" alternative label").append(alts == 1 ? "" : "s");
        }
        String upper = label.toUpperCase(Locale.ROOT);
        for (Family f : Family.values()) {
            if (upper.startsWith(f.name() + "_")) {
                sb.append("; it has the prefix of family ").append(f.name()).append(" but is not one of its codes");
                break;
            }
        }
        return sb.append(")").toString();
    }

    private Optional<CanonicalCode> code(RawAnnotation raw) {
        return Optional.ofNullable(matchedLabel(raw)).flatMap(codebook::canonicalCode);
    }

    /**
     * The label that maps to a code: the label as written, else the first of its alternatives that
     * does (an ELAN CV entry's id or other language); null when none does. Only this reaches {@link
     * Annotation#label}: an ELAN value that maps only through its CVE_REF may be free text ("Jane
     * sighs"), which is never kept.
     */
    private String matchedLabel(RawAnnotation raw) {
        List<String> labels = new ArrayList<>();
        labels.add(raw.label());
        labels.addAll(raw.altLabels());
        for (String label : labels) {
            if (codebook.canonicalCode(label).isPresent()) {
                return label;
            }
        }
        return null;
    }

    private Optional<Actor> actor(String hint, CanonicalCode code) {
        if (hint == null || hint.isBlank()) {
            return Optional.of(code.defaultActor());
        }
        return named(hint);
    }

    /**
     * The actor {@code name} maps to in the codebook, else the one it is (client, therapist, dyad,
     * CL, TH, DY, any case): a site's codebook decides what its own words mean.
     */
    private Optional<Actor> named(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        Optional<Actor> mapped = codebook.actor(name);
        return mapped.isPresent() ? mapped : Actor.parse(name);
    }

    private SortedMap<String, String> modifiers(
            Map<String, String> raw, Map<String, List<String>> alternatives, List<String> dropped) {
        SortedMap<String, String> out = new TreeMap<>();
        for (Map.Entry<String, String> e : raw.entrySet()) {
            String key = codebook.modifierName(e.getKey());
            Optional<String> value = Optional.empty();
            if (!RecordFields.isFreeText(e.getKey())) {
                // the value as written first, then its other names (an ELAN CV entry's other
                // languages and id), each through the codebook's words
                List<String> names = new ArrayList<>();
                names.add(e.getValue());
                names.addAll(alternatives.getOrDefault(e.getKey(), List.of()));
                for (String name : names) {
                    value = ModifierPolicy.admit(
                            key, codebook.modifierValue(key, name).orElse(name));
                    if (value.isPresent()) {
                        break;
                    }
                }
            }
            if (value.isEmpty()) {
                dropped.add(ModifierPolicy.isNameableKey(key) ? key : null);
            } else if (out.putIfAbsent(key, value.get()) != null) {
                dropped.add(key); // two keys renamed onto one modifier: the first kept, this one counted
            }
        }
        return out;
    }

    private static Integer takeInt(SortedMap<String, String> modifiers, String key) {
        String v = modifiers.get(key);
        if (v == null) {
            return null;
        }
        try {
            int i = Integer.parseInt(v.trim());
            modifiers.remove(key);
            return i;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Outcome rejected(RawAnnotation raw, String sessionId, String reason, CanonicalCode code) {
        // the raw text names only what parsed: times and a canonical code, never the label, actor or note
        String text = "start=" + raw.startS() + (raw.endS() == null ? "" : " end=" + raw.endS())
                + (code == null ? "" : " code=" + code.code());
        return new Outcome(null, new Reject(sessionId, raw.sourceFile(), raw.line(), reason, text));
    }
}
