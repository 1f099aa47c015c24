package org.sessionreview.jobs.report.svg;

/**
 * Fill patterns of the charts: each kind of stretch has its own hatching, so that bands differ
 * without colour (and on a black-and-white print). Ids are {@code p-<kind>}.
 */
final class Patterns {
    private Patterns() {}

    private static String hatch(String id, String angle, String stroke, double gap, String dash) {
        return "<pattern id=\"p-" + id + "\" patternUnits=\"userSpaceOnUse\" width=\"" + gap + "\" height=\"" + gap
                + "\" patternTransform=\"rotate(" + angle + ")\"><rect width=\"" + gap + "\" height=\"" + gap
                + "\" fill=\"" + stroke + "\" fill-opacity=\"0.12\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"" + gap
                + "\" stroke=\"" + stroke + "\" stroke-width=\"1.6\""
                + (dash == null ? "" : " stroke-dasharray=\"" + dash + "\"")
                + "/></pattern>\n";
    }

    /** The {@code <defs>} every chart starts with. */
    static final String DEFS = "<defs>\n"
            + hatch("anx", "45", "#b03020", 6, null)
            + hatch("W", "-45", "#1f4e9c", 6, "2 2")
            + hatch("C", "0", "#6a2c8c", 5, null)
            + hatch("cand", "90", "#a0500a", 5, null)
            + hatch("safety", "45", "#000000", 4, null)
            + hatch("quality", "0", "#555555", 3, "1 2")
            + "</defs>\n";
}
