package org.sessionreview.jobs.sampledata;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Builds {@code planted.json}: the machine-readable ground truth of the cohort. All times are
 * seconds from each session's media start. It depends only on the plan, not on the seed.
 */
final class PlantedJson {
    private PlantedJson() {}

    static ObjectNode build(List<SessionPlan> sessions, long seed) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("synthetic", true);
        root.put("generator", SampleDataGenerator.class.getName());
        root.put("seed", seed);
        root.put("time_reference", "seconds from media_start (second 0 of the session video)");
        root.put(
                "episode_start",
                "start_s is the onset of the ramp (arousal leaves 0);"
                        + " a detected episode should start within onset_tolerance_s of it");
        root.put("onset_tolerance_s", 30);
        root.put("note_canary", SampleDataGenerator.NOTE_CANARY);
        ArrayNode ids = root.putArray("raw_client_ids");
        sessions.stream().map(SessionPlan::clientId).distinct().sorted().forEach(ids::add);
        ObjectNode model = root.putObject("episode_model");
        model.put("scr_rate_factor", EpisodePlan.SCR_RATE_FACTOR);
        model.put("rmssd_reduction", EpisodePlan.RMSSD_REDUCTION);
        model.put("bvp_amplitude_reduction", 0.3);
        model.put("fidget_amplitude_counts", MotionSynth.FIDGET_COUNTS);
        model.put("ramp", "raised cosine up over ramp_up_s, plateau, down over ramp_down_s");
        model.put(
                "temperature",
                "linear fall by temp_drop_c from start_s to end_s," + " then exponential recovery (150 s)");
        ObjectNode cal = root.putObject("calibration_baseline");
        cal.put("start_s", SessionPlan.CALIBRATION.startS());
        cal.put("end_s", SessionPlan.CALIBRATION.endS());
        PlantedReview.addCohortFacts(root, sessions);
        ArrayNode arr = root.putArray("sessions");
        for (SessionPlan s : sessions) {
            arr.add(session(s));
        }
        return root;
    }

    private static ObjectNode session(SessionPlan s) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("folder", s.folder());
        o.put("session_id", s.sessionId());
        o.put("therapist_id", s.therapistId());
        o.put("client_id", s.clientId());
        o.put("session_number", s.sessionNumber());
        o.put("media_start", s.mediaStart().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        o.put("media_start_epoch_s", s.mediaStartEpochS());
        o.put("duration_s", s.durationS());
        o.put("consent_research", s.consentResearch());
        o.put("summary", s.summary());
        ArrayNode files = o.putArray("annotation_files");
        for (AnnotationFile f : s.annotationFiles()) {
            ObjectNode a = files.addObject();
            a.put("name", f.name());
            a.put("format", f.format().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (s.codebook() == null) {
            o.putNull("codebook");
        } else {
            o.put("codebook", s.codebook());
        }
        ArrayNode wearers = o.putArray("wearers");
        for (WearerPlan w : s.wearers()) {
            wearers.add(wearer(s, w));
        }
        o.put("therapist_wearable", s.therapist() != null);
        ArrayNode eps = o.putArray("client_episodes");
        for (EpisodePlan e : s.episodes()) {
            eps.add(episode(s, e));
        }
        ArrayNode loss = o.putArray("contact_loss");
        ArrayNode moves = o.putArray("gross_movements");
        for (WearerPlan w : s.wearers()) {
            for (Interval c : w.contactLoss()) {
                ObjectNode x = loss.addObject();
                x.put("role", w.role());
                x.put("channel", "EDA");
                x.put("start_s", c.startS());
                x.put("end_s", c.endS());
                x.put("reads_us", "0.00-0.02");
            }
            for (Interval m : w.grossMovements()) {
                ObjectNode x = moves.addObject();
                x.put("role", w.role());
                x.put("start_s", m.startS());
                x.put("end_s", m.endS());
            }
        }
        ArrayNode cues = o.putArray("cue_responses");
        for (ResponseRules.CueResponse r : ResponseRules.cueResponses(s)) {
            ObjectNode x = cues.addObject();
            x.put("cue_code", r.cue().code());
            x.put("cue_start_s", r.cue().startS());
            x.put("response_code", r.response() == null ? null : r.response().code());
            if (r.response() == null) {
                x.putNull("response_start_s");
            } else {
                x.put("response_start_s", r.response().startS());
            }
            x.put("response_class", r.responseClass());
            x.put("missed_opportunity", r.missed());
        }
        ArrayNode pressure = o.putArray("pressure_above_threshold");
        for (CodedEvent[] p : ResponseRules.pressureAboveThreshold(s)) {
            ObjectNode x = pressure.addObject();
            x.put("cue_code", p[0].code());
            x.put("cue_start_s", p[0].startS());
            x.put("response_code", p[1].code());
            x.put("response_start_s", p[1].startS());
        }
        PlantedReview.addSessionFacts(o, s);
        o.put(
                "something_to_review",
                !s.episodes().isEmpty()
                        || !ResponseRules.cueResponses(s).isEmpty()
                        || s.events().stream()
                                .anyMatch(e ->
                                        e.family().equals("RUP") || e.family().equals("SAFE")));
        ArrayNode ann = o.putArray("annotations");
        s.events().stream()
                .sorted((a, b) -> Double.compare(a.startS(), b.startS()))
                .forEach(e -> ann.add(annotation(s, e)));
        return o;
    }

    private static ObjectNode wearer(SessionPlan s, WearerPlan w) {
        ObjectNode x = Json.MAPPER.createObjectNode();
        x.put("role", w.role());
        x.put("folder", w.folder());
        x.put("e4_start_epoch_s", s.mediaStartEpochS() - w.leadS());
        x.put("lead_s", w.leadS());
        x.put("tail_s", w.tailS());
        x.put("recording_s", w.recordingS());
        ArrayNode ch = x.putArray("channels");
        ArrayNode missing = x.putArray("missing_channels");
        ObjectNode samples = x.putObject("samples");
        for (String c : WearableWriter.CHANNELS) {
            if (w.hasChannel(c)) {
                ch.add(c);
                int n = WearableWriter.expectedSamples(w, c);
                if (n >= 0) {
                    samples.put(c, n);
                }
            } else {
                missing.add(c);
            }
        }
        ObjectNode rest = x.putObject("resting");
        rest.put("eda_tonic_us", w.edaLevelUs());
        rest.put("scr_per_min", w.scrPerMin());
        rest.put("hr_bpm", w.hrBpm());
        rest.put("temp_c", w.tempC());
        rest.put("resp_hz", w.respHz());
        x.put("scr_echo_of_client_probability", w.scrEchoProbability());
        return x;
    }

    private static ObjectNode episode(SessionPlan s, EpisodePlan e) {
        ObjectNode x = Json.MAPPER.createObjectNode();
        x.put("id", e.id());
        x.put("start_s", e.startS());
        x.put("end_s", e.endS());
        x.put("plateau_start_s", e.plateauStartS());
        x.put("plateau_end_s", e.plateauEndS());
        x.put("ramp_up_s", e.rampUpS());
        x.put("ramp_down_s", e.rampDownS());
        x.put("eda_rise_us", e.edaRiseUs());
        x.put("hr_rise_bpm", e.hrRiseBpm());
        x.put("temp_drop_c", e.tempDropC());
        if (e.fidget() == null) {
            x.putNull("fidget");
        } else {
            ObjectNode f = x.putObject("fidget");
            f.put("start_s", e.fidget().startS());
            f.put("end_s", e.fidget().endS());
            f.put("freq_hz", e.fidgetHz());
        }
        List<CodedEvent> cues = s.cuesInside(e);
        ArrayNode codes = x.putArray("cue_codes");
        cues.forEach(c -> codes.add(c.code()));
        x.put("voiced", !cues.isEmpty());
        if (cues.isEmpty()) {
            x.putNull("cue_format");
        } else {
            String file = cues.get(0).file();
            x.put(
                    "cue_format",
                    s.annotationFiles().stream()
                            .filter(f -> f.name().equals(file))
                            .findFirst()
                            .orElseThrow()
                            .format()
                            .shortName());
        }
        ArrayNode th = x.putArray("therapist_codes_inside");
        for (CodedEvent c : ResponseRules.therapistCodes(s)) {
            if (e.interval().contains(c.startS())) {
                ObjectNode t = th.addObject();
                t.put("code", c.code());
                t.put("start_s", c.startS());
                t.put("class", ResponseRules.classify(c.code()));
            }
        }
        PlantedReview.addEpisodeFacts(x, s, e);
        return x;
    }

    private static ObjectNode annotation(SessionPlan s, CodedEvent e) {
        ObjectNode x = Json.MAPPER.createObjectNode();
        x.put("code", e.code());
        x.put("family", e.family());
        x.put("actor", e.actor());
        x.put("start_s", e.startS());
        if (e.endS() == null) {
            x.putNull("end_s");
        } else {
            x.put("end_s", e.endS());
        }
        if (e.intensity() != null) {
            x.put("intensity", e.intensity());
        }
        if (e.significance() != null) {
            x.put("significance", e.significance());
        }
        x.put("file", e.file());
        AnnotationFormat fmt = s.annotationFiles().stream()
                .filter(f -> f.name().equals(e.file()))
                .findFirst()
                .orElseThrow()
                .format();
        x.put("label", fmt.isBoris() ? Codebook.labelFor(e.code()) : e.code());
        if (fmt.isElan() && e.isPoint()) {
            x.put("elan_end_ms", Math.round(e.startS() * 1000) + ElanWriter.POINT_MS);
        }
        x.put("has_note", e.note() != null);
        return x;
    }
}
