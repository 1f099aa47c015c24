package org.sessionreview.jobs.sampledata;

/** Locale-independent, deterministic fixed-point number formatting. */
final class Fmt {
    private static final long[] POW10 = {1, 10, 100, 1000, 10_000, 100_000, 1_000_000};

    private Fmt() {}

    /** Appends {@code v} with exactly {@code decimals} (0-6) decimals, e.g. {@code 4.250000}. */
    static StringBuilder fixed(StringBuilder sb, double v, int decimals) {
        long scale = POW10[decimals];
        long r = Math.round(v * scale);
        if (r < 0) {
            sb.append('-');
            r = -r;
        }
        sb.append(r / scale);
        if (decimals > 0) {
            sb.append('.');
            String frac = Long.toString(r % scale);
            for (int i = frac.length(); i < decimals; i++) {
                sb.append('0');
            }
            sb.append(frac);
        }
        return sb;
    }

    static String fixed(double v, int decimals) {
        return fixed(new StringBuilder(), v, decimals).toString();
    }

    /** Seconds as {@code m:ss} (e.g. 570 -> {@code 9:30}), for the README. */
    static String minSec(double seconds) {
        long s = Math.round(seconds);
        return (s / 60) + ":" + (s % 60 < 10 ? "0" : "") + (s % 60);
    }
}
