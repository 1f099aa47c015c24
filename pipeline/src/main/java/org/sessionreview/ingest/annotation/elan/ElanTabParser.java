package org.sessionreview.ingest.annotation.elan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sessionreview.ingest.ParseResult;
import org.sessionreview.ingest.annotation.AnnotationParser;
import org.sessionreview.ingest.annotation.DelimitedTable;
import org.sessionreview.ingest.annotation.InvalidRecordException;
import org.sessionreview.ingest.annotation.ParseSink;
import org.sessionreview.ingest.annotation.RawAnnotation;
import org.sessionreview.ingest.annotation.RecordFields;
import org.sessionreview.taxonomy.Actor;

/**
 * Parses ELAN's tab-delimited text export (and its CSV variant; DOMAIN.md 1.2), one annotation
 * per row, no header. The column layout is given ({@link #ElanTabParser(ElanTabLayout)}) or
 * sniffed from the first data row ({@link ElanTabLayout#sniff}).
 *
 * <p>Lines starting with {@code #} (the optional media header block, {@code #<url> -- offset:
 * <ms>}) and blank lines are skipped and are not records. Times are taken from the first format
 * of each group, as written: the export includes the master media offset only when "add master
 * media offset" was ticked, which the file does not record, so export with that option when the
 * media has an offset. When begin, end and duration are all present, a duration that differs from
 * end - begin by more than 1.5 ms rejects the row; two groups are begin and duration when most
 * rows' second time is before their first ({@link #beginAndDuration}). An annotation shorter than 100 ms, or a row
 * with a begin only, is a point event. The actor hint is the participant when it is a role name,
 * else the tier name (as for {@link ElanParser}). ss.msec times may carry a decimal comma (the
 * export re-saved by a spreadsheet in a German or French locale). SMPTE columns are skipped; an
 * export whose only times are SMPTE time codes has its rows rejected (the frame rate is not in
 * the file). "Separate column for each tier" exports (with a header row) are read by {@link
 * ElanTabColumns}. Rows of a tier named significance or intensity are modifiers of the coded row
 * containing them, not records ({@link ElanTabModifiers}), as in the {@code .eaf}. Rows of a tier
 * named as free text ({@link RecordFields#isFreeText}: {@code comment}, {@code Client notes}) are
 * not codes: those with a value are counted in one reject at line 0, worded as the {@code .eaf}'s
 * for an independent such tier (the export does not say which tier is dependent); one with an empty
 * value is no record (as an empty annotation of the {@code .eaf}: a transcript's empty segment), and
 * any other row of it that cannot be read is a reject at its line. Records come out in file order.
 */
public final class ElanTabParser implements AnnotationParser {
    private static final double DURATION_TOLERANCE_S = 0.0015;

    private final ElanTabLayout layout;

    /** A parser that sniffs the layout from the first data row. */
    public ElanTabParser() {
        this.layout = null;
    }

    /** A parser for a known layout. */
    public ElanTabParser(ElanTabLayout layout) {
        this.layout = layout;
    }

    /** The first row that is neither blank nor a {@code #} header line, if any. */
    static Optional<DelimitedTable.Row> firstDataRow(DelimitedTable table) {
        return table.rows().stream().filter(r -> !isSkipped(r)).findFirst();
    }

    /**
     * True when the text looks like an ELAN tab export: its first data row has a sniffable layout
     * with at least one hh:mm:ss.ms or ss.msec time.
     */
    public static boolean looksLikeExport(String text) {
        DelimitedTable table = table(text);
        if (ElanTabColumns.detect(table).isPresent()) {
            return true;
        }
        Optional<DelimitedTable.Row> first = firstDataRow(table);
        Optional<ElanTabLayout> layout =
                first.flatMap(r -> ElanTabLayout.sniff(r.cells(), dataRows(table), fileKeys(r, table)));
        if (layout.isEmpty()) {
            return false;
        }
        ElanTabLayout l = layout.get();
        if (l.formats().contains(ElanTabLayout.TimeFormat.CLOCK)
                || l.formats().contains(ElanTabLayout.TimeFormat.SECONDS)
                || l.formats().contains(ElanTabLayout.TimeFormat.SMPTE)) {
            return true;
        }
        // msec only: plain integers are common, so ask for begin and end and a value that is no number,
        // or for begins only (ELAN's export with "Begin Time" alone ticked) that read as times
        String value = first.get().cell(l.valueColumn()).trim();
        if (value.isEmpty() || value.matches("[-+0-9.,]+")) {
            return false;
        }
        return l.groups() >= 2
                || (tabsInFirstRow(text) >= 1 && beginsOnly(l, dataRows(table), fileKeys(first.get(), table)));
    }

    /**
     * Whether a msec layout of one group is ELAN's export with only "Begin Time" ticked: the
     * begins change within a tier as times do ({@link ElanTabLayout#changesLikeATime}) and never go
     * back within one, since ELAN writes each tier's annotations in time order (on the whole file
     * without a tier column), and one begin at least is 60 s or later (numbered lines, {@code 1 2 3},
     * or a headerless table of seconds are no milliseconds of a coded session). Before 2026-12-07 such an export was refused as an unrecognised format.
     */
    private static boolean beginsOnly(ElanTabLayout l, List<List<String>> rows, List<String> files) {
        int column = l.firstTimeColumn();
        if (l.groups() != 1 || !ElanTabLayout.changesLikeATime(rows, files, column)) {
            return false;
        }
        java.util.Map<String, Long> last = new java.util.HashMap<>();
        long latest = 0;
        for (int i = 0; i < rows.size(); i++) {
            List<String> r = rows.get(i);
            if (r.size() <= column || !ElanTabLayout.TimeFormat.MILLIS.matches(r.get(column))) {
                continue;
            }
            long t = Long.parseLong(r.get(column).trim());
            Long before = last.put(column == 0 ? files.get(i) : ElanTabLayout.tierKey(files, i, r), t);
            if (before != null && t < before) {
                return false;
            }
            latest = Math.max(latest, t);
        }
        // a coding whose every begin lies in its first minute is a numbered list (1, 2, 3 ...) or a
        // table of seconds without its header (12, 340, 1500, 3000 s: review of 2026-12-07), not
        // ELAN's milliseconds of a coded session
        return latest >= 60_000;
    }

    /**
     * The text as a table. ELAN writes its tab-delimited export without quoting (a transcript cell
     * may begin with a quotation mark), so a tab-separated file is read with no quote character;
     * the CSV variant, and a file re-saved by a spreadsheet, keep {@code "} quoting.
     */
    static DelimitedTable table(String text) {
        char separator = DelimitedTable.sniffSeparator(text);
        return separator == '\t' || tabsInFirstRow(text) >= 2
                ? DelimitedTable.readUnquoted(text, '\t')
                : DelimitedTable.read(text);
    }

    /**
     * Tabs in the first line that is neither blank nor a {@code #} header (or a multi-file export's
     * {@code "#file.eaf"} line): at least two make it the
     * tab export whatever else the line holds (a transcript value with more commas than the row
     * has tabs, "ja, ja, also, ich weiss nicht", would otherwise make the sniff pick commas).
     */
    private static long tabsInFirstRow(String text) {
        for (String line : text.split("\r\n|\r|\n", 50)) {
            String l = line.stripLeading();
            if (!line.isBlank() && !l.startsWith("#") && !l.startsWith("\"#")) {
                return line.chars().filter(c -> c == '\t').count();
            }
        }
        return 0;
    }

    /** {@link ElanTabFiles#fileKeys} with the value column the first data row {@code first} reads with. */
    private static List<String> fileKeys(DelimitedTable.Row first, DelimitedTable table) {
        int value = ElanTabLayout.sniff(first.cells())
                .map(ElanTabLayout::valueColumn)
                .orElse(Integer.MAX_VALUE - 2);
        return ElanTabFiles.fileKeys(table.rows(), value);
    }

    /** The cells of every row that is neither blank nor a {@code #} header line. */
    static List<List<String>> dataRows(DelimitedTable table) {
        return table.rows().stream()
                .filter(r -> !isSkipped(r))
                .map(DelimitedTable.Row::cells)
                .toList();
    }

    static boolean isSkipped(DelimitedTable.Row r) {
        return r.isBlank() || r.cell(0).startsWith("#") || ElanTabFiles.fileLine(r) != null;
    }

    @Override
    public ParseResult<RawAnnotation> parse(byte[] content, String sourceFile, String sessionId) {
        ParseSink sink = new ParseSink(sourceFile, sessionId);
        DelimitedTable table = table(RecordFields.utf8(content));
        ElanTabLayout l = layout;
        if (l == null) {
            Optional<DelimitedTable.Row> first = firstDataRow(table);
            Optional<ElanTabLayout> sniffed =
                    first.flatMap(r -> ElanTabLayout.sniff(r.cells(), dataRows(table), fileKeys(r, table)));
            if (sniffed.isEmpty() && ElanTabColumns.detect(table).isPresent()) {
                ElanTabColumns.parse(table, ElanTabColumns.detect(table).get(), sink);
                table.rejectFaults(sink);
                return sink.result();
            }
            if (sniffed.isEmpty()) {
                sink.reject(
                        first.map(DelimitedTable.Row::line).orElse(0L),
                        "not an ELAN tab-delimited export: no time columns (hh:mm:ss.ms, ss.msec or msec) found",
                        null);
                return sink.result();
            }
            l = beginAndDuration(sniffed.get(), table);
        }
        // file order: each row a record, a reject, or a modifier of the coded row containing it
        java.util.TreeMap<Long, Object> byLine = new java.util.TreeMap<>();
        ElanTabFiles files = new ElanTabFiles(table.rows(), l.valueColumn(), sessionId);
        files.skipped().forEach((line, reason) -> byLine.put(line, new Rejected(reason, null)));
        List<ElanTabModifiers.Modifier> modifiers = new ArrayList<>();
        List<ElanTabModifiers.Coded> coded = new ArrayList<>();
        FreeTextTiers free = new FreeTextTiers();
        for (DelimitedTable.Row row : table.rows()) {
            if (isSkipped(row) || !files.reads(row.line())) {
                continue;
            }
            String tier = l.leadingColumns() >= 1 ? row.cell(0).trim() : null;
            try {
                ElanTabModifiers.Coded c = record(l, row, sourceFile);
                if (RecordFields.isFreeText(tier)) {
                    // a note or transcript tier: not codes, counted in one line-0 note (as the
                    // .eaf's); a damaged or empty row of it stays a reject (review of 2026-12-07:
                    // such rows were neither accepted nor rejected)
                    free.add(tier, row.cell(l.valueColumn()));
                    continue;
                }
                String key = ElanTabModifiers.key(c.tier());
                if (key == null) {
                    coded.add(c);
                    byLine.put(row.line(), c);
                } else {
                    RawAnnotation r = c.builder().build();
                    modifiers.add(new ElanTabModifiers.Modifier(
                            row.line(), key, r.label(), c.begin(), c.end(), c.tier(), c.participant()));
                }
            } catch (InvalidRecordException e) {
                if (RecordFields.isFreeText(tier)
                        && row.cells().size() > l.valueColumn()
                        && row.cell(l.valueColumn()).isBlank()) {
                    continue; // an empty segment of a transcript or notes tier: no record, as in the .eaf
                }
                byLine.put(row.line(), new Rejected(e.getMessage(), row.raw()));
            }
        }
        for (ElanTabModifiers.Modifier m : ElanTabModifiers.attach(modifiers, coded)) {
            byLine.put(
                    m.line(),
                    new Rejected(
                            "modifier row (a tier named " + m.key()
                                    + "): no one coded annotation of the file contains it",
                            null));
        }
        byLine.forEach((line, o) -> {
            if (o instanceof ElanTabModifiers.Coded c) {
                sink.accept(c.builder().build());
            } else {
                Rejected r = (Rejected) o;
                sink.reject(line, r.reason(), r.raw());
            }
        });
        free.reject(sink);
        table.rejectFaults(sink);
        return sink.result();
    }

    /** A row rejected: why, and its cells for the reject's raw text. */
    private record Rejected(String reason, String raw) {}

    private static ElanTabModifiers.Coded record(ElanTabLayout l, DelimitedTable.Row row, String sourceFile)
            throws InvalidRecordException {
        if (row.cells().size() <= l.valueColumn()) {
            throw new InvalidRecordException(
                    "row has " + row.cells().size() + " cells; the layout needs at least " + (l.valueColumn() + 1));
        }
        double[] t = times(l, row);
        Double end = Double.isNaN(t[1]) ? null : t[1];
        if (end != null && end - t[0] < ElanParser.POINT_MAX_DURATION_MS / 1000.0) {
            end = null;
        }
        String value = row.cell(l.valueColumn()).trim();
        if (value.isEmpty()) {
            throw new InvalidRecordException("empty annotation value");
        }
        String tier = l.leadingColumns() >= 1 ? row.cell(0).trim() : null;
        String participant = l.leadingColumns() == 2 ? row.cell(1).trim() : null;
        String hint = participant != null && Actor.parse(participant).isPresent() ? participant : tier;
        RawAnnotation.Builder b = RawAnnotation.builder(sourceFile, row.line())
                .times(t[0], end)
                .label(value)
                .labelSource("the annotation value column")
                .actorHint(hint)
                .altActorHints(ElanParser.actorAlternatives(tier, participant))
                .actorSource(RawAnnotation.TIER);
        return new ElanTabModifiers.Coded(b, t[0], Double.isNaN(t[1]) ? t[0] : t[1], tier, participant);
    }

    /**
     * {@code l}, or with two time groups that are begin and duration when most rows' second time is
     * before their first: ELAN never writes an end before its begin, so the export had "Begin Time"
     * and "Duration" ticked and "End Time" not. Decided once for the file, from all its rows; one
     * odd row of a begin/end export is that row's reject (a file whose durations mostly exceed their
     * begins, its annotations in the first seconds, is read as begin and end).
     */
    static ElanTabLayout beginAndDuration(ElanTabLayout l, DelimitedTable table) {
        if (l.groups() != 2 || l.formats().get(0) == ElanTabLayout.TimeFormat.SMPTE) {
            return l;
        }
        int earlier = 0;
        int later = 0;
        for (DelimitedTable.Row row : table.rows()) {
            if (isSkipped(row)) {
                continue;
            }
            try {
                double b = time(l.formats().get(0), "begin", row.cell(l.firstTimeColumn()));
                double second = time(
                        l.formats().get(0),
                        "end",
                        row.cell(l.firstTimeColumn() + l.formats().size()));
                if (second < b - DURATION_TOLERANCE_S) {
                    earlier++;
                } else {
                    later++;
                }
            } catch (InvalidRecordException e) {
                // a damaged row is rejected when it is read
            }
        }
        // most rows: one damaged or hand-edited row of a begin/end export stays that row's reject
        return earlier > later ? l.withDurationSecond() : l;
    }

    /**
     * Begin and end (NaN when the layout has no end) of a row, in seconds, read from the first
     * format of each time group; checks the interval and, when present, the duration.
     */
    static double[] times(ElanTabLayout l, DelimitedTable.Row row) throws InvalidRecordException {
        if (l.durationSecond()) {
            int p = l.formats().size();
            double begin = time(l.formats().get(0), "begin", row.cell(l.firstTimeColumn()));
            double duration = time(l.formats().get(0), "duration", row.cell(l.firstTimeColumn() + p));
            RecordFields.checkInterval(begin, begin + duration);
            return new double[] {begin, begin + duration};
        }
        String[] names = {"begin", "end", "duration"};
        double[] t = new double[l.groups()];
        for (int g = 0; g < l.groups(); g++) {
            t[g] = time(
                    l.formats().get(0),
                    names[g],
                    row.cell(l.firstTimeColumn() + g * l.formats().size()));
        }
        Double end = l.groups() >= 2 ? t[1] : null;
        RecordFields.checkInterval(t[0], end);
        if (l.groups() == 3 && Math.abs(t[2] - (t[1] - t[0])) > DURATION_TOLERANCE_S) {
            throw new InvalidRecordException("duration " + t[2] + " does not match end - begin " + (t[1] - t[0]));
        }
        return new double[] {t[0], end == null ? Double.NaN : end};
    }

    private static double time(ElanTabLayout.TimeFormat format, String field, String text)
            throws InvalidRecordException {
        if (!format.matches(text)) {
            throw new InvalidRecordException("field " + field + " is not in the " + format + " format");
        }
        return switch (format) {
            case CLOCK -> RecordFields.parseClock(field, text);
            case SECONDS -> RecordFields.parseSeconds(field, text.trim().replace(',', '.'));
            case MILLIS -> Long.parseLong(text.trim()) / 1000.0;
            case SMPTE ->
                throw new InvalidRecordException("field " + field + " is an SMPTE time code (hh:mm:ss:ff) and the"
                        + " export does not state its frame rate: export hh:mm:ss.ms, ss.msec or msec times as well");
        };
    }
}
