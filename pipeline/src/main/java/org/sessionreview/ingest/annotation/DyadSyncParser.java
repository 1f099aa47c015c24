package org.sessionreview.ingest.annotation;

import java.util.List;
import java.util.Locale;
import org.sessionreview.ingest.ParseResult;

/**
 * DyadSync-style coding tables (kleinbub/DyadSync {@code inst/extdata/IM/}; DOMAIN.md 1.4): a
 * header row, {@code ;}-separated (any sniffed separator works), {@code start} and {@code end} as
 * clock times {@code mm:ss} (or {@code hh:mm:ss[.fff]}) or seconds from media start, and a label column,
 * {@code tipo} by default (the Innovative Moments type: reflection, action, protest, ...).
 *
 * <p>Column sets vary between files: every other column becomes a modifier ({@code livello},
 * {@code grado}, {@code parole}, ...), except free-text columns ({@code note}, {@link
 * RecordFields#isFreeText}), which become the note. Blank rows are skipped; a row whose times do
 * not parse, whose end is before its start, or whose label is empty is rejected. Records come out
 * in file order; the actor hint is the {@code actor} column (or one other name for it: {@code
 * role}, {@code speaker}, ...), else null (the codebook's labels decide, and the code's default
 * actor applies).
 */
public final class DyadSyncParser implements AnnotationParser {
    /** The default label column: the Innovative Moments type. */
    public static final String DEFAULT_LABEL_COLUMN = "tipo";

    private final String labelColumn;

    /** A parser using the {@value #DEFAULT_LABEL_COLUMN} column as label. */
    public DyadSyncParser() {
        this(DEFAULT_LABEL_COLUMN);
    }

    /** A parser using {@code labelColumn} (case-insensitive) as label. */
    public DyadSyncParser(String labelColumn) {
        this.labelColumn = labelColumn.trim().toLowerCase(Locale.ROOT);
    }

    /** True when a header (trimmed, lower-cased cells) has start, end and the default label column. */
    public static boolean looksLikeHeader(List<String> header) {
        return header.contains("start") && header.contains("end") && header.contains(DEFAULT_LABEL_COLUMN);
    }

    @Override
    public ParseResult<RawAnnotation> parse(byte[] content, String sourceFile, String sessionId) {
        ParseSink sink = new ParseSink(sourceFile, sessionId);
        DelimitedTable table = DelimitedTable.read(RecordFields.utf8(content));
        List<String> header = null;
        RecordFields.Decimals decimals = RecordFields.Decimals.POINT;
        for (int i = 0; i < table.rows().size(); i++) {
            DelimitedTable.Row row = table.rows().get(i);
            if (row.isBlank()) {
                continue;
            }
            if (header == null) {
                header = row.cells().stream()
                        .map(c -> c.trim().toLowerCase(Locale.ROOT))
                        .toList();
                if (!header.contains("start") || !header.contains("end") || !header.contains(labelColumn)) {
                    sink.reject(
                            row.line(),
                            "DyadSync header must name 'start', 'end' and '" + labelColumn + "'; found "
                                    + row.cells().size() + " columns without them",
                            row.raw());
                    return sink.result();
                }
                decimals = RecordFields.decimals(table.separator(), table.cellsBelow(i));
                continue;
            }
            try {
                sink.accept(record(header, row, sourceFile, decimals));
            } catch (InvalidRecordException e) {
                sink.reject(row.line(), e.getMessage(), row.raw());
            }
        }
        table.rejectFaults(sink);
        return sink.result();
    }

    private RawAnnotation record(
            List<String> header, DelimitedTable.Row row, String sourceFile, RecordFields.Decimals decimals)
            throws InvalidRecordException {
        if (row.cells().size() > header.size()) {
            // a cell without a column name: what it holds is unknown (as a native CSV row)
            throw new InvalidRecordException(
                    "row has " + row.cells().size() + " cells but the header has " + header.size());
        }
        String label = row.cell(header.indexOf(labelColumn)).trim();
        if (label.isEmpty()) {
            throw new InvalidRecordException("missing required field '" + labelColumn + "'");
        }
        double start = time("start", row.cell(header.indexOf("start")), decimals);
        double end = time("end", row.cell(header.indexOf("end")), decimals);
        RecordFields.checkInterval(start, end);
        int actor = actorColumn(header);
        RawAnnotation.Builder b = RawAnnotation.builder(sourceFile, row.line())
                .times(start, end)
                .label(label)
                .labelSource("column " + labelColumn);
        if (actor >= 0) {
            b.actorHint(row.cell(actor)).actorSource("column " + header.get(actor));
        }
        for (int c = 0; c < header.size(); c++) {
            String key = header.get(c);
            if (key.equals("start") || key.equals("end") || key.equals(labelColumn) || c == actor) {
                continue;
            }
            if (RecordFields.isFreeText(key)) {
                b.note(row.cell(c));
            } else {
                b.modifier(key, row.cell(c));
            }
        }
        return b.build();
    }

    /** A dotted {@code mm.ss} time, which DyadSync's own helpers also write: 9.4 s or 09:40? */
    private static final java.util.regex.Pattern DOTTED = java.util.regex.Pattern.compile("\\d{1,2}\\.\\d{2}");

    /**
     * A start or end: a clock time ({@code mm:ss}, {@code hh:mm:ss[.fff]}) or, as DyadSync's
     * {@code readCategories} also takes, a number of seconds ({@code 465}, {@code 465.5}, a decimal
     * comma in a table not separated by commas); a dotted {@code mm.ss} ({@code 09.40}) is refused
     * as ambiguous rather than read as 9.4 s.
     */
    private static double time(String field, String text, RecordFields.Decimals decimals)
            throws InvalidRecordException {
        if (text != null && DOTTED.matcher(text.trim()).matches()) {
            throw new InvalidRecordException("field " + field + " '" + text.trim()
                    + "' is ambiguous (mm.ss or seconds?): write mm:ss or whole seconds");
        }
        return RecordFields.parseTime(field, text, decimals);
    }

    /**
     * The column naming the actor: {@code actor}, else one other name for it ({@code role},
     * {@code speaker}, {@code subject}, {@code participant}; {@link NativeFieldNames}); -1 when
     * there is none or several other names.
     */
    private static int actorColumn(List<String> header) {
        if (header.contains("actor")) {
            return header.indexOf("actor");
        }
        int found = -1;
        for (int c = 0; c < header.size(); c++) {
            boolean actor = NativeFieldNames.of(header.get(c))
                    .filter(f -> f.name().equals("actor"))
                    .isPresent();
            if (actor) {
                if (found >= 0) {
                    return -1;
                }
                found = c;
            }
        }
        return found;
    }
}
