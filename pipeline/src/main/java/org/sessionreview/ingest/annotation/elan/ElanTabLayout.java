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
 * @param groups time groups present: 1 = begin, 2 = begin and end (or begin and duration, see
 *     {@code durationSecond}), 3 = begin, end and duration
 * @param durationSecond with two groups: the second is the duration, not the end (the export's
 *     "Begin Time" and "Duration" ticked, "End Time" not; {@link ElanTabParser} decides it per file)
 */
public record ElanTabLayout(int leadingColumns, List<TimeFormat> formats, int groups, boolean durationSecond) {
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
        if (leadingColumns < 0
                || leadingColumns > 2
                || formats.isEmpty()
                || groups < 1
                || groups > 3
                || (durationSecond && groups != 2)) {
            throw new IllegalArgumentException(
                    "invalid ELAN tab layout: " + leadingColumns + " leading columns, " + formats + " formats, "
                            + groups + " time groups" + (durationSecond ? ", begin and duration" : ""));
        }
    }

    /** Begin[, end[, duration]] groups. */
    public ElanTabLayout(int leadingColumns, List<TimeFormat> formats, int groups) {
        this(leadingColumns, formats, groups, false);
    }

    /** This layout with begin and duration as its two groups. */
    ElanTabLayout withDurationSecond() {
        return new ElanTabLayout(leadingColumns, formats, groups, true);
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
     * Infers the layout from one data row. Each of the first three cells that holds a time may
     * start the times; from there the first group is the run of formats in ELAN's order, and the
     * groups are the repetitions of that run (at most 3), leaving at least one cell for the value.
     * Of these candidates the one whose value cell is no time wins, then one whose times make sense
     * (a duration of three groups equal to end - begin, an end of two not before the begin), then
     * one with an hh:mm:ss.ms or ss.msec time, then the earliest: a participant written as a number ({@code 101}) looks like a
     * msec time but is followed by the real times. Assumes the groups present are begin[, end[,
     * duration]]; {@link ElanTabParser} tells begin and duration apart from begin and end. Empty
     * when the row has no such structure.
     */
    public static Optional<ElanTabLayout> sniff(List<String> cells) {
        ElanTabLayout best = null;
        int bestScore = -1;
        for (int start = 0; start < Math.min(3, cells.size()); start++) {
            ElanTabLayout c = from(cells, start);
            if (c == null) {
                continue;
            }
            int score = (TimeFormat.of(cells.get(c.valueColumn())).isEmpty() ? 4 : 0)
                    + (consistent(c, cells) ? 2 : 0)
                    + (c.formats().contains(TimeFormat.CLOCK) || c.formats().contains(TimeFormat.SECONDS) ? 1 : 0);
            if (score > bestScore) {
                best = c;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * {@link #sniff(List)} on the file's first data row, checked against all its data rows: a
     * msec-only export with "Begin Time" and "Duration" ticked ({@code Client 190000 25000 CODE})
     * reads on its first row like a tier, a numeric participant and one begin, since the row's
     * second time is before its first. A participant (or a tier) is a name: a numeric cell taken
     * for one that changes within a tier (or, without a tier column, takes a new value on more than
     * half of at least four rows) is the begin time, and the layout starts there (thirteenth audit:
     * such exports were refused as an unrecognised format; DOMAIN.md 1.2, README "ELAN
     * Export"). The other way round, a msec begin that keeps one value within each tier (in a tier
     * of two or more rows) is a numeric participant, and the times start after it.
     *
     * Tiers are told apart within each file of a multi-file export ({@code files}): files made
     * from one template share tier names but each has its own participant (review of 2026-12-07:
     * grouping by tier alone took such a participant column for a begin time and lost the
     * session's own rows).
     *
     * @param first the first data row's cells
     * @param rows every data row's cells (blank and {@code #} header rows left out)
     * @param files the file each of {@code rows} belongs to ({@link ElanTabFiles#fileKeys}; "" for none)
     */
    public static Optional<ElanTabLayout> sniff(List<String> first, List<List<String>> rows, List<String> files) {
        Optional<ElanTabLayout> row = sniff(first);
        if (row.isEmpty()) {
            return row;
        }
        ElanTabLayout l = row.get();
        int name = l.leadingColumns() - 1;
        if (name >= 0 && TimeFormat.MILLIS.matches(first.get(name)) && changesLikeATime(rows, files, name)) {
            ElanTabLayout earlier = from(first, name);
            // numeric tier names (1, 2, 3, 4) before msec begin and end: read as begin, end and
            // duration, no row's duration would be its end - begin
            return earlier == null || neverConsistent(rows, earlier) ? row : Optional.of(earlier);
        }
        if (name >= 0
                && l.groups() == 1
                && l.formats().equals(List.of(TimeFormat.MILLIS))
                && TimeFormat.MILLIS.matches(first.get(name))
                && everySecondBeforeFirst(rows, name)
                && noValueRepeats(rows, files, name)) {
            // a name column of numbers and a msec begin only (an export not recognised): with too few
            // rows to see the name change (under four, or one row a tier) it is the begin of a begin
            // and a duration, the duration always before it; a value repeated within a tier is a
            // name's (review of 2026-12-07: participant 9000 with begins 230 and 500 was read as
            // begins at 9.0 s)
            ElanTabLayout earlier = from(first, name);
            if (earlier != null && earlier.groups() == 2) {
                return Optional.of(earlier);
            }
        }
        int begin = l.firstTimeColumn();
        if (l.formats().get(0) == TimeFormat.MILLIS
                && begin > 0
                && begin + 1 < first.size()
                && (constantLikeAName(rows, files, begin) || neverConsistent(rows, l))) {
            // tier, numeric participant (101), msec begin and duration: the first row reads as
            // begin 101 ms, end and a duration that disagrees
            ElanTabLayout later = from(first, begin + 1);
            return later == null ? row : Optional.of(later);
        }
        return row;
    }

    /**
     * Whether a msec layout of begin, end and duration has no row whose duration is its end -
     * begin: ELAN always writes them so, and a numeric participant read as the begin makes every
     * row disagree. This tells the participant where no tier has two rows to show it keeping its
     * value (each tier one annotation; before 2026-12-07 every row was a reject "duration ...
     * does not match").
     */
    private static boolean neverConsistent(List<List<String>> rows, ElanTabLayout l) {
        if (l.groups() != 3 || l.formats().size() != 1) {
            return false;
        }
        int checked = 0;
        for (List<String> r : rows) {
            if (r.size() > l.valueColumn()
                    && matchesGroup(r, l.firstTimeColumn(), l.formats())
                    && matchesGroup(r, l.firstTimeColumn() + 1, l.formats())
                    && matchesGroup(r, l.firstTimeColumn() + 2, l.formats())) {
                if (consistent(l, r)) {
                    return false;
                }
                checked++;
            }
        }
        return checked > 0;
    }

    /** Whether every row's msec number after {@code column} is smaller than the one in it (at least one row). */
    private static boolean everySecondBeforeFirst(List<List<String>> rows, int column) {
        int checked = 0;
        for (List<String> r : rows) {
            if (r.size() > column + 1
                    && TimeFormat.MILLIS.matches(r.get(column))
                    && TimeFormat.MILLIS.matches(r.get(column + 1))) {
                if (Long.parseLong(r.get(column + 1).trim())
                        >= Long.parseLong(r.get(column).trim())) {
                    return false;
                }
                checked++;
            }
        }
        return checked > 0;
    }

    /**
     * Whether no value of a column comes twice within one tier of one file (the cells before it and
     * {@code files}; blank cells aside). Without a tier column nothing is told: annotations of
     * several tiers may start together (child tiers share their parent's times), so a repeated
     * begin is no name there.
     */
    private static boolean noValueRepeats(List<List<String>> rows, List<String> files, int column) {
        if (column == 0) {
            return true;
        }
        java.util.Set<List<String>> seen = new java.util.HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            List<String> r = rows.get(i);
            if (r.size() > column
                    && !r.get(column).isBlank()
                    && !seen.add(List.of(
                            files.get(i),
                            String.join("\t", r.subList(0, column)),
                            r.get(column).trim()))) {
                return false;
            }
        }
        return true;
    }

    /** Whether a column keeps one value within each tier, as a participant does, in some tier of two or more rows. */
    private static boolean constantLikeAName(List<List<String>> rows, List<String> files, int column) {
        java.util.Map<String, String> perTier = new java.util.HashMap<>();
        boolean repeated = false;
        for (int i = 0; i < rows.size(); i++) {
            List<String> r = rows.get(i);
            if (r.size() <= column) {
                continue;
            }
            String before =
                    perTier.putIfAbsent(tierKey(files, i, r), r.get(column).trim());
            if (before != null) {
                if (!before.equals(r.get(column).trim())) {
                    return false;
                }
                repeated = true;
            }
        }
        return repeated;
    }

    /** Whether a column of numbers changes as times do, not as a tier's or participant's name. */
    static boolean changesLikeATime(List<List<String>> rows, List<String> files, int column) {
        java.util.Map<String, String> perTier = new java.util.HashMap<>();
        java.util.Set<String> values = new java.util.HashSet<>();
        int n = 0;
        for (int i = 0; i < rows.size(); i++) {
            List<String> r = rows.get(i);
            if (r.size() <= column) {
                continue;
            }
            String v = r.get(column).trim();
            values.add(v);
            n++;
            if (column > 0) {
                String before = perTier.putIfAbsent(tierKey(files, i, r), v);
                if (before != null && !before.equals(v)) {
                    return true;
                }
            }
        }
        return column == 0 && n >= 4 && values.size() * 2 > n;
    }

    /** The tier of row {@code i} within its file. */
    static String tierKey(List<String> files, int i, List<String> row) {
        return files.get(i) + '\u0000' + row.get(0).trim();
    }

    /**
     * Whether the row's times make sense under the layout: three groups, the duration is end -
     * begin; two, the end is not before the begin; one, always.
     */
    private static boolean consistent(ElanTabLayout l, List<String> cells) {
        if (l.groups() < 2) {
            return true;
        }
        int p = l.formats().size();
        double b = seconds(l.formats().get(0), cells.get(l.firstTimeColumn()));
        double e = seconds(l.formats().get(0), cells.get(l.firstTimeColumn() + p));
        if (Double.isNaN(b)) {
            return true;
        }
        if (l.groups() == 2) {
            return e >= b;
        }
        double d = seconds(l.formats().get(0), cells.get(l.firstTimeColumn() + 2 * p));
        return Math.abs(d - (e - b)) <= 0.0015;
    }

    /** A cell of a time format in seconds; NaN for SMPTE. */
    private static double seconds(TimeFormat f, String cell) {
        String t = cell.trim();
        return switch (f) {
            case CLOCK ->
                Integer.parseInt(t.substring(0, 2)) * 3600.0
                        + Integer.parseInt(t.substring(3, 5)) * 60.0
                        + Double.parseDouble(t.substring(6));
            case SECONDS -> Double.parseDouble(t.replace(',', '.'));
            case MILLIS -> Long.parseLong(t) / 1000.0;
            case SMPTE -> Double.NaN;
        };
    }

    /** The layout whose times start at {@code start}, or null. */
    private static ElanTabLayout from(List<String> cells, int start) {
        if (start > 2
                || start >= cells.size()
                || TimeFormat.of(cells.get(start)).isEmpty()) {
            // at most a tier and a participant lead (review of 2026-12-07: a begin that keeps its
            // value in a tier, after a tier and a participant, asked for a third leading column)
            return null;
        }
        for (int i = 0; i < start; i++) {
            Optional<TimeFormat> f = TimeFormat.of(cells.get(i));
            if (f.isPresent() && f.get() != TimeFormat.MILLIS) {
                return null; // a tier or participant is no hh:mm:ss.ms or ss.msec time; a number may be a participant
            }
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
        return groups < 1 ? null : new ElanTabLayout(start, formats, groups);
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
