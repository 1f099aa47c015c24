package org.sessionreview.ingest.annotation.elan;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Predicate;
import org.sessionreview.ingest.annotation.InvalidRecordException;

/**
 * The owner of a time-aligned annotation on a dependent tier (Included_In, Time_Subdivision): the
 * one annotation of the nearest coded ancestor tier whose interval contains it. ELAN links such
 * annotations to their parent by time only, not by an ANNOTATION_REF. Package-private.
 */
final class ElanContainment {
    private ElanContainment() {}

    /**
     * @param coded which tiers hold coded annotations
     * @return the containing annotation, or null when the ancestor tiers hold none or several that
     *     contain it, or a time cannot be resolved
     */
    static EafDocument.Ann owner(
            EafDocument doc, EafTimeResolver times, EafDocument.Ann a, Predicate<EafDocument.Tier> coded) {
        Set<EafDocument.Tier> seen = new LinkedHashSet<>();
        EafDocument.Tier p = a.tier.parentRef == null ? null : doc.tiersById.get(a.tier.parentRef);
        while (p != null && seen.add(p) && !coded.test(p)) {
            p = p.parentRef == null ? null : doc.tiersById.get(p.parentRef);
        }
        if (p == null || !coded.test(p)) {
            return null;
        }
        try {
            EafTimeResolver.Span child = times.span(a);
            EafDocument.Ann found = null;
            for (EafDocument.Ann candidate : p.annotations) {
                EafTimeResolver.Span s = times.span(candidate);
                if (s.beginMs() <= child.beginMs() && child.endMs() <= s.endMs()) {
                    if (found != null) {
                        return null;
                    }
                    found = candidate;
                }
            }
            return found;
        } catch (InvalidRecordException e) {
            return null;
        }
    }
}
