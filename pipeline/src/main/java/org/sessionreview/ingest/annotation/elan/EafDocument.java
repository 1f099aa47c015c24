package org.sessionreview.ingest.annotation.elan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of an ELAN EAF document the parser needs, as read by {@link EafReader}: the master
 * media's time origin, the time slots, tiers with their annotations, tier types (linguistic types)
 * and controlled vocabularies. Mutable while being read, then only read. Package-private.
 *
 * <p>Reference: EAF schema http://www.mpi.nl/tools/elan/EAFv3.0.xsd (and 2.6-2.8); DOMAIN.md 1.1.
 */
final class EafDocument {
    /** {@code TIME_ORIGIN} of the master {@code MEDIA_DESCRIPTOR} in ms; 0 when absent. */
    long timeOriginMs;
    /**
     * True when a byte of the file was not text in its encoding and became U+FFFD ({@link
     * EafReader#text}): an annotation whose output text holds U+FFFD is then rejected.
     */
    boolean damaged;

    /**
     * True when the document is {@link #damaged} and one of {@code texts} (strings, or collections
     * of them at any depth) holds U+FFFD. A file without a damaged byte may write U+FFFD itself.
     */
    boolean holdsDamage(Object... texts) {
        return damaged && java.util.Arrays.stream(texts).anyMatch(EafDocument::holdsReplacement);
    }

    private static boolean holdsReplacement(Object t) {
        if (t instanceof java.util.Collection<?> c) {
            return c.stream().anyMatch(EafDocument::holdsReplacement);
        }
        return t instanceof String s && s.indexOf('\uFFFD') >= 0;
    }
    /** {@code MEDIA_URL} of the master media, or null. */
    String masterMediaUrl;
    /** Every {@code TIME_SLOT_ID}, in document order, with its value in ms (null = unaligned). */
    final Map<String, Long> slots = new LinkedHashMap<>();
    /** {@code TIME_VALUE} text of slots whose value is not a whole number. */
    final Map<String, String> badSlotValues = new HashMap<>();
    /** {@code TIME_SLOT_ID}s declared more than once with different values. */
    final java.util.Set<String> ambiguousSlots = new java.util.HashSet<>();

    final List<Tier> tiers = new ArrayList<>();
    final Map<String, Tier> tiersById = new HashMap<>();
    final Map<String, Ann> annotationsById = new HashMap<>();
    /**
     * {@code ANNOTATION_ID}s two or more annotations share (files merged by hand; ELAN never writes
     * it): a reference to one could mean either, so it is a reject (twelfth audit: it took the first).
     */
    final java.util.Set<String> sharedIds = new java.util.HashSet<>();

    static final String SHARED_ID =
            "ANNOTATION_REF names an ANNOTATION_ID that two annotations share (files merged by hand?):"
                    + " which is meant is unknown";

    /**
     * The reason for a reference whose own ANNOTATION_REF is unique but whose chain of parents
     * reaches a {@link #sharedIds shared} id further up (a tier on a tier on the coded tier).
     */
    static final String SHARED_ID_UP_THE_CHAIN =
            "ANNOTATION_REF leads, through its parent annotation, to an ANNOTATION_ID that two annotations share"
                    + " (files merged by hand?): which is meant is unknown";

    final Map<String, LinguisticType> types = new HashMap<>();
    final Map<String, List<CvEntry>> vocabularies = new HashMap<>();

    /** One {@code TIER}. */
    static final class Tier {
        final String id;
        final String typeRef;
        final String participant;
        final String parentRef;
        final List<Ann> annotations = new ArrayList<>();

        Tier(String id, String typeRef, String participant, String parentRef) {
            this.id = id;
            this.typeRef = typeRef;
            this.participant = participant;
            this.parentRef = parentRef;
        }
    }

    /** One {@code ALIGNABLE_ANNOTATION} or {@code REF_ANNOTATION}. */
    static final class Ann {
        final Tier tier;
        final String id;
        final boolean alignable;
        /** Alignable: {@code TIME_SLOT_REF1/2}. */
        final String slot1;

        final String slot2;
        /** Reference: {@code ANNOTATION_REF} (parent) and {@code PREVIOUS_ANNOTATION}. */
        final String parentId;

        final String previousId;
        final String cveRef;
        /** 1-based line of the annotation element in the file. */
        final long line;

        String value = "";

        Ann(
                Tier tier,
                String id,
                boolean alignable,
                String slot1,
                String slot2,
                String parentId,
                String previousId,
                String cveRef,
                long line) {
            this.tier = tier;
            this.id = id;
            this.alignable = alignable;
            this.slot1 = slot1;
            this.slot2 = slot2;
            this.parentId = parentId;
            this.previousId = previousId;
            this.cveRef = cveRef;
            this.line = line;
        }
    }

    /**
     * One {@code LINGUISTIC_TYPE}: its constraint stereotype ({@code Time_Subdivision}, {@code
     * Included_In}, {@code Symbolic_Subdivision}, {@code Symbolic_Association}; null =
     * independent) and controlled vocabulary.
     */
    record LinguisticType(String id, String constraint, String vocabularyRef) {}

    /**
     * One controlled-vocabulary entry: {@code CVE_ID} (may be null in EAF &lt;= 2.7) and its values
     * in document order (one per language for {@code CV_ENTRY_ML}).
     */
    record CvEntry(String id, List<String> values) {}

    /** The constraint stereotype of a tier's type, or null for an independent tier. */
    String constraintOf(Tier tier) {
        LinguisticType t = types.get(tier.typeRef);
        return t == null ? null : t.constraint();
    }

    /** The controlled vocabulary of a tier's type; empty when it has none or it is not in the file. */
    List<CvEntry> vocabularyOf(Tier tier) {
        LinguisticType t = types.get(tier.typeRef);
        if (t == null || t.vocabularyRef() == null) {
            return List.of();
        }
        return vocabularies.getOrDefault(t.vocabularyRef(), List.of());
    }

    /**
     * The reason a reference annotation's chain of {@code ANNOTATION_REF}s meets a shared id:
     * {@link #SHARED_ID} at its own reference, {@link #SHARED_ID_UP_THE_CHAIN} further up, null when
     * the chain (followed until it ends, breaks or turns circular) meets none.
     */
    String sharedIdOnChain(Ann a) {
        java.util.Set<Ann> seen = new java.util.HashSet<>();
        for (Ann p = a; p != null && p.parentId != null && seen.add(p); p = annotationsById.get(p.parentId)) {
            if (sharedIds.contains(p.parentId)) {
                return p == a ? SHARED_ID : SHARED_ID_UP_THE_CHAIN;
            }
        }
        return null;
    }
}
