package org.sessionreview.jobs.sampledata;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the planted codes should make the pipeline's rules conclude (DOMAIN.md sections 3.7 and
 * 5), computed from the plan so that planted.json can state it: the therapist's response to
 * each coded client cue, and the ISTDP pressure-above-threshold overlay.
 */
final class ResponseRules {
    /** Cue response window (DOMAIN.md 5, trigger b): [t, t + 10 s]. */
    static final double CUE_WINDOW_S = 10;
    /** ISTDP overlay window (DOMAIN.md 3.7): 30 s after ANX_CPD / ANX_MOT. */
    static final double PRESSURE_WINDOW_S = 30;

    private static final Set<String> EXPLICIT = Set.of("INT_EMPATHIC_REFLECTION",
            "INT_VALIDATION", "INT_EXPLORE_FEELING", "INT_METACOMMUNICATION",
            "INT_REGULATE_ANXIETY", "INT_CLARIFY_DEFENSE", "INT_INTERPRETATION_LINK");
    private static final Set<String> REDUCING = Set.of("INT_TOPIC_SHIFT", "INT_ADVICE",
            "INT_REASSURANCE", "INT_INFO_QUESTION_CLOSED");

    /** A coded client cue and the therapist code that answers it (if any). */
    record CueResponse(CodedEvent cue, CodedEvent response, String responseClass) {
        boolean missed() {
            return responseClass.equals("no_response")
                    || responseClass.equals("responded_reducing_space");
        }
    }

    private ResponseRules() {}

    static boolean isCueTrigger(CodedEvent e) {
        if (!e.actor().equals("client")) {
            return false;
        }
        if (e.family().equals("ANX")) {
            return e.intensity() == null || e.intensity() >= 2;
        }
        return e.code().equals("AFF_CUE") || e.code().equals("AFF_CONCERN");
    }

    static String classify(String code) {
        if (code.startsWith("RES_") || EXPLICIT.contains(code)) {
            return "responded_explicit_space";
        }
        if (REDUCING.contains(code)) {
            return "responded_reducing_space";
        }
        if (code.equals("INT_SILENCE_DELIBERATE")) {
            return "deliberate_silence";
        }
        return "other";
    }

    static List<CueResponse> cueResponses(SessionPlan s) {
        List<CueResponse> out = new ArrayList<>();
        for (CodedEvent cue : s.events()) {
            if (!isCueTrigger(cue)) {
                continue;
            }
            Optional<CodedEvent> first = therapistCodes(s).stream()
                    .filter(r -> r.startS() >= cue.startS()
                            && r.startS() <= cue.startS() + CUE_WINDOW_S)
                    .filter(r -> !classify(r.code()).equals("other"))
                    .findFirst();
            out.add(new CueResponse(cue, first.orElse(null),
                    first.map(r -> classify(r.code())).orElse("no_response")));
        }
        return out;
    }

    /** Pairs (cue, response) for DOMAIN.md 3.7: ANX_CPD/ANX_MOT met by pressure to feeling. */
    static List<CodedEvent[]> pressureAboveThreshold(SessionPlan s) {
        List<CodedEvent[]> out = new ArrayList<>();
        for (CodedEvent cue : s.events()) {
            if (!cue.code().equals("ANX_CPD") && !cue.code().equals("ANX_MOT")) {
                continue;
            }
            therapistCodes(s).stream()
                    .filter(r -> r.startS() >= cue.startS()
                            && r.startS() <= cue.startS() + PRESSURE_WINDOW_S)
                    .filter(r -> r.code().equals("INT_EXPLORE_FEELING")
                            || r.code().equals("INT_CHALLENGE_DEFENSE"))
                    .findFirst()
                    .ifPresent(r -> out.add(new CodedEvent[] {cue, r}));
        }
        return out;
    }

    static List<CodedEvent> therapistCodes(SessionPlan s) {
        return s.events().stream()
                .filter(e -> e.actor().equals("therapist"))
                .sorted((a, b) -> Double.compare(a.startS(), b.startS()))
                .toList();
    }
}
