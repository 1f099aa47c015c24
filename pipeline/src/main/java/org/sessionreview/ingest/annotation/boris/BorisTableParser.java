package org.sessionreview.ingest.annotation.boris;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sessionreview.ingest.annotation.DelimitedTable;
import org.sessionreview.ingest.annotation.InvalidRecordException;
import org.sessionreview.ingest.annotation.ParseSink;
import org.sessionreview.ingest.annotation.RawAnnotation;
import org.sessionreview.ingest.annotation.RecordFields;

/**
 * The table exports of BORIS (DOMAIN.md 1.3; BORIS {@code boris/export_observation.py}):
 * tabular events (one row per START, STOP or POINT; paired by {@link BorisBouts}), aggregated
 * events (one row per STATE or POINT bout), and the pre-v8 legacy tabular layout (a key/value
 * block, then a table whose status column is {@code Status}). Package-private; {@link
 * BorisParser} picks the layout.
 *
 * <p>Times: {@code Time}, {@code Start (s)} and {@code Stop (s)} are seconds on the observation
 * timeline and already include the observation's {@code Time offset (s)} (BORIS adds it at coding
 * time), so the offset column is not added again. Comments ({@code Comment}, {@code Comment
 * start}, {@code Comment stop}) become notes. Rows whose cells are all empty are not records.
 * BORIS writes times with a decimal point; in a table separated by {@code ;} or tabs (BORIS's own
 * TSV, or an export re-saved by a spreadsheet in a German or French locale, which also turns
 * {@code 100.250} into {@code 100,250}) a decimal comma is accepted too. In a comma-separated
 * table a comma can only be the separator, so there it is not.
 *
 * <p>Observation ids (which coders may fill with a client's name) only tell observations apart;
 * when a file holds several, records carry modifier {@code observation=<index>}, the
 * observation's 1-based index in file order.
 */
final class BorisTableParser {
    private BorisTableParser() {}

    /** Tabular events, BORIS 8+ ({@code Behavior type}) or legacy ({@code Status}). */
    static void parseEvents(
            List<DelimitedTable.Row> rows,
            int headerIndex,
            String legacyObservation,
            boolean decimalComma,
            ParseSink sink) {
        BorisHeader h = new BorisHeader(rows.get(headerIndex));
        String statusColumn = h.has("Behavior type") ? "Behavior type" : "Status";
        List<BorisEvent> events = new ArrayList<>();
        Map<String, Integer> observations = new HashMap<>();
        for (DelimitedTable.Row row : dataRows(rows, headerIndex)) {
            try {
                String behavior = required(h, row, "Behavior");
                String status = required(h, row, statusColumn).toUpperCase(Locale.ROOT);
                BorisEvent.Status s = switch (status) {
                    case "START" -> BorisEvent.Status.START;
                    case "STOP" -> BorisEvent.Status.STOP;
                    case "POINT" -> BorisEvent.Status.POINT;
                    default ->
                        throw new InvalidRecordException(
                                "unknown value in column " + statusColumn + "; expected START, STOP or POINT");
                };
                double time = RecordFields.parseTime("Time", h.get(row, "Time"), decimalComma);
                int observation = index(observations, observationId(h, row, legacyObservation));
                events.add(new BorisEvent(
                        time,
                        observation,
                        h.subject(row),
                        behavior,
                        h.modifiers(row),
                        h.pairingModifiers(row),
                        s,
                        h.note(row, "Comment"),
                        row.line(),
                        row.raw()));
            } catch (InvalidRecordException e) {
                sink.reject(row.line(), e.getMessage(), row.raw());
            }
        }
        BorisBouts.pair(events, observations.size() > 1, sink);
    }

    /** Aggregated events: one row per bout, {@code Behavior type} STATE or POINT. */
    static void parseAggregated(
            List<DelimitedTable.Row> rows,
            int headerIndex,
            String legacyObservation,
            boolean decimalComma,
            ParseSink sink) {
        BorisHeader h = new BorisHeader(rows.get(headerIndex));
        List<DelimitedTable.Row> data = dataRows(rows, headerIndex);
        Map<String, Integer> observations = new HashMap<>();
        for (DelimitedTable.Row row : data) {
            index(observations, observationId(h, row, legacyObservation));
        }
        boolean withObservation = observations.size() > 1;
        for (DelimitedTable.Row row : data) {
            try {
                int observation = observations.get(observationId(h, row, legacyObservation));
                sink.accept(aggregatedRow(h, row, withObservation ? observation : 0, decimalComma, sink.sourceFile()));
            } catch (InvalidRecordException e) {
                sink.reject(row.line(), e.getMessage(), row.raw());
            }
        }
    }

    /** The observation id of a row: used only to tell observations apart, never output. */
    private static String observationId(BorisHeader h, DelimitedTable.Row row, String legacyObservation) {
        return h.has("Observation id") ? h.get(row, "Observation id") : String.valueOf(legacyObservation);
    }

    /** The 1-based index of an observation id in file order, assigned on first sight. */
    private static int index(Map<String, Integer> observations, String id) {
        return observations.computeIfAbsent(id, k -> observations.size() + 1);
    }

    /** @param observation the observation's index to write as modifier, or 0 for none */
    private static RawAnnotation aggregatedRow(
            BorisHeader h, DelimitedTable.Row row, int observation, boolean decimalComma, String sourceFile)
            throws InvalidRecordException {
        String behavior = required(h, row, "Behavior");
        String type = required(h, row, "Behavior type").toUpperCase(Locale.ROOT);
        double start = RecordFields.parseTime("Start (s)", h.get(row, "Start (s)"), decimalComma);
        Double end = switch (type) {
            case "POINT" -> null;
            case "STATE" -> RecordFields.parseTime("Stop (s)", h.get(row, "Stop (s)"), decimalComma);
            default ->
                throw new InvalidRecordException("unknown value in column Behavior type; expected STATE or POINT");
        };
        RecordFields.checkInterval(start, end);
        RawAnnotation.Builder b = RawAnnotation.builder(sourceFile, row.line())
                .times(start, end)
                .label(behavior)
                .labelSource("column Behavior")
                .actorHint(h.subject(row))
                .actorSource("column Subject")
                .modifiers(h.modifiers(row))
                .note(h.note(row, "Comment start", "Comment stop"));
        if (observation > 0) {
            b.modifier("observation", Integer.toString(observation));
        }
        return b.build();
    }

    private static String required(BorisHeader h, DelimitedTable.Row row, String column) throws InvalidRecordException {
        String v = h.get(row, column);
        if (RecordFields.isMissing(v)) {
            throw new InvalidRecordException("missing required field '" + column + "'");
        }
        return v;
    }

    private static List<DelimitedTable.Row> dataRows(List<DelimitedTable.Row> rows, int headerIndex) {
        List<DelimitedTable.Row> out = new ArrayList<>();
        for (int i = headerIndex + 1; i < rows.size(); i++) {
            if (!rows.get(i).isBlank()) {
                out.add(rows.get(i));
            }
        }
        return out;
    }
}
