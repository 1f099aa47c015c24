package org.sessionreview.ingest.annotation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.sessionreview.ingest.ParseResult;
import org.sessionreview.model.Annotation;
import org.sessionreview.model.Reject;
import org.sessionreview.taxonomy.Actor;
import org.sessionreview.taxonomy.CanonicalCode;
import org.sessionreview.taxonomy.Codebook;

/**
 * Turns {@link RawAnnotation}s into canonical {@link Annotation}s with a {@link Codebook}, or
 * rejects them with a reason. Stateless apart from the codebook; thread-safe.
 *
 * <ul>
 *   <li><b>Code</b>: the label through {@link Codebook#canonicalCode}; when it does not map, each
 *       of {@link RawAnnotation#altLabels()} in order. None mapping: reject "label 'foo' maps to
 *       no canonical code". Family from the taxonomy.
 *   <li><b>Actor</b>: the actor hint when it is {@code client}, {@code therapist} or {@code dyad}
 *       (any case); else the codebook's {@code actors} mapping of the hint; else, only when there
 *       is no hint at all, the code's default actor ({@link CanonicalCode#defaultActor()}). A hint
 *       that maps to nothing is rejected: "actor 'xyz' is not client, therapist or dyad and the
 *       codebook does not map it".
 *   <li><b>Modifiers</b>: keys renamed through {@link Codebook#modifierName} (lower-cased);
 *       modifiers whose original or renamed key marks free text ({@link RecordFields#isFreeText})
 *       are dropped; when two keys rename to the same name, the first in key order wins. {@code
 *       significance} becomes {@link Annotation#significance} when it parses as an int, else
 *       {@code intensity} does (that modifier is then removed); the rest is written {@code
 *       key=value;key=value} sorted by key (null when none), with {@code ;} in values replaced by
 *       {@code ,} and line breaks and tabs by spaces.
 *   <li><b>Notes</b> ({@link RawAnnotation#note()}) are never copied: {@link Annotation} has no
 *       field for them, and rejects made here do not quote them.
 * </ul>
 */
public final class AnnotationNormalizer {
    private final Codebook codebook;

    public AnnotationNormalizer(Codebook codebook) {
        this.codebook = codebook;
    }

    /** Either an annotation or a reject. */
    public record Outcome(Annotation annotation, Reject reject) {
        public boolean isAccepted() {
            return annotation != null;
        }
    }

    /**
     * Normalises every record of a parse result. The result carries the parse rejects (their
     * session id set to {@code sessionId} when missing), then one annotation or reject per parsed
     * record, in the parser's order; {@code recordsRead} is the parser's.
     */
    public ParseResult<Annotation> normalizeAll(ParseResult<RawAnnotation> parsed, String sessionId) {
        ParseResult<Annotation> out = new ParseResult<>();
        out.addRead(parsed.recordsRead());
        for (Reject r : parsed.rejects()) {
            if (r.sessionId == null) {
                r.sessionId = sessionId;
            }
            out.reject(r);
        }
        for (RawAnnotation raw : parsed.records()) {
            Outcome o = normalize(raw, sessionId);
            if (o.isAccepted()) {
                out.accept(o.annotation());
            } else {
                out.reject(o.reject());
            }
        }
        return out;
    }

    /** Normalises one record for session {@code sessionId}. */
    public Outcome normalize(RawAnnotation raw, String sessionId) {
        Optional<CanonicalCode> code = code(raw);
        if (code.isEmpty()) {
            String alts = raw.altLabels().isEmpty() ? ""
                    : " (nor do its alternatives " + raw.altLabels().stream().map(a -> "'" + a + "'")
                            .collect(Collectors.joining(", ")) + ")";
            return rejected(raw, sessionId, "label '" + raw.label() + "' maps to no canonical code" + alts);
        }
        Optional<Actor> actor = actor(raw.actorHint(), code.get());
        if (actor.isEmpty()) {
            return rejected(raw, sessionId, "actor '" + raw.actorHint()
                    + "' is not client, therapist or dyad and the codebook does not map it");
        }
        SortedMap<String, String> modifiers = modifiers(raw.modifiers());
        Annotation a = new Annotation();
        a.sessionId = sessionId;
        a.code = code.get().code();
        a.family = code.get().family().name();
        a.actor = actor.get().id();
        a.startS = raw.startS();
        a.endS = raw.endS();
        a.significance = takeInt(modifiers, "significance");
        if (a.significance == null) {
            a.significance = takeInt(modifiers, "intensity");
        }
        a.modifiers = modifiers.isEmpty() ? null : modifiers.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(";"));
        a.label = raw.label();
        a.sourceFile = raw.sourceFile();
        a.sourceLine = raw.line();
        return new Outcome(a, null);
    }

    private Optional<CanonicalCode> code(RawAnnotation raw) {
        List<String> labels = new ArrayList<>();
        labels.add(raw.label());
        labels.addAll(raw.altLabels());
        for (String label : labels) {
            Optional<CanonicalCode> c = codebook.canonicalCode(label);
            if (c.isPresent()) {
                return c;
            }
        }
        return Optional.empty();
    }

    private Optional<Actor> actor(String hint, CanonicalCode code) {
        if (hint == null || hint.isBlank()) {
            return Optional.of(code.defaultActor());
        }
        Optional<Actor> direct = Actor.parse(hint);
        return direct.isPresent() ? direct : codebook.actor(hint);
    }

    private SortedMap<String, String> modifiers(Map<String, String> raw) {
        SortedMap<String, String> out = new TreeMap<>();
        for (Map.Entry<String, String> e : raw.entrySet()) {
            String key = codebook.modifierName(e.getKey());
            if (key.isEmpty() || RecordFields.isFreeText(e.getKey()) || RecordFields.isFreeText(key)) {
                continue;
            }
            String cleanKey = key.replaceAll("[=;\\s]", "_");
            String cleanValue = e.getValue().replace(';', ',').replaceAll("[\\r\\n\\t]", " ").trim();
            if (!cleanValue.isEmpty()) {
                out.putIfAbsent(cleanKey, cleanValue);
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

    private static Outcome rejected(RawAnnotation raw, String sessionId, String reason) {
        // the raw text names what was read, never the note
        String text = "label=" + raw.label() + " actor=" + raw.actorHint() + " start=" + raw.startS()
                + (raw.endS() == null ? "" : " end=" + raw.endS());
        return new Outcome(null, new Reject(sessionId, raw.sourceFile(), raw.line(), reason, text));
    }
}
