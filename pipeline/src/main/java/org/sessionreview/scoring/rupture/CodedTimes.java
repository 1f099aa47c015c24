package org.sessionreview.scoring.rupture;

/**
 * Boundary comparisons of coded-event times, in seconds from media start, that hold at the
 * boundary itself.
 *
 * <p>Coded times are whole milliseconds written as decimal seconds ({@code 250.576}); in binary
 * floating point a difference or sum of two of them misses the decimal value by up to a few
 * units in the last place ({@code 370.576 - 250.576} is {@code 120.00000000000003}). A rule that
 * compares such a difference with a limit ("a marker at most 120 s after the last", DOMAIN.md
 * section 3) would then treat a time exactly at the limit as past it for some times and not for
 * others. These comparisons allow {@link #TOLERANCE_S} = 1 microsecond, a thousandth of the
 * millisecond the readers keep, so a time exactly at a limit is at it whatever its digits.
 */
public final class CodedTimes {
    /** Allowance of every comparison, seconds: 1e-6 (1 microsecond). */
    public static final double TOLERANCE_S = 1e-6;

    private CodedTimes() {}

    /** True when {@code tS} is at or before {@code limitS}: {@code tS <= limitS}, at the limit included. */
    public static boolean notAfter(double tS, double limitS) {
        return tS <= limitS + TOLERANCE_S;
    }

    /** True when {@code tS} is at or after {@code fromS}: {@code tS >= fromS}, at the limit included. */
    public static boolean notBefore(double tS, double fromS) {
        return tS >= fromS - TOLERANCE_S;
    }

    /**
     * Seconds from {@code fromS} to {@code toS}, rounded to the microsecond, so that the time between
     * two coded times reads as its decimal value ({@code 120.0}, not {@code 120.00000000000003}).
     */
    public static double elapsed(double fromS, double toS) {
        return Math.round((toS - fromS) * 1e6) / 1e6;
    }

    /** True when {@code tS} is past {@code limitS}: {@code tS > limitS}, at the limit excluded. */
    public static boolean after(double tS, double limitS) {
        return !notAfter(tS, limitS);
    }
}
