package org.sessionreview.ingest.annotation.boris;

import java.util.List;
import java.util.Optional;
import org.sessionreview.ingest.ParseResult;
import org.sessionreview.ingest.annotation.AnnotationParser;
import org.sessionreview.ingest.annotation.DelimitedTable;
import org.sessionreview.ingest.annotation.ParseSink;
import org.sessionreview.ingest.annotation.RawAnnotation;
import org.sessionreview.ingest.annotation.RecordFields;

/**
 * Parses BORIS files (Behavioral Observation Research Interactive Software, olivierfriard/BORIS
 * v7-v9; source {@code boris/export_observation.py}; DOMAIN.md 1.3), choosing the layout from the
 * content ({@link #detectLayout(String)}):
 *
 * <ul>
 *   <li>{@link BorisLayout#TABULAR_EVENTS} and {@link BorisLayout#LEGACY_TABULAR_EVENTS}: START
 *       and STOP rows are paired per (observation, subject, behaviour, modifiers) in time order;
 *       one bout is one record (see {@code BorisBouts}); POINT rows are point events.
 *   <li>{@link BorisLayout#AGGREGATED_EVENTS} (and legacy aggregated): one record per row; STATE
 *       rows give {@code Start (s)}-{@code Stop (s)}, POINT rows a point at {@code Start (s)}.
 *   <li>{@link BorisLayout#PROJECT}: the {@code .boris} JSON; of several observations only the
 *       session's is read ({@link BorisObservations}; the same for the table exports), and when
 *       more than one is read they are tagged with modifier {@code observation}.
 * </ul>
 *
 * <p>Tables may be tab-, comma- or semicolon-separated (sniffed) with LF or CRLF line endings.
 * Times are seconds on the observation timeline and <b>already include</b> the observation's time
 * offset ({@code Time offset (s)}), which BORIS adds at coding time: it is never added again. The
 * actor hint is the subject (null for "No focal subject"); modifiers are {@code modifier_n} in
 * exports (a codebook can rename them, e.g. to {@code significance}); comments become notes;
 * the independent variables and media columns are ignored.
 *
 * <p>Accepted records of the event layouts come out in time order; the aggregated layout keeps
 * file order. A file that is not BORIS gives one reject.
 */
public final class BorisParser implements AnnotationParser {

    /** A table layout and the index (in {@link DelimitedTable#rows()}) of its header row. */
    private record TableLayout(BorisLayout layout, int headerIndex, String legacyObservation) {}

    @Override
    public ParseResult<RawAnnotation> parse(byte[] content, String sourceFile, String sessionId) {
        ParseSink sink = new ParseSink(sourceFile, sessionId);
        String text = RecordFields.utf8(content);
        if (text.stripLeading().startsWith("{")) {
            BorisProjectParser.parse(text, sink, sessionId);
            return sink.result();
        }
        DelimitedTable table = DelimitedTable.read(text);
        Optional<TableLayout> layout = tableLayout(table.rows());
        if (layout.isEmpty()) {
            long line = table.rows().stream()
                    .filter(r -> !r.isBlank())
                    .findFirst()
                    .map(DelimitedTable.Row::line)
                    .orElse(0L);
            sink.reject(
                    line,
                    "not a BORIS export: expected a header starting with 'Observation id' and naming "
                            + "'Behavior type' and 'Time', or 'Start (s)', or a legacy 'Status' table",
                    null);
            return sink.result();
        }
        TableLayout l = layout.get();
        BorisHeader header = new BorisHeader(table.rows().get(l.headerIndex()));
        if (l.layout() == BorisLayout.TABULAR_EVENTS && !header.has("Behavior type") && !header.has("Status")) {
            for (int i = l.headerIndex() + 1; i < table.rows().size(); i++) {
                DelimitedTable.Row row = table.rows().get(i);
                if (!row.isBlank()) {
                    sink.reject(
                            row.line(),
                            "a BORIS events export without its 'Behavior type' column (START, STOP or POINT):"
                                    + " its rows cannot be paired into events; export the events again with every"
                                    + " column",
                            row.raw());
                }
            }
            table.rejectFaults(sink);
            return sink.result();
        }
        RecordFields.Decimals decimals = RecordFields.decimals(table.separator(), table.cellsBelow(l.headerIndex()));
        switch (l.layout()) {
            case TABULAR_EVENTS, LEGACY_TABULAR_EVENTS ->
                BorisTableParser.parseEvents(table.rows(), l.headerIndex(), l.legacyObservation(), decimals, sink);
            case AGGREGATED_EVENTS, LEGACY_AGGREGATED_EVENTS ->
                BorisTableParser.parseAggregated(table.rows(), l.headerIndex(), l.legacyObservation(), decimals, sink);
            default -> throw new IllegalStateException(l.layout().name());
        }
        table.rejectFaults(sink);
        return sink.result();
    }

    /**
     * The BORIS layout of a file's text, or empty when it is not a BORIS file. A project is JSON
     * with a {@code behaviors_conf} or {@code observations} key near the top; a table's first
     * non-blank row starts with {@code Observation id}: followed by {@code Observation date} it is a
     * BORIS 8+ export (aggregated when it names {@code Start (s)}, tabular when it names {@code
     * Behavior type} and {@code Time}); otherwise it is the legacy key/value block, and the table
     * below it is found by its {@code Status} (tabular) or {@code Start (s)} (aggregated) column.
     */
    public static Optional<BorisLayout> detectLayout(String text) {
        String t = text.stripLeading();
        if (t.startsWith("{")) {
            return t.contains("\"behaviors_conf\"") || t.contains("\"observations\"")
                    ? Optional.of(BorisLayout.PROJECT)
                    : Optional.empty();
        }
        return tableLayout(DelimitedTable.read(t).rows()).map(TableLayout::layout);
    }

    private static Optional<TableLayout> tableLayout(List<DelimitedTable.Row> rows) {
        int first = 0;
        while (first < rows.size() && rows.get(first).isBlank()) {
            first++;
        }
        if (first == rows.size()) {
            return Optional.empty();
        }
        BorisHeader h = new BorisHeader(rows.get(first));
        if (!rows.get(first).cell(0).trim().equalsIgnoreCase("Observation id")) {
            // an events export whose leading columns were deleted in a spreadsheet: its START and
            // STOP rows still pair into bouts (read as a native table, each row was a point)
            return h.has("Behavior type") && h.has("Time") && h.has("Behavior") && !h.has("Start (s)")
                    ? Optional.of(new TableLayout(BorisLayout.TABULAR_EVENTS, first, null))
                    : Optional.empty();
        }
        if (h.has("Start (s)") && h.has("Behavior")) {
            return Optional.of(new TableLayout(BorisLayout.AGGREGATED_EVENTS, first, null));
        }
        if (rows.get(first).cell(1).trim().equalsIgnoreCase("Observation date")) {
            // an events export whose Behavior type column was deleted is still BORIS's (read as a
            // native table its START and STOP rows were two events each); parse() rejects its rows
            return h.has("Time") && h.has("Behavior")
                    ? Optional.of(new TableLayout(BorisLayout.TABULAR_EVENTS, first, null))
                    : Optional.empty();
        }
        String observation = rows.get(first).cell(1).trim();
        for (int i = first + 1; i < rows.size(); i++) {
            BorisHeader candidate = new BorisHeader(rows.get(i));
            if (candidate.has("Status") && candidate.has("Time") && candidate.has("Behavior")) {
                return Optional.of(new TableLayout(BorisLayout.LEGACY_TABULAR_EVENTS, i, observation));
            }
            if (candidate.has("Start (s)") && candidate.has("Behavior")) {
                return Optional.of(new TableLayout(BorisLayout.LEGACY_AGGREGATED_EVENTS, i, observation));
            }
        }
        return Optional.empty();
    }
}
