package org.sessionreview.ingest.annotation.boris;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.sessionreview.ingest.annotation.InvalidRecordException;
import org.sessionreview.ingest.annotation.ParseSink;
import org.sessionreview.ingest.annotation.RecordFields;

/**
 * The BORIS project file ({@code .boris}: JSON; DOMAIN.md 1.3). Package-private; see {@link
 * BorisParser}.
 *
 * <p>The observations are read in file order; of several, only those whose id is the session's
 * ({@link BorisObservations}). When more than one is read, every record carries modifier {@code
 * observation=<index>}, the observation's 1-based index in file order (never its id: coders type
 * names there). Each event is {@code [time, subject, code,
 * modifiers, comment, ...]}; its line is the line of the event's array in the JSON (so in a
 * single-line project every event is on line 1). The project must be one JSON object (a UTF-8
 * byte-order mark is ignored): anything after it rejects the file ("trailing content after the
 * JSON object at line L"), as does invalid JSON ("not valid JSON at line L, column C").
 *
 * <p>The behaviour's type comes from {@code behaviors_conf}: "State event" (with or without coding
 * map) events alternate START, STOP in time order per (subject, code, modifiers) and are paired by
 * {@link BorisBouts}; "Point event" events are points. An event whose code is not in {@code
 * behaviors_conf} is rejected. Modifier keys are the modifier sets' names (lower-cased; sets in
 * index order; values are pipe-joined in that order), or {@code modifier_n} when a set has no
 * name. Times already include the observation's {@code time offset}.
 */
final class BorisProjectParser {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BorisProjectParser() {}

    /** An event with its observation and line, before its behaviour type is known. */
    private record LocatedEvent(int observation, JsonNode event, long line) {}

    /** Behaviour type and modifier-set names of one code from {@code behaviors_conf}. */
    private record Behaviour(String type, List<String> modifierNames) {}

    static void parse(String text, ParseSink sink, String sessionId) {
        List<LocatedEvent> events = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<Long> firstLines = new ArrayList<>();
        JsonNode behaviorsConf = null;
        try (JsonParser p = JSON.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new InvalidRecordException("not a BORIS project: the top level is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (field.equals("observations") && p.currentToken() == JsonToken.START_OBJECT) {
                    readObservations(p, events, ids, firstLines);
                } else if (field.equals("behaviors_conf")) {
                    behaviorsConf = p.readValueAsTree();
                } else {
                    p.skipChildren();
                }
            }
            RecordFields.requireEnd(p);
        } catch (JsonProcessingException e) {
            // never Jackson's message: it quotes the offending token
            sink.reject(
                    e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    "BORIS project: " + RecordFields.jsonProblem(e, 0),
                    null);
            return;
        } catch (InvalidRecordException e) {
            sink.reject(0, e.getMessage(), null);
            return;
        } catch (IOException e) {
            throw new UncheckedIOException("reading JSON from memory failed", e);
        }
        if (behaviorsConf == null || !behaviorsConf.isObject()) {
            sink.reject(0, "not a BORIS project: no 'behaviors_conf' object", null);
            return;
        }
        Map<String, Behaviour> behaviours = behaviours(behaviorsConf);
        BorisObservations chosen = new BorisObservations(ids, sessionId);
        List<Integer> skippedEvents = BorisObservations.zeros(ids.size());
        Map<Integer, List<BorisEvent>> byObservation = new LinkedHashMap<>();
        for (int i = 1; i <= ids.size(); i++) {
            byObservation.put(i, new ArrayList<>());
        }
        for (LocatedEvent le : events) {
            if (!chosen.reads(le.observation())) {
                skippedEvents.set(le.observation() - 1, skippedEvents.get(le.observation() - 1) + 1);
                continue;
            }
            try {
                byObservation.get(le.observation()).add(toEvent(le, behaviours));
            } catch (InvalidRecordException e) {
                sink.reject(le.line(), e.getMessage(), null);
            }
        }
        chosen.rejectSkipped(firstLines, skippedEvents, sink);
        boolean withObservation = chosen.readCount() > 1;
        for (List<BorisEvent> list : byObservation.values()) {
            BorisBouts.pair(
                    assignStatus(list, behaviours), withObservation, sink, "event code", "event subject", false);
        }
    }

    /**
     * Reads the observations, adding each one's id (compared only, never written) and the line of
     * its key; an event's observation is its 1-based index in file order.
     */
    private static void readObservations(JsonParser p, List<LocatedEvent> events, List<String> ids, List<Long> lines)
            throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            ids.add(p.currentName());
            lines.add((long) p.currentTokenLocation().getLineNr());
            int id = ids.size();
            if (p.nextToken() != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                if (field.equals("events") && t == JsonToken.START_ARRAY) {
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        long line = p.currentTokenLocation().getLineNr();
                        events.add(new LocatedEvent(id, p.readValueAsTree(), line));
                    }
                } else {
                    p.skipChildren();
                }
            }
        }
    }

    private static Map<String, Behaviour> behaviours(JsonNode conf) {
        Map<String, Behaviour> out = new HashMap<>();
        for (JsonNode b : conf) {
            String code = b.path("code").asText("");
            if (code.isEmpty()) {
                continue;
            }
            SortedMap<Integer, String> sets = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = b.path("modifiers").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                try {
                    sets.put(
                            Integer.parseInt(e.getKey().trim()),
                            e.getValue().path("name").asText(""));
                } catch (NumberFormatException ignored) {
                    sets.put(
                            Integer.MAX_VALUE - sets.size(),
                            e.getValue().path("name").asText(""));
                }
            }
            out.putIfAbsent(code, new Behaviour(b.path("type").asText(""), new ArrayList<>(sets.values())));
        }
        return out;
    }

    /** A project event; its status is POINT until {@link #assignStatus} runs. */
    private static BorisEvent toEvent(LocatedEvent le, Map<String, Behaviour> behaviours)
            throws InvalidRecordException {
        JsonNode e = le.event();
        if (!e.isArray() || e.size() < 3) {
            throw new InvalidRecordException("event is not an array [time, subject, code, ...]");
        }
        if (!e.get(0).isNumber()) {
            throw new InvalidRecordException("event time (element 1 of the event) is not a number");
        }
        double time = e.get(0).asDouble();
        String code = e.get(2).asText("").trim();
        if (code.isEmpty()) {
            throw new InvalidRecordException("missing required field 'code'");
        }
        Behaviour behaviour = behaviours.get(code);
        if (behaviour == null) {
            throw new InvalidRecordException("event code (element 3 of the event) is not defined in behaviors_conf");
        }
        String type = behaviour.type().toLowerCase(Locale.ROOT);
        if (!type.contains("state") && !type.contains("point")) {
            throw new InvalidRecordException("the event's behaviour has an unknown type in behaviors_conf;"
                    + " expected State event or Point event");
        }
        String subject = e.get(1).asText("").trim();
        String written = e.size() > 3 ? e.get(3).asText("").trim() : "";
        String comment = e.size() > 4 ? e.get(4).asText("") : null;
        return new BorisEvent(
                time,
                le.observation(),
                subject.isEmpty() ? null : subject,
                code,
                modifiers(written, behaviour.modifierNames()),
                written,
                BorisEvent.Status.POINT,
                RecordFields.isMissing(comment) ? null : comment,
                le.line(),
                null);
    }

    private static SortedMap<String, String> modifiers(String written, List<String> names) {
        SortedMap<String, String> out = new TreeMap<>();
        if (written.isEmpty()) {
            return out;
        }
        String[] values = written.split("\\|", -1);
        for (int i = 0; i < values.length; i++) {
            String name = i < names.size() ? names.get(i).trim().toLowerCase(Locale.ROOT) : "";
            String key = name.isEmpty() || out.containsKey(name) ? "modifier_" + (i + 1) : name;
            BorisHeader.put(out, key, values[i]);
        }
        return out;
    }

    /** State events alternate START, STOP in time order per (subject, code, modifiers). */
    private static List<BorisEvent> assignStatus(List<BorisEvent> events, Map<String, Behaviour> behaviours) {
        List<BorisEvent> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparingDouble(BorisEvent::timeS));
        Map<String, Boolean> started = new HashMap<>();
        List<BorisEvent> out = new ArrayList<>();
        for (BorisEvent e : sorted) {
            boolean state =
                    behaviours.get(e.behavior()).type().toLowerCase(Locale.ROOT).contains("state");
            BorisEvent.Status s = BorisEvent.Status.POINT;
            if (state) {
                boolean open = started.getOrDefault(e.pairingKey(), false);
                s = open ? BorisEvent.Status.STOP : BorisEvent.Status.START;
                started.put(e.pairingKey(), !open);
            }
            out.add(new BorisEvent(
                    e.timeS(),
                    e.observation(),
                    e.subject(),
                    e.behavior(),
                    e.modifiers(),
                    e.pairingModifiers(),
                    s,
                    e.note(),
                    e.line(),
                    e.raw()));
        }
        return out;
    }
}
