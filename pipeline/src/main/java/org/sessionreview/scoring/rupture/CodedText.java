package org.sessionreview.scoring.rupture;

import java.util.List;
import java.util.Locale;

/** Readable times and event lists for the evidence texts of coded-event moments. */
public final class CodedText {
    private CodedText() {}

    /**
     * Video time as {@code mm:ss} (minutes not wrapped at 60), truncated to the second; negative
     * times show as {@code 00:00}. Same format as the anxiety-episode evidence.
     */
    public static String mmss(double seconds) {
        long s = (long) Math.floor(Math.max(0, seconds));
        return String.format(Locale.ROOT, "%02d:%02d", s / 60, s % 60);
    }

    /** Seconds without a trailing {@code .0}: {@code 120}, {@code 90.5}. */
    public static String seconds(double s) {
        if (s == Math.rint(s) && Math.abs(s) < 1e15) {
            return Long.toString((long) s);
        }
        return String.format(Locale.ROOT, "%.1f", s);
    }

    /** {@code CODE at mm:ss} for one event. */
    public static String at(CodedEvent e) {
        return e.code() + " at " + mmss(e.startS());
    }

    /** {@code CODE at mm:ss, CODE at mm:ss, ...} in list order. */
    public static String atList(List<CodedEvent> events) {
        StringBuilder sb = new StringBuilder();
        for (CodedEvent e : events) {
            sb.append(sb.length() == 0 ? "" : ", ").append(at(e));
        }
        return sb.toString();
    }

    /** {@code [mm:ss, mm:ss]}. */
    public static String window(double fromS, double toS) {
        return "[" + mmss(fromS) + ", " + mmss(toS) + "]";
    }

    /** {@code "1 thing"} / {@code "2 things"}. */
    public static String count(int n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }
}
