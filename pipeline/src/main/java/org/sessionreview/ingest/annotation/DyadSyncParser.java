package org.sessionreview.ingest.annotation;

import java.util.List;
import java.util.Locale;
import org.sessionreview.ingest.ParseResult;

/**
 * DyadSync-style coding tables (kleinbub/DyadSync {@code inst/extdata/IM/}; DOMAIN.md 1.4): a
 * header row, {@code ;}-separated (any sniffed separator works), {@code start} and {@code end} as
 * clock times {@code mm:ss} (or {@code hh:mm:ss[.fff]}) from media start, and a label column,
 * {@code tipo} by default (the Innovative Moments type: reflection, action, protest, ...).
 *
 * <p>Column sets vary between files: every other column becomes a modifier ({@code livello},
 * {@code grado}, {@code parole}, ...), except free-text columns ({@code note}, {@link
 * RecordFields#isFreeText}), which become the note. Blank rows are skipped; a row whose times do
 * not parse, whose end is before its start, or whose label is empty is rejected. Records come out
 * in file order; the actor hint is null (the codebook's labels decide, and the code's default
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
        for (DelimitedTable.Row row : table.rows()) {
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
                continue;
            }
            try {
                sink.accept(record(header, row, sourceFile));
            } catch (InvalidRecordException e) {
                sink.reject(row.line(), e.getMessage(), row.raw());
            }
        }
        if (table.error() != null) {
            sink.reject(table.error().line(), table.error().cell(0), null);
        }
        return sink.result();
    }

    private RawAnnotation record(List<String> header, DelimitedTable.Row row, String sourceFile)
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
        double start = RecordFields.parseClock("start", row.cell(header.indexOf("start")));
        double end = RecordFields.parseClock("end", row.cell(header.indexOf("end")));
        RecordFields.checkInterval(start, end);
        RawAnnotation.Builder b = RawAnnotation.builder(sourceFile, row.line())
                .times(start, end)
                .label(label)
                .labelSource("column " + labelColumn);
        for (int c = 0; c < header.size(); c++) {
            String key = header.get(c);
            if (key.equals("start") || key.equals("end") || key.equals(labelColumn)) {
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
}
