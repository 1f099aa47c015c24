package org.sessionreview.jobs.sampledata;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** Writes one session folder: session.json, the codebook, annotation files and wearables. */
final class SessionWriter {
    private SessionWriter() {}

    static void write(Path sessionDir, SessionPlan s, long seed) throws IOException {
        write(sessionDir, s, seed, ".csv.gz");
    }

    /** @param suffix the E4 files' suffix: {@code .csv.gz} or {@code .csv} */
    static void write(Path sessionDir, SessionPlan s, long seed, String suffix) throws IOException {
        Files.createDirectories(sessionDir);
        Json.write(sessionDir.resolve("session.json"), sessionJson(s));
        if (s.codebook() != null) {
            Json.write(sessionDir.resolve(s.codebook()), codebookJson());
        }
        for (AnnotationFile f : s.annotationFiles()) {
            Path p = sessionDir.resolve(f.name());
            List<CodedEvent> events = s.eventsIn(f.name());
            switch (f.format()) {
                case JSONL:
                    JsonlWriter.write(p, events);
                    break;
                case ELAN:
                case ELAN_WITH_MEDIA:
                    ElanWriter.write(p, s, events, f.format() == AnnotationFormat.ELAN_WITH_MEDIA);
                    break;
                case BORIS_TABULAR:
                    BorisWriter.writeTabular(p, s, events);
                    break;
                case BORIS_AGGREGATED:
                    BorisWriter.writeAggregated(p, s, events);
                    break;
                default:
                    throw new IllegalStateException(f.format().name());
            }
        }
        List<Double> sighs = s.events().stream()
                .filter(e -> e.code().equals("ANX_STR_SIGH") && e.actor().equals("client"))
                .map(CodedEvent::startS)
                .toList();
        List<EdaSynth.Scr> clientScrs = WearableWriter.write(
                sessionDir.resolve(s.client().folder()), s, s.client(), s, sighs, List.of(), seed, suffix);
        if (s.therapist() != null) {
            WearableWriter.write(
                    sessionDir.resolve(s.therapist().folder()),
                    s,
                    s.therapist(),
                    null,
                    List.of(),
                    clientScrs,
                    seed,
                    suffix);
        }
    }

    static ObjectNode sessionJson(SessionPlan s) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("session_id", s.sessionId());
        o.put("therapist_id", s.therapistId());
        o.put("client_id", s.clientId());
        o.put("session_number", s.sessionNumber());
        o.put("media_start", s.mediaStart().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        o.put("duration_s", s.durationS());
        ObjectNode wear = o.putObject("wearables");
        for (WearerPlan w : s.wearers()) {
            wear.put(w.role(), w.folder());
        }
        ArrayNode ann = o.putArray("annotations");
        s.annotationFiles().forEach(f -> ann.add(f.name()));
        if (s.codebook() != null) {
            o.put("codebook", s.codebook());
        }
        ObjectNode consent = o.putObject("consent");
        consent.put("supervision", true);
        consent.put("research", s.consentResearch());
        return o;
    }

    static ObjectNode codebookJson() {
        ObjectNode o = Json.MAPPER.createObjectNode();
        ObjectNode labels = o.putObject("labels");
        for (Map.Entry<String, String> e : Codebook.LABELS) {
            labels.put(e.getKey(), e.getValue());
        }
        ObjectNode actors = o.putObject("actors");
        for (Map.Entry<String, String> e : Codebook.ACTORS) {
            actors.put(e.getKey(), e.getValue());
        }
        ObjectNode modifiers = o.putObject("modifiers");
        for (Map.Entry<String, String> e : Codebook.MODIFIERS) {
            modifiers.put(e.getKey(), e.getValue());
        }
        return o;
    }
}
