package org.sessionreview.signal.synchrony;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.util.Locale;

/**
 * Compares a fast result with the slow reference's ({@link ReferenceLaggedCorrelation}): doubles
 * within a relative {@value #RELATIVE} of the reference, or an absolute {@value #ABSOLUTE} near
 * zero; NaN only where the reference has NaN; every other value (counts, statuses, leaders,
 * booleans, parameters) exactly equal. Keeps the largest differences seen, for the test output.
 */
final class CloseToReference {
    static final double RELATIVE = 1e-9;
    static final double ABSOLUTE = 1e-12;

    private double largestRelative;
    private String largestWhere = "-";
    private double largestAbsoluteNearZero;
    private int compared;

    /** Whether {@code fast} lies within the tolerance of {@code reference} (NaN only with NaN). */
    static boolean close(double reference, double fast) {
        if (Double.isNaN(reference) || Double.isNaN(fast)) {
            return Double.isNaN(reference) && Double.isNaN(fast);
        }
        return Math.abs(fast - reference) <= Math.max(RELATIVE * Math.abs(reference), ABSOLUTE);
    }

    /** Asserts {@link #close} and records the relative difference. */
    void assertClose(double reference, double fast, String what) {
        assertTrue(
                close(reference, fast),
                String.format(Locale.ROOT, "%s: reference %.17g, fast %.17g", what, reference, fast));
        record(reference, fast, what);
    }

    /**
     * Records the difference of a pair already checked otherwise: relative where the relative
     * tolerance governs (|reference| &gt;= 1e-3), absolute nearer to zero.
     */
    void record(double reference, double fast, String what) {
        if (!Double.isNaN(reference) && reference != fast) {
            double diff = Math.abs(fast - reference);
            if (Math.abs(reference) >= ABSOLUTE / RELATIVE) {
                if (diff / Math.abs(reference) > largestRelative) {
                    largestRelative = diff / Math.abs(reference);
                    largestWhere = what;
                }
            } else {
                largestAbsoluteNearZero = Math.max(largestAbsoluteNearZero, diff);
            }
        }
        compared++;
    }

    /** Every component of two records of the same type, doubles by {@link #assertClose}. */
    void assertRecordClose(Record reference, Record fast, String what) {
        assertEquals(reference.getClass(), fast.getClass());
        for (RecordComponent c : reference.getClass().getRecordComponents()) {
            Object r = value(c, reference);
            Object f = value(c, fast);
            String name = what + "." + c.getName();
            if (c.getType() == double.class) {
                assertClose((Double) r, (Double) f, name);
            } else {
                assertEquals(r, f, name);
            }
        }
    }

    /** Largest |fast - reference| / |reference| seen where |reference| &gt;= 1e-3. */
    double largestRelative() {
        return largestRelative;
    }

    /** Largest |fast - reference| seen where |reference| &lt; 1e-3. */
    double largestAbsoluteNearZero() {
        return largestAbsoluteNearZero;
    }

    /** Values compared so far. */
    int compared() {
        return compared;
    }

    /** The differences seen, for the test output. */
    String summary() {
        return String.format(
                Locale.ROOT,
                "%d values, largest relative difference %.2e (|value|"
                        + " >= 1e-3, at %s), largest absolute difference %.2e (|value| < 1e-3)",
                compared,
                largestRelative,
                largestWhere,
                largestAbsoluteNearZero);
    }

    private static Object value(RecordComponent c, Record r) {
        try {
            return c.getAccessor().invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
