package org.sessionreview.jobs.sampledata;

import java.io.IOException;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The README sections on the planted sessions: the session table, the planted client anxiety
 * episodes, the other planted features (contact loss, missing channels, ...) and the coded client
 * cues with the therapist's response. Generated from the plan, like the rest of the README
 * ({@link ReadmeWriter}).
 */
final class ReadmePlanSections {
    private ReadmePlanSections() {}

    static void write(StringBuilder sb, List<SessionPlan> sessions, Path outDir) throws IOException {
        sessionTable(sb, sessions, outDir);
        episodeTable(sb, sessions);
        otherPlanted(sb, sessions);
        cueTable(sb, sessions);
    }

    private static void sessionTable(StringBuilder sb, List<SessionPlan> sessions, Path outDir) throws IOException {
        sb.append("## Sessions\n\n")
                .append("| | folder | therapist | client | # | media_start | duration | ")
                .append("E4 lead client / therapist | annotations | what is planted | size |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (int i = 0; i < sessions.size(); i++) {
            SessionPlan s = sessions.get(i);
            String files = s.annotationFiles().stream()
                    .map(f -> "`" + f.name() + "` (" + f.format().description() + ")")
                    .collect(Collectors.joining(", "));
            if (s.codebook() != null) {
                files += " + `" + s.codebook() + "`";
            }
            sb.append("| S")
                    .append(i + 1)
                    .append(" | `")
                    .append(s.folder())
                    .append("` | ")
                    .append(s.therapistId())
                    .append(" | ")
                    .append(s.clientId())
                    .append(" | ")
                    .append(s.sessionNumber())
                    .append(" | `")
                    .append(s.mediaStart().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                    .append("` | ")
                    .append(s.durationS() / 60)
                    .append(" min (")
                    .append(s.durationS())
                    .append(" s) | ")
                    .append(s.client().leadS())
                    .append(" s / ")
                    .append(s.therapist() == null ? "none" : s.therapist().leadS() + " s")
                    .append(" | ")
                    .append(files)
                    .append(" | ")
                    .append(s.summary())
                    .append(" | ")
                    .append(ReadmeWriter.folderBytes(outDir.resolve(s.folder())) / 1000)
                    .append(" KB |\n");
        }
        sb.append("\nSession ids are `<therapist>-<yyyymmdd>-<hhmm>`; folder names never carry ")
                .append("the client id. Wearable\nfolders are `client`/`therapist` in S1 and ")
                .append("E4-download style `<unix start>_<device id>` elsewhere.\n\n");
    }

    private static void episodeTable(StringBuilder sb, List<SessionPlan> sessions) {
        sb.append("## Planted client anxiety episodes\n\n")
                .append("Each must be found by the pipeline with its start within 30 s. ")
                .append("None lies in minutes 0-7\n(minutes 2-6 = the calibration baseline). ")
                .append("At full arousal: EDA tonic + the listed rise and SCR\nrate x")
                .append((int) EpisodePlan.SCR_RATE_FACTOR)
                .append(", HR + the listed rise ")
                .append("and RMSSD -")
                .append((int) (EpisodePlan.RMSSD_REDUCTION * 100))
                .append(" %, BVP amplitude -30 %, skin temperature falling\nlinearly by the ")
                .append("listed drop over the episode. Ramps are raised cosines.\n\n")
                .append("| session | episode | start-end (m:ss) | start-end (s) | plateau (s) | ")
                .append("EDA | HR | TEMP | ACC fidget | coded cues inside | ")
                .append("therapist codes inside | voiced |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (int i = 0; i < sessions.size(); i++) {
            SessionPlan s = sessions.get(i);
            for (EpisodePlan e : s.episodes()) {
                List<CodedEvent> cues = s.cuesInside(e);
                String cueText = cues.isEmpty()
                        ? "none (unvoiced arousal)"
                        : cues.stream()
                                        .map(c -> c.code() + " @" + num(c.startS()))
                                        .collect(Collectors.joining(", "))
                                + " (" + formatOf(s, cues.get(0).file()) + ")";
                String th = ResponseRules.therapistCodes(s).stream()
                        .filter(c -> e.interval().contains(c.startS()))
                        .map(c -> c.code() + " @" + num(c.startS()))
                        .collect(Collectors.joining(", "));
                sb.append("| S")
                        .append(i + 1)
                        .append(" | ")
                        .append(e.id())
                        .append(" | ")
                        .append(Fmt.minSec(e.startS()))
                        .append("-")
                        .append(Fmt.minSec(e.endS()))
                        .append(" | ")
                        .append(num(e.startS()))
                        .append("-")
                        .append(num(e.endS()))
                        .append(" | ")
                        .append(num(e.plateauStartS()))
                        .append("-")
                        .append(num(e.plateauEndS()))
                        .append(" | +")
                        .append(e.edaRiseUs())
                        .append(" uS | +")
                        .append(num(e.hrRiseBpm()))
                        .append(" bpm | -")
                        .append(e.tempDropC())
                        .append(" degC | ")
                        .append(
                                e.fidget() == null
                                        ? "no"
                                        : e.fidgetHz() + " Hz, "
                                                + num(e.fidget().startS()) + "-"
                                                + num(e.fidget().endS()) + " s")
                        .append(" | ")
                        .append(cueText)
                        .append(" | ")
                        .append(th.isEmpty() ? "none" : th)
                        .append(" | ")
                        .append(cues.isEmpty() ? "no" : "yes")
                        .append(" |\n");
            }
        }
        sb.append('\n');
    }

    private static void otherPlanted(StringBuilder sb, List<SessionPlan> sessions) {
        sb.append("## Other planted features\n\n");
        for (int i = 0; i < sessions.size(); i++) {
            SessionPlan s = sessions.get(i);
            String tag = "S" + (i + 1);
            for (WearerPlan w : s.wearers()) {
                for (Interval c : w.contactLoss()) {
                    sb.append("* **EDA contact loss**, ")
                            .append(tag)
                            .append(' ')
                            .append(w.role())
                            .append(": ")
                            .append(Fmt.minSec(c.startS()))
                            .append("-")
                            .append(Fmt.minSec(c.endS()))
                            .append(" (")
                            .append(num(c.startS()))
                            .append("-")
                            .append(num(c.endS()))
                            .append(" s): EDA reads 0.00-0.02 uS (electrodes off the skin) ")
                            .append("while the other channels stay calm. No episode there.\n");
                }
                for (String m : w.missingChannels()) {
                    sb.append("* **Missing channel**, ")
                            .append(tag)
                            .append(' ')
                            .append(w.role())
                            .append(": no `")
                            .append(m)
                            .append(".csv.gz`.\n");
                }
            }
            if (s.therapist() == null) {
                sb.append("* **No therapist wearable**, ").append(tag).append(": `wearables` has only `client`.\n");
            }
            if (s.episodes().isEmpty()) {
                sb.append("* **Calm session**, ")
                        .append(tag)
                        .append(": no episode and no client cue: nothing to review.\n");
            }
        }
        sb.append("* **Time zones**: media_start offsets +01:00, +02:00, -05:00 and -04:00 ")
                .append("(S5 and S6 straddle the\n  US daylight-saving change of 2026-03-08).\n")
                .append("* **Gross movements**: 3 s arm movements (ACC bursts, SD ~18 counts, ")
                .append("posture change; IBI beats\n  rejected within 2 s) about every 5 min per ")
                .append("wearer, never in the baseline nor within 90 s of an\n  episode; listed ")
                .append("in `planted.json` (`gross_movements`).\n")
                .append("* **Therapist SCR echo** (mild physiological synchrony): in S1, S2 and ")
                .append("S5 the therapist's EDA\n  repeats a share (30-40 %) of the client's ")
                .append("SCRs 2-4 s later at 60 % amplitude\n  (`scr_echo_of_client_probability`).\n")
                .append("* **Coded sighs** each add a client SCR of 0.25 uS 1.5 s later.\n")
                .append("* **Ruptures, safety events, missed opportunities, plateau**: see the ")
                .append("sections after the cue table.\n")
                .append("* **Consent**: research consent is false in S4, true elsewhere.\n\n");
    }

    private static void cueTable(StringBuilder sb, List<SessionPlan> sessions) {
        sb.append("## Coded client cues and the therapist's response\n\n")
                .append("DOMAIN.md section 5, trigger (b): the first therapist code in ")
                .append("[t, t + 10 s].\n\n")
                .append("| session | cue @ s | response @ s | class | missed opportunity |\n")
                .append("|---|---|---|---|---|\n");
        for (int i = 0; i < sessions.size(); i++) {
            for (ResponseRules.CueResponse r : ResponseRules.cueResponses(sessions.get(i))) {
                sb.append("| S")
                        .append(i + 1)
                        .append(" | ")
                        .append(r.cue().code())
                        .append(" @")
                        .append(num(r.cue().startS()))
                        .append(" | ")
                        .append(
                                r.response() == null
                                        ? "none"
                                        : r.response().code() + " @"
                                                + num(r.response().startS()))
                        .append(" | ")
                        .append(r.responseClass())
                        .append(" | ")
                        .append(r.missed() ? "yes" : "no")
                        .append(" |\n");
            }
        }
        sb.append("\nISTDP overlay (DOMAIN.md 3.7): ");
        for (int i = 0; i < sessions.size(); i++) {
            for (CodedEvent[] p : ResponseRules.pressureAboveThreshold(sessions.get(i))) {
                sb.append("S")
                        .append(i + 1)
                        .append(" ")
                        .append(p[0].code())
                        .append(" @")
                        .append(num(p[0].startS()))
                        .append(" then ")
                        .append(p[1].code())
                        .append(" @")
                        .append(num(p[1].startS()))
                        .append(" -> `pressure_above_threshold`.");
            }
        }
        sb.append("\n\n");
    }

    private static String formatOf(SessionPlan s, String file) {
        return s.annotationFiles().stream()
                .filter(f -> f.name().equals(file))
                .findFirst()
                .orElseThrow()
                .format()
                .shortName();
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
