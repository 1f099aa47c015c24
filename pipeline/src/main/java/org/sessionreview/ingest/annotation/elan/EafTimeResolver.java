package org.sessionreview.ingest.annotation.elan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sessionreview.ingest.annotation.InvalidRecordException;

/**
 * Gives every annotation of an {@link EafDocument} its begin and end in milliseconds on the
 * document's timeline (before {@code TIME_ORIGIN}). Package-private.
 *
 * <p><b>Unaligned slots</b> (no {@code TIME_VALUE}, found on Time_Subdivision and Included_In
 * tiers): the annotations of one tier that share slots (one's {@code TIME_SLOT_REF2} is the next
 * one's {@code TIME_SLOT_REF1}) form a chain of slots; each run of unaligned slots gets times
 * spaced evenly between the nearest aligned (or already resolved) slots before and after it in the
 * chain. When the chain starts or ends unaligned, the begin or end of the parent annotation that
 * contains the chain's aligned part is used. Tiers are resolved parents first, so a parent's own
 * interpolated slots are available to its children. Slot IDs and document order of slots play no
 * part (DOMAIN.md 1.1: slot IDs are not in time order).
 *
 * <p><b>Reference annotations</b> take their parent's times, following {@code ANNOTATION_REF} up to
 * an alignable root. On a {@code Symbolic_Subdivision} tier, the children of one parent split its
 * span evenly, in {@code PREVIOUS_ANNOTATION} order (the first has none); children outside the
 * chain follow in document order.
 */
final class EafTimeResolver {
    private static final String SYMBOLIC_SUBDIVISION = "Symbolic_Subdivision";

    private final EafDocument doc;
    /** Slot times in ms: aligned values, then interpolated ones. */
    private final Map<String, Double> slotMs = new HashMap<>();

    private final Map<EafDocument.Ann, Object> memo = new HashMap<>();
    private final Set<EafDocument.Ann> inProgress = new HashSet<>();
    private final Map<EafDocument.Tier, Map<String, List<EafDocument.Ann>>> siblingGroups = new HashMap<>();
    private final Map<List<EafDocument.Ann>, Map<EafDocument.Ann, Integer>> positions = new IdentityHashMap<>();

    /** Begin and end in ms on the document timeline. */
    record Span(double beginMs, double endMs) {}

    EafTimeResolver(EafDocument doc) {
        this.doc = doc;
        doc.slots.forEach((id, ms) -> {
            if (ms != null) {
                slotMs.put(id, ms.doubleValue());
            }
        });
        Set<EafDocument.Tier> done = new HashSet<>();
        for (EafDocument.Tier tier : doc.tiers) {
            resolveTier(tier, done, new HashSet<>());
        }
    }

    /**
     * The span of an annotation.
     *
     * @throws InvalidRecordException naming the attribute (TIME_SLOT_REF1, ANNOTATION_REF, ...)
     *     that cannot be resolved; ids are never quoted (coders can use names as ids)
     */
    Span span(EafDocument.Ann ann) throws InvalidRecordException {
        Object cached = memo.get(ann);
        if (cached == null) {
            try {
                cached = compute(ann);
            } catch (InvalidRecordException e) {
                cached = e.getMessage();
            }
            memo.put(ann, cached);
        }
        if (cached instanceof String reason) {
            throw new InvalidRecordException(reason);
        }
        return (Span) cached;
    }

    private Span compute(EafDocument.Ann ann) throws InvalidRecordException {
        if (ann.alignable) {
            return new Span(slot(ann.slot1, "TIME_SLOT_REF1"), slot(ann.slot2, "TIME_SLOT_REF2"));
        }
        if (ann.parentId == null) {
            throw new InvalidRecordException("REF_ANNOTATION has no ANNOTATION_REF");
        }
        if (doc.sharedIds.contains(ann.parentId)) {
            throw new InvalidRecordException(EafDocument.SHARED_ID);
        }
        EafDocument.Ann parent = doc.annotationsById.get(ann.parentId);
        if (parent == null) {
            throw new InvalidRecordException("ANNOTATION_REF points to no annotation in the file");
        }
        if (!inProgress.add(ann)) {
            throw new InvalidRecordException("ANNOTATION_REF chain is circular");
        }
        try {
            Span p;
            try {
                p = span(parent);
            } catch (InvalidRecordException e) {
                String reason = e.getMessage();
                // a shared id further up: say so, not that this annotation's own reference is shared
                throw EafDocument.SHARED_ID.equals(reason) || EafDocument.SHARED_ID_UP_THE_CHAIN.equals(reason)
                        ? new InvalidRecordException(EafDocument.SHARED_ID_UP_THE_CHAIN)
                        : e;
            }
            if (!SYMBOLIC_SUBDIVISION.equals(doc.constraintOf(ann.tier))) {
                return p;
            }
            List<EafDocument.Ann> siblings = orderedSiblings(ann);
            int k = indexIn(siblings, ann);
            int n = siblings.size();
            double step = (p.endMs() - p.beginMs()) / n;
            return new Span(p.beginMs() + k * step, k == n - 1 ? p.endMs() : p.beginMs() + (k + 1) * step);
        } finally {
            inProgress.remove(ann);
        }
    }

    private int indexIn(List<EafDocument.Ann> siblings, EafDocument.Ann ann) {
        Map<EafDocument.Ann, Integer> index = positions.computeIfAbsent(siblings, list -> {
            Map<EafDocument.Ann, Integer> m = new IdentityHashMap<>();
            for (int i = 0; i < list.size(); i++) {
                m.put(list.get(i), i);
            }
            return m;
        });
        return index.get(ann);
    }

    private double slot(String id, String attribute) throws InvalidRecordException {
        if (id == null) {
            throw new InvalidRecordException("ALIGNABLE_ANNOTATION has no " + attribute);
        }
        if (!doc.slots.containsKey(id)) {
            throw new InvalidRecordException(attribute + " is not defined in TIME_ORDER");
        }
        if (doc.ambiguousSlots.contains(id)) {
            throw new InvalidRecordException("the TIME_SLOT of " + attribute
                    + " is declared twice in TIME_ORDER with different TIME_VALUEs: which is meant is unknown");
        }
        if (doc.badSlotValues.containsKey(id)) {
            throw new InvalidRecordException(
                    "the TIME_SLOT of " + attribute + " has a TIME_VALUE that is not a whole number of milliseconds");
        }
        Double ms = slotMs.get(id);
        if (ms == null) {
            throw new InvalidRecordException(
                    "the TIME_SLOT of " + attribute
                            + " has no TIME_VALUE and cannot be interpolated (no aligned slot around it in its tier or parent)");
        }
        return ms;
    }

    /**
     * The REF annotations of the same tier and parent, in PREVIOUS_ANNOTATION order; computed once
     * per tier (one pass over its annotations) and cached.
     */
    private List<EafDocument.Ann> orderedSiblings(EafDocument.Ann ann) {
        Map<String, List<EafDocument.Ann>> groups = siblingGroups.get(ann.tier);
        if (groups == null) {
            Map<String, List<EafDocument.Ann>> byParent = new LinkedHashMap<>();
            for (EafDocument.Ann a : ann.tier.annotations) {
                if (!a.alignable && a.parentId != null) {
                    byParent.computeIfAbsent(a.parentId, k -> new ArrayList<>()).add(a);
                }
            }
            groups = new HashMap<>();
            for (Map.Entry<String, List<EafDocument.Ann>> e : byParent.entrySet()) {
                groups.put(e.getKey(), chainOrder(e.getValue()));
            }
            siblingGroups.put(ann.tier, groups);
        }
        return groups.get(ann.parentId);
    }

    /** Orders one group by PREVIOUS_ANNOTATION; members outside the chain follow in document order. */
    private static List<EafDocument.Ann> chainOrder(List<EafDocument.Ann> group) {
        Map<String, EafDocument.Ann> byId = new HashMap<>();
        group.forEach(a -> byId.putIfAbsent(a.id, a));
        Map<String, EafDocument.Ann> byPrevious = new HashMap<>();
        for (EafDocument.Ann a : group) {
            if (a.previousId != null && byId.containsKey(a.previousId)) {
                byPrevious.putIfAbsent(a.previousId, a);
            }
        }
        Set<EafDocument.Ann> placed = new LinkedHashSet<>();
        for (EafDocument.Ann a : group) {
            if (a.previousId == null || !byId.containsKey(a.previousId)) {
                EafDocument.Ann c = a; // a chain head: follow it
                while (c != null && placed.add(c)) {
                    c = byPrevious.get(c.id);
                }
            }
        }
        placed.addAll(group);
        return new ArrayList<>(placed);
    }

    // ------------------------------------------------------------------ unaligned slots

    private void resolveTier(EafDocument.Tier tier, Set<EafDocument.Tier> done, Set<EafDocument.Tier> path) {
        if (done.contains(tier) || !path.add(tier)) {
            return; // already resolved, or a PARENT_REF cycle
        }
        EafDocument.Tier parent = tier.parentRef == null ? null : doc.tiersById.get(tier.parentRef);
        if (parent != null) {
            resolveTier(parent, done, path);
        }
        for (List<String> chain : slotChains(tier)) {
            interpolate(chain, parent);
        }
        done.add(tier);
    }

    /** The slot sequences of the tier's alignable annotations, linked where they share a slot. */
    private static List<List<String>> slotChains(EafDocument.Tier tier) {
        Map<String, EafDocument.Ann> byBegin = new HashMap<>();
        Set<String> ends = new HashSet<>();
        List<EafDocument.Ann> alignable = new ArrayList<>();
        for (EafDocument.Ann a : tier.annotations) {
            if (a.alignable && a.slot1 != null && a.slot2 != null) {
                alignable.add(a);
                byBegin.putIfAbsent(a.slot1, a);
                ends.add(a.slot2);
            }
        }
        List<List<String>> chains = new ArrayList<>();
        Set<EafDocument.Ann> visited = new HashSet<>();
        // chain heads first (their begin slot ends no other annotation), then any cycle leftovers
        for (int pass = 0; pass < 2; pass++) {
            for (EafDocument.Ann head : alignable) {
                if (visited.contains(head) || (pass == 0 && ends.contains(head.slot1))) {
                    continue;
                }
                List<String> chain = new ArrayList<>();
                chain.add(head.slot1);
                for (EafDocument.Ann a = head; a != null && visited.add(a); a = byBegin.get(a.slot2)) {
                    chain.add(a.slot2);
                }
                chains.add(chain);
            }
        }
        return chains;
    }

    private void interpolate(List<String> chain, EafDocument.Tier parent) {
        int n = chain.size();
        Double[] t = new Double[n];
        int firstKnown = -1;
        int lastKnown = -1;
        for (int i = 0; i < n; i++) {
            t[i] = slotMs.get(chain.get(i));
            if (t[i] != null) {
                firstKnown = firstKnown < 0 ? i : firstKnown;
                lastKnown = i;
            }
        }
        if (firstKnown < 0) {
            return; // nothing to anchor on: those slots stay unresolved and their annotations are rejected
        }
        if (t[0] == null) {
            Span p = enclosingParent(parent, t[firstKnown], true);
            if (p != null) {
                t[0] = p.beginMs();
            }
        }
        if (t[n - 1] == null) {
            Span p = enclosingParent(parent, t[lastKnown], false);
            if (p != null) {
                t[n - 1] = p.endMs();
            }
        }
        int prev = -1;
        for (int i = 0; i < n; i++) {
            if (t[i] == null) {
                continue;
            }
            if (prev >= 0 && i - prev > 1) {
                double step = (t[i] - t[prev]) / (i - prev);
                for (int k = prev + 1; k < i; k++) {
                    t[k] = t[prev] + (k - prev) * step;
                }
            }
            prev = i;
        }
        for (int i = 0; i < n; i++) {
            if (t[i] != null) {
                slotMs.putIfAbsent(chain.get(i), t[i]);
            }
        }
    }

    /**
     * The span of the parent tier's alignable annotation containing {@code ms}, or null. A chain's
     * first aligned slot lies after its parent's begin ({@code afterBegin}); its last aligned slot
     * lies before its parent's end: this picks the right one of two adjacent parents sharing a
     * boundary.
     */
    private Span enclosingParent(EafDocument.Tier parent, double ms, boolean afterBegin) {
        if (parent == null) {
            return null;
        }
        for (EafDocument.Ann a : parent.annotations) {
            if (!a.alignable) {
                continue;
            }
            Double b = slotMs.get(a.slot1);
            Double e = slotMs.get(a.slot2);
            boolean inside = afterBegin
                    ? b != null && e != null && b < ms && ms <= e
                    : b != null && e != null && b <= ms && ms < e;
            if (inside) {
                return new Span(b, e);
            }
        }
        return null;
    }
}
