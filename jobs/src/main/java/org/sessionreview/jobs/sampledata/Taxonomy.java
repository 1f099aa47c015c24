package org.sessionreview.jobs.sampledata;

import java.util.Arrays;
import java.util.List;
import org.sessionreview.taxonomy.CanonicalCode;
import org.sessionreview.taxonomy.Family;

/** The canonical codes of one family (DOMAIN.md section 2), for the ELAN controlled vocabularies. */
final class Taxonomy {
    private Taxonomy() {}

    /** The family's codes in taxonomy order; fails for a family without codes. */
    static List<String> codes(String family) {
        Family f = Family.valueOf(family);
        List<String> codes = Arrays.stream(CanonicalCode.values())
                .filter(c -> c.family() == f)
                .map(CanonicalCode::code)
                .toList();
        if (codes.isEmpty()) {
            throw new IllegalArgumentException("no vocabulary for family " + family);
        }
        return codes;
    }
}
