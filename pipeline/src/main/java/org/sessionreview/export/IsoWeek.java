package org.sessionreview.export;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.util.Locale;

/** A date coarsened to its ISO-8601 week: {@code 2026-03-19} is {@code 2026-W12}. */
public final class IsoWeek {
    private IsoWeek() {}

    /** The ISO week ({@code YYYY-Www}, the week-based year) of an ISO date; null for null. */
    public static String of(String isoDate) {
        if (isoDate == null) {
            return null;
        }
        LocalDate d;
        try {
            d = LocalDate.parse(isoDate);
        } catch (DateTimeParseException e) {
            throw new ExportException("a session date is not an ISO date");
        }
        return String.format(
                Locale.ROOT, "%04d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}
