package org.sessionreview.ingest.annotation.elan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The column layout of an ELAN "Export &gt; Tab-delimited Text" file (ELAN source {@code
 * Transcription2TabDelimitedText}; DOMAIN.md 1.2), which has no header row:
 * {@code [tier][participant] {begin formats} {end formats} {duration formats} value [CV
 * description]}.
 *
 * @param leadingColumns text columns before the times: 0, 1 (tier name) or 2 (tier name,
 *     participant)
 * @param formats the time formats of each time group, in ELAN's fixed order (hh:mm:ss.ms, then
 *     ss.msec, then msec, then SMPTE; SMPTE is recognised but never read as a time)
 * @param groups time groups present: 1 = begin, 2 = begin and end, 3 = begin, end and duration
 */
public record ElanTabLayout(int leadingColumns, List<TimeFormat> formats, int groups) {
    /** ELAN's time formats, in the order ELAN writes them within a group. */
    public enum TimeFormat {
        /** {@code hh:mm:ss.ms}, always 2-2-2.3 digits: {@code 00:00:01.629}. */
        CLOCK(Pattern.compile("\\d\\d:\\d\\d:\\d\\d\\.\\d\\d\\d")),
        /**
         * {@code ss.msec}: Java {@code Double.toString(ms / 1000.0)}, e.g. {@code 1.629}, {@code 1.0};
         * a decimal comma ({@code 1,629}: the export re-saved by a spreadsheet in a German or French
         * locale) is read too.
         */
        SECONDS(Pattern.compile("\\d+[.,]\\d+")),
        /** {@code msec}: integer milliseconds. */
        MILLIS(Pattern.compile("\\d{1,15}")),
        /**
         * SMPTE time code {@code hh:mm:ss:ff} (PAL, PAL-50) or with {@code ;} or {@code .} before the
         * frames (NTSC drop-frame). The export does not say which frame rate it used, so these
         * columns are recognised (to find the columns after them) but never read as times.
         */
        SMPTE(Pattern.compile("\\d\\d:\\d\\d:\\d\\d[:;.]\\d\\d"));

        private final Pattern pattern;

        TimeFormat(Pattern pattern) {
            this.pattern = pattern;
        }

        boolean matches(String cell) {
            return pattern.matcher(cell.trim()).matches();
        }

        static Optional<TimeFormat> of(String cell) {
            for (TimeFormat f : values()) {
                if (f.matches(cell)) {
                    return Optional.of(f);
                }
            }
            return Optional.empty();
        }
    }

    public ElanTabLayout {
        formats = List.copyOf(formats);
        if (leadingColumns < 0 || leadingColumns > 2 || formats.isEmpty() || groups < 1 || groups > 3) {
            throw new IllegalArgumentException("invalid ELAN tab layout: " + leadingColumns + " leading columns, "
                    + formats + " formats, " + groups + " time groups");
        }
    }

    /** Index of the first time cell. */
    int firstTimeColumn() {
        return leadingColumns;
    }

    /** Index of the annotation value. */
    int valueColumn() {
        return leadingColumns + groups * formats.size();
    }

    /**
     * Infers the layout from one data row: the first time-like cell among the first three starts
     * the times; the first group is the run of formats in ELAN's order; the groups are the
     * repetitions of that run (at most 3), leaving at least one cell for the value. Assumes the
     * groups present are begin[, end[, duration]] (configure the layout otherwise). Empty when the
     * row has no such structure.
     */
    public static Optional<ElanTabLayout> sniff(List<String> cells) {
        int start = -1;
        for (int i = 0; i < Math.min(3, cells.size()); i++) {
            if (TimeFormat.of(cells.get(i)).isPresent()) {
                start = i;
                break;
            }
        }
        if (start < 0) {
            return Optional.empty();
        }
        List<TimeFormat> formats = new ArrayList<>();
        for (int i = start; i < cells.size(); i++) {
            Optional<TimeFormat> f = TimeFormat.of(cells.get(i));
            if (f.isEmpty()
                    || (!formats.isEmpty()
                            && f.get().ordinal()
                                    <= formats.get(formats.size() - 1).ordinal())) {
                break;
            }
            formats.add(f.get());
        }
        int p = formats.size();
        int groups = 0;
        while (groups < 3 && matchesGroup(cells, start + groups * p, formats)) {
            groups++;
        }
        groups = Math.min(groups, (cells.size() - start - 1) / p);
        if (groups < 1) {
            return Optional.empty();
        }
        return Optional.of(new ElanTabLayout(start, formats, groups));
    }

    private static boolean matchesGroup(List<String> cells, int from, List<TimeFormat> formats) {
        if (from + formats.size() > cells.size()) {
            return false;
        }
        for (int k = 0; k < formats.size(); k++) {
            if (!formats.get(k).matches(cells.get(from + k))) {
                return false;
            }
        }
        return true;
    }
}
