package org.sessionreview.ingest.annotation.boris;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * BORIS writes times with a decimal point; in a table separated by {@code ;} or tabs (BORIS's own
 * TSV, or an export re-saved by a spreadsheet in a German or French locale, which also turns
 * {@code 100.250} into {@code 100,250}) a decimal comma is accepted too. In a comma-separated
 * table a comma can only be the separator, so there it is not.
 *
 * <p>Observation ids (which coders may fill with a client's name) are only compared: of several,
 * only the session's are read ({@link BorisObservations}), and when more than one is read,
 * records carry modifier {@code observation=<index>}, the observation's 1-based index in file
 * order.
 */
final class BorisTableParser {
    private BorisTableParser() {}

    /** Tabular events, BORIS 8+ ({@code Behavior type}) or legacy ({@code Status}). */
    static void parseEvents(
            List<DelimitedTable.Row> rows,
            int headerIndex,
            String legacyObservation,
            RecordFields.Decimals decimals,
            ParseSink sink) {
        BorisHeader h = new BorisHeader(rows.get(headerIndex));
        String statusColumn = h.has("Behavior type") ? "Behavior type" : "Status";
        List<BorisEvent> events = new ArrayList<>();
        List<DelimitedTable.Row> data = dataRows(rows, headerIndex);
        Observations obs = new Observations(h, data, legacyObservation, statusColumn, EVENT_STATUSES, sink);
        for (DelimitedTable.Row row : data) {
            if (!obs.reads(row)) {
                continue;
            }
            try {
                obs.checkEventRow(row);
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
                double time = RecordFields.parseTime("Time", h.get(row, "Time"), decimals);
                int observation = obs.index(row);
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
        obs.rejectSkipped();
        BorisBouts.pair(events, obs.chosen.readCount() > 1, sink);
    }

    /** Aggregated events: one row per bout, {@code Behavior type} STATE or POINT. */
    static void parseAggregated(
            List<DelimitedTable.Row> rows,
            int headerIndex,
            String legacyObservation,
            RecordFields.Decimals decimals,
            ParseSink sink) {
        BorisHeader h = new BorisHeader(rows.get(headerIndex));
        List<DelimitedTable.Row> data = dataRows(rows, headerIndex);
        Observations obs = new Observations(h, data, legacyObservation, "Behavior type", BOUT_TYPES, sink);
        boolean withObservation = obs.chosen.readCount() > 1;
        for (DelimitedTable.Row row : data) {
            if (!obs.reads(row)) {
                continue;
            }
            try {
                obs.checkEventRow(row);
                int observation = obs.index(row);
                sink.accept(aggregatedRow(h, row, withObservation ? observation : 0, decimals, sink.sourceFile()));
            } catch (InvalidRecordException e) {
                sink.reject(row.line(), e.getMessage(), row.raw());
            }
        }
        obs.rejectSkipped();
    }

    /** The values of a tabular events export's status column. */
    private static final Set<String> EVENT_STATUSES = Set.of("START", "STOP", "POINT");
    /** The values of an aggregated export's {@code Behavior type}. */
    private static final Set<String> BOUT_TYPES = Set.of("STATE", "POINT");

    /**
     * The observations of a table's data rows: each id's 1-based index in file order, first line
     * and row count, and which are read ({@link BorisObservations}). Only a row whose status
     * column holds one of BORIS's values names an observation: a row that does not (a line broken
     * in two by a stray line break, whose pieces start with some other cell) is no observation of
     * its own, which would make the file look like several and leave the session's unread; it is
     * read, and rejected, as a row.
     */
    private static final class Observations {
        private final BorisHeader h;
        private final String legacyObservation;
        private final String statusColumn;
        private final Set<String> statuses;
        private final ParseSink sink;
        private final Map<String, Integer> index = new HashMap<>();
        private final List<Long> firstLines = new ArrayList<>();
        private final List<Integer> rowCounts = new ArrayList<>();
        private final BorisObservations chosen;

        Observations(
                BorisHeader h,
                List<DelimitedTable.Row> data,
                String legacyObservation,
                String statusColumn,
                Set<String> statuses,
                ParseSink sink) {
            this.h = h;
            this.legacyObservation = legacyObservation;
            this.statusColumn = statusColumn;
            this.statuses = statuses;
            this.sink = sink;
            List<String> ids = new ArrayList<>();
            for (DelimitedTable.Row row : data) {
                if (!isEventRow(row)) {
                    continue;
                }
                String id = observationId(h, row, legacyObservation);
                Integer i = index.get(id);
                if (i == null) {
                    ids.add(id);
                    index.put(id, ids.size());
                    firstLines.add(row.line());
                    rowCounts.add(1);
                } else {
                    rowCounts.set(i - 1, rowCounts.get(i - 1) + 1);
                }
            }
            chosen = new BorisObservations(ids, sink.sessionId());
        }

        private boolean isEventRow(DelimitedTable.Row row) {
            return statuses.contains(h.get(row, statusColumn).toUpperCase(Locale.ROOT));
        }

        /** The row's observation index (1-based), or 0 for a row that names none. */
        int index(DelimitedTable.Row row) {
            Integer i = isEventRow(row) ? index.get(observationId(h, row, legacyObservation)) : null;
            return i == null ? 0 : i;
        }

        /** Whether the row is read: one of an observation read, or one that names no observation. */
        boolean reads(DelimitedTable.Row row) {
            int i = index(row);
            return i == 0 || chosen.reads(i);
        }

        /**
         * Rejects a row that names no observation and has fewer cells than the header: what is
         * left of a line broken in two (its status column then holds another cell, or nothing).
         */
        void checkEventRow(DelimitedTable.Row row) throws InvalidRecordException {
            if (!isEventRow(row) && row.cells().size() < h.width) {
                throw new InvalidRecordException("the row has " + row.cells().size() + " of the header's " + h.width
                        + " cells and no " + String.join(", ", new java.util.TreeSet<>(statuses)) + " in column "
                        + statusColumn + " (a line broken in two?)");
            }
        }

        void rejectSkipped() {
            chosen.rejectSkipped(firstLines, rowCounts, sink);
        }
    }

    /** The observation id of a row: used only to tell observations apart, never output. */
    private static String observationId(BorisHeader h, DelimitedTable.Row row, String legacyObservation) {
        return h.has("Observation id") ? h.get(row, "Observation id") : String.valueOf(legacyObservation);
    }

    /** @param observation the observation's index to write as modifier, or 0 for none */
    private static RawAnnotation aggregatedRow(
            BorisHeader h, DelimitedTable.Row row, int observation, RecordFields.Decimals decimals, String sourceFile)
            throws InvalidRecordException {
        String behavior = required(h, row, "Behavior");
        String type = required(h, row, "Behavior type").toUpperCase(Locale.ROOT);
        double start = RecordFields.parseTime("Start (s)", h.get(row, "Start (s)"), decimals);
        Double end = switch (type) {
            case "POINT" -> null;
            case "STATE" -> RecordFields.parseTime("Stop (s)", h.get(row, "Stop (s)"), decimals);
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
