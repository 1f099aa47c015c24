package org.sessionreview.scoring;

import java.util.Locale;

/** Number and time formatting shared by the readable texts of the scoring layer. */
final class TimeText {
    private TimeText() {}

    /**
     * Video time as {@code mm:ss} (minutes not wrapped at 60, e.g. {@code 75:02}), truncated to
     * the second; negative times show as {@code 00:00}.
     */
    static String mmss(double seconds) {
        long s = (long) Math.floor(Math.max(0, seconds));
        return String.format(Locale.ROOT, "%02d:%02d", s / 60, s % 60);
    }

    /** Seconds without a trailing {@code .0}: {@code 120}, {@code 90.5}. */
    static String seconds(double s) {
        if (s == Math.rint(s) && Math.abs(s) < 1e15) {
            return Long.toString((long) s);
        }
        return String.format(Locale.ROOT, "%.1f", s);
    }

    /** One decimal, locale-independent: {@code 3.1}, {@code -1.8}. */
    static String oneDecimal(double v) {
        String t = String.format(Locale.ROOT, "%.1f", v);
        return t.equals("-0.0") ? "0.0" : t;
    }
}
