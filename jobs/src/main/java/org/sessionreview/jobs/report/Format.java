package org.sessionreview.jobs.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import org.sessionreview.scoring.rupture.CodedText;

/**
 * Locale-independent text for numbers and video times in the report pages, the same conventions
 * as the review's evidence texts ({@code 09:42}): the same value always gives the same characters.
 */
public final class Format {
    private Format() {}

    /**
     * Video time as {@code mm:ss}: minutes not wrapped at 60 ({@code 75:02}), truncated to the
     * second; negative times (before the video started) show as {@code 00:00}.
     *
     * @param seconds seconds from media start
     */
    public static String mmss(double seconds) {
        return CodedText.mmss(seconds);
    }

    /**
     * Seconds for a media fragment ({@code #t=}): at most 3 decimals, no trailing zeros, never
     * negative: {@code 570.5}, {@code 1129}, {@code 0}.
     */
    public static String fragmentSeconds(double seconds) {
        if (!(seconds > 0)) {
            return "0";
        }
        BigDecimal d =
                BigDecimal.valueOf(seconds).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }

    /** A number with {@code decimals} decimals, or an em dash for null or not finite. */
    public static String number(Double v, int decimals) {
        if (v == null || !Double.isFinite(v)) {
            return "\u2014";
        }
        String t = String.format(Locale.ROOT, "%." + decimals + "f", v);
        return t.matches("-0\\.?0*") ? t.substring(1) : t;
    }

    /**
     * A share 0..1 as a whole percentage ({@code 98 %}), or an em dash for null. Truncated, as the
     * tables' flag reasons write it: a quality of 0.495 is {@code 49 %} beside a reason that says
     * 49 % and a LOW mark below 50 %, never {@code 50 %} (rounding showed both); 100 % only when
     * complete.
     */
    public static String percent(Double share) {
        if (share == null || !Double.isFinite(share)) {
            return "\u2014";
        }
        return String.format(Locale.ROOT, "%d %%", (long) Math.floor(share * 100 + 1e-9));
    }

    /** A duration in seconds as {@code 5.5 min} (one decimal), or an em dash for null. */
    public static String minutes(Double seconds) {
        return seconds == null ? "\u2014" : number(seconds / 60.0, 1) + " min";
    }
}
