package org.sessionreview.ingest.annotation.boris;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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
 */
final class BorisTableParser {
    private BorisTableParser() {}

    /** Tabular events, BORIS 8+ ({@code Behavior type}) or legacy ({@code Status}). */
    static void parseEvents(List<DelimitedTable.Row> rows, int headerIndex, String legacyObservation, ParseSink sink) {
        BorisHeader h = new BorisHeader(rows.get(headerIndex));
        String statusColumn = h.has("Behavior type") ? "Behavior type" : "Status";
        List<BorisEvent> events = new ArrayList<>();
        Set<String> observations = new LinkedHashSet<>();
        for (DelimitedTable.Row row : dataRows(rows, headerIndex)) {
            try {
                String observation = h.has("Observation id") ? h.get(row, "Observation id") : legacyObservation;
                String behavior = required(h, row, "Behavior");
                String status = required(h, row, statusColumn).toUpperCase(Locale.ROOT);
                BorisEvent.Status s = switch (status) {
                    case "START" -> BorisEvent.Status.START;
                    case "STOP" -> BorisEvent.Status.STOP;
                    case "POINT" -> BorisEvent.Status.POINT;
                    default -> throw new InvalidRecordException("unknown " + statusColumn + " '"
                            + h.get(row, statusColumn) + "'; expected START, STOP or POINT");
                };
                double time = RecordFields.parseSeconds("Time", h.get(row, "Time"));
                observations.add(String.valueOf(observation));
                events.add(new BorisEvent(time, observation, h.subject(row), behavior, h.modifiers(row),
                        h.pairingModifiers(row), s, h.note(row, "Comment"), row.line(), row.raw()));
            } catch (InvalidRecordException e) {
                sink.reject(row.line(), e.getMessage(), row.raw());
            }
        }
        BorisBouts.pair(events, observations.size() > 1, sink);
    }

    /** Aggregated events: one row per bout, {@code Behavior type} STATE or POINT. */
    static void parseAggregated(List<DelimitedTable.Row> rows, int headerIndex, String legacyObservation,
            ParseSink sink) {
        BorisHeader h = new BorisHeader(rows.get(headerIndex));
        List<DelimitedTable.Row> data = dataRows(rows, headerIndex);
        Set<String> observations = new LinkedHashSet<>();
        for (DelimitedTable.Row row : data) {
            observations.add(h.has("Observation id") ? h.get(row, "Observation id") : String.valueOf(legacyObservation));
        }
        boolean withObservation = observations.size() > 1;
        for (DelimitedTable.Row row : data) {
            try {
                sink.accept(aggregatedRow(h, row, withObservation, sink.sourceFile()));
            } catch (InvalidRecordException e) {
                sink.reject(row.line(), e.getMessage(), row.raw());
            }
        }
    }

    private static RawAnnotation aggregatedRow(BorisHeader h, DelimitedTable.Row row, boolean withObservation,
            String sourceFile) throws InvalidRecordException {
        String behavior = required(h, row, "Behavior");
        String type = required(h, row, "Behavior type").toUpperCase(Locale.ROOT);
        double start = RecordFields.parseSeconds("Start (s)", h.get(row, "Start (s)"));
        Double end = switch (type) {
            case "POINT" -> null;
            case "STATE" -> RecordFields.parseSeconds("Stop (s)", h.get(row, "Stop (s)"));
            default -> throw new InvalidRecordException("unknown Behavior type '" + h.get(row, "Behavior type")
                    + "'; expected STATE or POINT");
        };
        RecordFields.checkInterval(start, end);
        RawAnnotation.Builder b = RawAnnotation.builder(sourceFile, row.line())
                .times(start, end)
                .label(behavior)
                .actorHint(h.subject(row))
                .modifiers(h.modifiers(row))
                .note(h.note(row, "Comment start", "Comment stop"));
        if (withObservation) {
            b.modifier("observation", h.get(row, "Observation id"));
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
