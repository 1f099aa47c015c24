package org.sessionreview.ingest.annotation.elan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.sessionreview.ingest.ParseResult;
import org.sessionreview.ingest.annotation.AnnotationParser;
import org.sessionreview.ingest.annotation.InvalidRecordException;
import org.sessionreview.ingest.annotation.ParseSink;
import org.sessionreview.ingest.annotation.RawAnnotation;
import org.sessionreview.ingest.annotation.RecordFields;
import org.sessionreview.taxonomy.Actor;

/**
 * Parses ELAN {@code .eaf} files (EAF 2.6-3.0; schema http://www.mpi.nl/tools/elan/EAFv3.0.xsd;
 * DOMAIN.md 1.1).
 *
 * <p><b>Records.</b> One record per {@code ALIGNABLE_ANNOTATION} or {@code REF_ANNOTATION} on an
 * annotation tier, in document order (tier by tier, annotation by annotation). Its line is the
 * line of the annotation element. An empty {@code ANNOTATION_VALUE} takes the value of the CV
 * entry its {@code CVE_REF} names when that entry is in the file, and is otherwise rejected with
 * reason {@code "empty annotation value"}; one whose label, modifier values or actor's tier hold a
 * damaged byte ({@link EafDocument#damaged}) is rejected with reason {@link EafReader#DAMAGED}; an annotation whose times cannot be resolved is rejected naming the
 * attribute that fails ({@code TIME_SLOT_REF1}, {@code ANNOTATION_REF}). Reasons never quote ids,
 * tier names or values, and rejects carry no raw text: the line locates the element.
 *
 * <p><b>Times.</b> Slot values are ms on the document timeline; unaligned slots are interpolated
 * and reference annotations resolved as described in {@link EafTimeResolver}. The master media's
 * {@code TIME_ORIGIN} (the first {@code MEDIA_DESCRIPTOR} without {@code EXTRACTED_FROM}) is then
 * <b>added</b>: ELAN's media offset is the position in the media file that plays at time 0 of the
 * document, so media time = document time + TIME_ORIGIN (ELAN's tab-delimited export adds it the
 * same way when "add master media offset" is ticked, DOMAIN.md 1.2). Seconds from media start =
 * (slot ms + TIME_ORIGIN) / 1000. An annotation shorter than 100 ms is a point event ({@code endS}
 * null; DOMAIN.md 1.1: about one frame).
 *
 * <p><b>Actor hint.</b> The tier's {@code PARTICIPANT} when it is a role name ({@code client},
 * {@code therapist}, {@code dyad}, any case), else the {@code TIER_ID}; the normaliser resolves it
 * through the codebook. When that names no actor, the PARTICIPANT and the words of the tier id and
 * PARTICIPANT are tried ({@link #actorAlternatives}): tiers {@code CL-anxiety} (PARTICIPANT
 * {@code CL} mapped in the codebook) or {@code Therapist interventions} get their actor from
 * them; a dependent tier whose own names hold no role word also offers its parent tiers' (a tier
 * {@code codes} under the tier {@code Client}).
 *
 * <p><b>Labels.</b> The annotation value as written. When the tier's type has a controlled
 * vocabulary in the file and the annotation refers to an entry ({@code CVE_REF}) or its value
 * equals one of an entry's values, the entry's other values (other languages of a multilingual
 * {@code CV_ENTRY_ML}) and its {@code CVE_ID} become {@link RawAnnotation#altLabels()}. External
 * vocabularies ({@code EXTERNAL_REF TYPE="ecv"}) are not fetched: the value is used as written.
 *
 * <p><b>Dependent tiers.</b> A {@code Symbolic_Association} tier whose {@code TIER_ID} has one of
 * the words significance, intensity, channel, immediacy, direct, directness, space, explicit,
 * stage (split at non-letters, any case; e.g. {@code significance@CL-rupture}) holds modifiers:
 * each value becomes modifier {@code <word>=<value>} of the annotation it refers to (following
 * references up to an annotation tier) and is not a record itself; one referring to a missing
 * annotation is rejected (these rejects come after all other records). A time-aligned dependent
 * tier (Included_In, Time_Subdivision) named significance or intensity holds modifiers too, each
 * value belonging to the parent annotation that contains it in time ({@link ElanContainment}); one
 * contained by none is rejected. An empty modifier value takes the value of the CV entry its {@code CVE_REF} names (as a code does), and the entry's other values and id are tried when it is not admitted ({@link RawAnnotation#altModifierValues()}); other empty modifier values are ignored. A dependent tier whose id marks free text ({@link RecordFields#isFreeText}, e.g.
 * {@code comment@CL}) attaches the values of its reference annotations as the parent's note
 * (never a record, never a modifier); an independent free-text tier (a transcript) has no codes
 * and is skipped, its annotations counted in one note at line 0 (see {@link #skippedFreeText}).
 * Every other dependent tier is an annotation tier: its annotations are records of
 * their own, with times as above.
 */
public final class ElanParser implements AnnotationParser {
    /** Annotations shorter than this are point events. */
    public static final double POINT_MAX_DURATION_MS = 100.0;

    /** Tier-name words that make a Symbolic_Association tier a modifier tier. */
    private static final Set<String> MODIFIER_WORDS = Set.of(
            "significance", "intensity", "channel", "immediacy", "direct", "directness", "space", "explicit", "stage");

    private static final String SYMBOLIC_ASSOCIATION = "Symbolic_Association";

    /**
     * Time-aligned dependent tier types (Included_In, Time_Subdivision) whose tier is a modifier tier
     * when its name has one of {@link #TIME_ALIGNED_MODIFIER_WORDS}: each value belongs to the parent
     * annotation containing it in time. Only these two words: such tiers often hold codes of their
     * own ("anxiety channel" with ANX_* codes), which must stay records.
     */
    private static final Set<String> TIME_ALIGNED = Set.of("Included_In", "Time_Subdivision");

    private static final Set<String> TIME_ALIGNED_MODIFIER_WORDS = Set.of("significance", "intensity");

    private static final Pattern SPLIT = Pattern.compile("[^\\p{L}\\p{N}]+");

    private enum Kind {
        ANNOTATION,
        MODIFIER,
        NOTE,
        SKIPPED
    }

    @Override
    public ParseResult<RawAnnotation> parse(byte[] content, String sourceFile, String sessionId) {
        ParseSink sink = new ParseSink(sourceFile, sessionId);
        EafDocument doc;
        try {
            doc = EafReader.read(content);
        } catch (EafReader.MalformedEafException e) {
            sink.reject(e.line, e.getMessage(), null);
            return sink.result();
        }
        EafTimeResolver times = new EafTimeResolver(doc);
        Map<EafDocument.Tier, Kind> kinds = new HashMap<>();
        Map<EafDocument.Tier, String> modifierKeys = new HashMap<>();
        for (EafDocument.Tier tier : doc.tiers) {
            classify(doc, tier, kinds, modifierKeys);
        }
        Map<EafDocument.Ann, Map<String, String>> modifiers = new HashMap<>();
        Map<EafDocument.Ann, Map<String, List<String>>> modifierAlternatives = new HashMap<>();
        Map<EafDocument.Ann, List<String>> notes = new HashMap<>();
        List<Runnable> orphanRejects = new ArrayList<>();
        // (annotation, modifier key) given two values by two tiers
        java.util.Set<Map.Entry<EafDocument.Ann, String>> conflicts = new java.util.HashSet<>();
        for (EafDocument.Tier tier : doc.tiers) {
            Kind kind = kinds.get(tier);
            if (kind != Kind.MODIFIER && kind != Kind.NOTE) {
                continue;
            }
            for (EafDocument.Ann a : tier.annotations) {
                // a modifier's empty value is its CV entry's (as a code's is)
                String value = a.value.isEmpty() && kind == Kind.MODIFIER ? EafCvValues.cvValue(doc, a) : a.value;
                if (value == null || value.isEmpty()) {
                    continue;
                }
                EafDocument.Ann owner = a.parentId == null && kind == Kind.MODIFIER
                        ? ElanContainment.owner(doc, times, a, t -> kinds.get(t) == Kind.ANNOTATION)
                        : owner(doc, a, kinds);
                if (owner == null) {
                    if (kind == Kind.MODIFIER) {
                        orphanRejects.add(() -> sink.reject(
                                a.line,
                                a.parentId == null
                                        ? "modifier annotation: no one annotation of the coded parent tier contains it"
                                        : doc.sharedIdOnChain(a) != null
                                                ? "modifier annotation: its " + doc.sharedIdOnChain(a)
                                                : "modifier annotation: its ANNOTATION_REF leads to no annotation on a coded tier",
                                null));
                    }
                } else if (kind == Kind.MODIFIER) {
                    String key = modifierKeys.get(tier);
                    Map<String, String> m = modifiers.computeIfAbsent(owner, k -> new TreeMap<>());
                    if (m.containsKey(key) && !value.equals(m.get(key)) || conflicts.contains(Map.entry(owner, key))) {
                        // two tiers give one annotation this modifier: which value is meant is unknown
                        m.remove(key);
                        conflicts.add(Map.entry(owner, key));
                        orphanRejects.add(() -> sink.reject(
                                a.line,
                                "modifier annotation: a second " + key + " for one annotation, with another value"
                                        + " (which is meant is unknown); the annotation is kept without it",
                                null));
                    } else {
                        m.put(key, value);
                        // the CV entry's other languages and id, tried when the value is not admitted
                        modifierAlternatives
                                .computeIfAbsent(owner, k -> new TreeMap<>())
                                .put(key, EafCvValues.alternatives(doc, a, value));
                    }
                } else {
                    notes.computeIfAbsent(owner, k -> new ArrayList<>()).add(a.value);
                }
            }
        }
        for (EafDocument.Tier tier : doc.tiers) {
            if (kinds.get(tier) != Kind.ANNOTATION) {
                continue;
            }
            for (EafDocument.Ann a : tier.annotations) {
                try {
                    sink.accept(record(
                            doc,
                            times,
                            a,
                            modifiers.getOrDefault(a, Map.of()),
                            modifierAlternatives.getOrDefault(a, Map.of()),
                            notes.getOrDefault(a, List.of()),
                            sourceFile));
                } catch (InvalidRecordException e) {
                    sink.reject(a.line, e.getMessage(), null);
                }
            }
        }
        orphanRejects.forEach(Runnable::run);
        skippedFreeText(doc, kinds, sink);
        return sink.result();
    }

    /**
     * One note at line 0 (counted as one rejected record, as the normaliser's dropped-modifier note
     * is) when independent tiers named as free text (a transcript, notes) held annotations: they
     * are not read as codes, and a tier of codes named so ("Client text codes") would otherwise
     * vanish without a word. Names no tier (a name may identify someone).
     */
    private static void skippedFreeText(EafDocument doc, Map<EafDocument.Tier, Kind> kinds, ParseSink sink) {
        FreeTextTiers free = new FreeTextTiers();
        for (EafDocument.Tier tier : doc.tiers) {
            if (kinds.get(tier) == Kind.SKIPPED) {
                tier.annotations.stream().filter(a -> !a.value.isEmpty()).forEach(a -> free.add(tier, a.value));
            }
        }
        free.reject(sink);
    }

    private static void classify(
            EafDocument doc,
            EafDocument.Tier tier,
            Map<EafDocument.Tier, Kind> kinds,
            Map<EafDocument.Tier, String> modifierKeys) {
        boolean dependent = tier.parentRef != null;
        if (tier.id != null && RecordFields.isFreeText(tier.id)) {
            kinds.put(tier, dependent ? Kind.NOTE : Kind.SKIPPED);
            return;
        }
        String constraint = String.valueOf(doc.constraintOf(tier));
        Set<String> words = SYMBOLIC_ASSOCIATION.equals(constraint)
                ? MODIFIER_WORDS
                : TIME_ALIGNED.contains(constraint) ? TIME_ALIGNED_MODIFIER_WORDS : Set.of();
        if (dependent && tier.id != null) {
            for (String word : SPLIT.split(tier.id.toLowerCase(Locale.ROOT))) {
                if (words.contains(word)) {
                    kinds.put(tier, Kind.MODIFIER);
                    modifierKeys.put(tier, word);
                    return;
                }
            }
        }
        kinds.put(tier, Kind.ANNOTATION);
    }

    /** The nearest ancestor of {@code a} on an annotation tier, or null when the chain breaks. */
    private static EafDocument.Ann owner(EafDocument doc, EafDocument.Ann a, Map<EafDocument.Tier, Kind> kinds) {
        Set<EafDocument.Ann> seen = new LinkedHashSet<>();
        EafDocument.Ann p =
                a.parentId == null || doc.sharedIds.contains(a.parentId) ? null : doc.annotationsById.get(a.parentId);
        while (p != null && seen.add(p)) {
            if (kinds.get(p.tier) == Kind.ANNOTATION) {
                return p;
            }
            // a shared id at any step: which annotation is meant is unknown (twelfth audit's rule)
            p = p.parentId == null || doc.sharedIds.contains(p.parentId) ? null : doc.annotationsById.get(p.parentId);
        }
        return null;
    }

    private static RawAnnotation record(
            EafDocument doc,
            EafTimeResolver times,
            EafDocument.Ann a,
            Map<String, String> modifiers,
            Map<String, List<String>> modifierAlternatives,
            List<String> notes,
            String sourceFile)
            throws InvalidRecordException {
        boolean fromCv = a.value.isEmpty();
        String value = fromCv ? EafCvValues.cvValue(doc, a) : a.value;
        if (value == null) {
            throw new InvalidRecordException("empty annotation value");
        }
        List<String> alts = EafCvValues.alternatives(doc, a, value);
        List<String> actors = tierActorAlternatives(doc, a.tier);
        // notes may hold a damaged byte: they never reach an output
        if (doc.holdsDamage(value, alts, actors, a.tier.id, modifiers.values(), modifierAlternatives.values())) {
            throw new InvalidRecordException(EafReader.DAMAGED);
        }
        EafTimeResolver.Span span = times.span(a);
        double beginMs = span.beginMs() + doc.timeOriginMs;
        double endMs = span.endMs() + doc.timeOriginMs;
        double startS = beginMs / 1000.0;
        Double endS = endMs - beginMs < POINT_MAX_DURATION_MS && endMs >= beginMs ? null : endMs / 1000.0;
        RecordFields.checkInterval(startS, endS);
        EafDocument.Tier tier = a.tier;
        String hint =
                tier.participant != null && Actor.parse(tier.participant).isPresent() ? tier.participant : tier.id;
        RawAnnotation.Builder b = RawAnnotation.builder(sourceFile, a.line)
                .times(startS, endS)
                .label(value)
                .labelSource(fromCv ? "the CV entry of CVE_REF" : "ANNOTATION_VALUE")
                .altLabels(alts)
                .actorHint(hint)
                .altActorHints(actors)
                .actorSource(RawAnnotation.TIER)
                .modifiers(modifiers);
        modifierAlternatives.forEach((key, alt) -> {
            if (modifiers.containsKey(key)) {
                b.altModifierValues(key, alt);
            }
        });
        notes.forEach(b::note);
        return b.build();
    }

    /**
     * {@link #actorAlternatives} of the tier; when none of them is a role name ({@code client},
     * {@code therapist}, {@code dyad}), those of its parent tiers follow, nearest first: a dependent
     * tier ({@code codes} under the tier {@code Client}) describes its parent's annotations.
     */
    private static List<String> tierActorAlternatives(EafDocument doc, EafDocument.Tier tier) {
        List<String> out = actorAlternatives(tier.id, tier.participant);
        if (out.stream().anyMatch(w -> Actor.parse(w).isPresent())) {
            return out;
        }
        Set<EafDocument.Tier> seen = new LinkedHashSet<>();
        seen.add(tier);
        EafDocument.Tier p = tier.parentRef == null ? null : doc.tiersById.get(tier.parentRef);
        while (p != null && seen.add(p)) {
            out.addAll(actorAlternatives(p.id, p.participant));
            p = p.parentRef == null ? null : doc.tiersById.get(p.parentRef);
        }
        return out;
    }

    /**
     * Other names a tier's actor may be read from ({@link RawAnnotation#altActorHints()}): the
     * participant, then the words (split at anything that is not a letter or digit) of the tier
     * id and of the participant. {@code CL-anxiety} gives {@code CL}, {@code anxiety}; {@code
     * Therapist interventions} gives {@code Therapist}, {@code interventions}.
     */
    static List<String> actorAlternatives(String tierId, String participant) {
        Set<String> out = new LinkedHashSet<>();
        if (participant != null && !participant.isBlank()) {
            out.add(participant.trim());
        }
        for (String name : new String[] {tierId, participant}) {
            if (name != null) {
                for (String word : SPLIT.split(name.trim())) {
                    if (!word.isEmpty()) {
                        out.add(word);
                    }
                }
            }
        }
        return new ArrayList<>(out);
    }
}
