package org.sessionreview.ingest.annotation.elan;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Values of an annotation's controlled-vocabulary entry ({@code CV_ENTRY} / {@code CV_ENTRY_ML}
 * of the tier's linguistic type): the value an empty annotation takes from its {@code CVE_REF},
 * and the entry's other values and id tried when a label or modifier value maps to nothing.
 * Package-private.
 */
final class EafCvValues {
    private EafCvValues() {}

    /**
     * For an annotation with an empty value: the first non-blank value of the CV entry its {@code
     * CVE_REF} names in its tier's vocabulary, or null (no CVE_REF, or the entry is not in the file).
     */
    static String cvValue(EafDocument doc, EafDocument.Ann a) {
        if (a.cveRef == null) {
            return null;
        }
        for (EafDocument.CvEntry e : doc.vocabularyOf(a.tier)) {
            if (a.cveRef.equals(e.id())) {
                return e.values().stream().filter(v -> !v.isBlank()).findFirst().orElse(null);
            }
        }
        return null;
    }

    /**
     * Other values and the id of the CV entry the annotation refers to or whose value it carries;
     * {@code value} is the annotation's value (its own, or the entry's when it had none).
     */
    static List<String> alternatives(EafDocument doc, EafDocument.Ann a, String value) {
        List<EafDocument.CvEntry> cv = doc.vocabularyOf(a.tier);
        EafDocument.CvEntry entry = null;
        for (EafDocument.CvEntry e : cv) {
            if (a.cveRef != null
                    ? a.cveRef.equals(e.id())
                    : e.values().stream().anyMatch(v -> v.equalsIgnoreCase(value))) {
                entry = e;
                break;
            }
        }
        if (entry == null) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (String v : entry.values()) {
            if (!v.isBlank() && !v.equalsIgnoreCase(value)) {
                out.add(v);
            }
        }
        if (entry.id() != null && !entry.id().equalsIgnoreCase(value)) {
            out.add(entry.id());
        }
        return new ArrayList<>(out);
    }
}
