package org.sessionreview.ingest.annotation.elan;

import java.util.HashSet;
import java.util.Set;
import org.sessionreview.ingest.annotation.ParseSink;
import org.sessionreview.ingest.annotation.RecordFields;
import org.sessionreview.taxonomy.CodeTaxonomy;

/**
 * The annotations of ELAN tiers named as free text ({@link RecordFields#isFreeText}: note,
 * comment, transcript, ...) that are not read as codes, counted for one note at line 0 (one
 * rejected record, as the normaliser's dropped-modifier note is), the same in the {@code .eaf}
 * ({@link ElanParser}) and both tab-export layouts ({@link ElanTabParser}, {@link ElanTabColumns}).
 * The note names no tier and quotes no value (a name may identify someone); it says how many of
 * the values are canonical codes, so that a tier of codes named with such a word ("Client text
 * codes") is told from a transcript. Not thread-safe.
 */
final class FreeTextTiers {
    private final Set<Object> tiers = new HashSet<>();
    private long annotations;
    private long canonical;

    /** Counts one non-empty annotation {@code value} of the tier {@code tier} (any key naming it). */
    void add(Object tier, String value) {
        tiers.add(tier);
        annotations++;
        if (CodeTaxonomy.isCanonical(value.trim())) {
            canonical++;
        }
    }

    /** Adds the line-0 note to {@code sink} when any annotation was counted. */
    void reject(ParseSink sink) {
        if (annotations > 0) {
            sink.reject(0, note(), null);
        }
    }

    /** The note's reason. */
    String note() {
        boolean one = annotations == 1;
        return annotations + " annotation" + (one ? "" : "s") + " on " + tiers.size() + " tier"
                + (tiers.size() == 1 ? "" : "s") + " named as free text (note, comment, text, transcript, ...) "
                + (one ? "was" : "were") + " not read as codes"
                + (canonical == 0
                        ? ""
                        : one
                                ? " (a canonical code)"
                                : " (" + (canonical == annotations ? "all" : canonical) + " of them canonical codes)")
                + "; a tier of codes needs a name without those words";
    }
}
