package org.sessionreview.jobs.sampledata;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the planted codes should make the pipeline's rules conclude (DOMAIN.md sections 2.7, 3.7
 * and 5), computed from the plan so that planted.json can state it: the therapist's response to
 * each coded client cue and to each episode onset, the answer to each safety event, and the
 * ISTDP pressure-above-threshold overlay.
 */
final class ResponseRules {
    /** Cue response window (DOMAIN.md 5, trigger b): [t, t + 10 s]. */
    static final double CUE_WINDOW_S = 10;
    /** ISTDP overlay window (DOMAIN.md 3.7): 30 s after ANX_CPD / ANX_MOT. */
    static final double PRESSURE_WINDOW_S = 30;
    /** Episode-onset response window (DOMAIN.md 5, trigger a): from onset - 10 s ... */
    static final double ONSET_BEFORE_S = 10;
    /** ... to onset + 30 s. */
    static final double ONSET_AFTER_S = 30;
    /**
     * The detected onset of a planted episode lies 0 to 15 s after its planted {@code start_s}
     * (the ramp leaves 0 there; the pipeline's 5 s window grid put it 2.5-7.5 s later on this
     * cohort). Onset outcomes in planted.json hold for every onset in that range.
     */
    static final double ONSET_LAG_MAX_S = 15;
    /** A SAFE event needs a therapist code within this many seconds (DOMAIN.md 2.7). */
    static final double SAFETY_WINDOW_S = 60;

    private static final Set<String> EXPLICIT = Set.of(
            "INT_EMPATHIC_REFLECTION",
            "INT_VALIDATION",
            "INT_EXPLORE_FEELING",
            "INT_METACOMMUNICATION",
            "INT_REGULATE_ANXIETY",
            "INT_CLARIFY_DEFENSE",
            "INT_INTERPRETATION_LINK");
    private static final Set<String> REDUCING =
            Set.of("INT_TOPIC_SHIFT", "INT_ADVICE", "INT_REASSURANCE", "INT_INFO_QUESTION_CLOSED");

    /** A coded client cue and the therapist code that answers it (if any). */
    record CueResponse(CodedEvent cue, CodedEvent response, String responseClass) {
        boolean missed() {
            return responseClass.equals("no_response") || responseClass.equals("responded_reducing_space");
        }
    }

    /** A planted episode's onset and the therapist behaviour in its response window. */
    record OnsetResponse(EpisodePlan episode, CodedEvent response, String responseClass) {
        boolean missed() {
            return responseClass.equals("no_response") || responseClass.equals("responded_reducing_space");
        }
    }

    /** A coded SAFE event and the first therapist code within 60 s (null: unanswered). */
    record SafetyResponse(CodedEvent event, CodedEvent response) {
        boolean responded() {
            return response != null;
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
                    .filter(r -> r.startS() >= cue.startS() && r.startS() <= cue.startS() + CUE_WINDOW_S)
                    .filter(r -> !classify(r.code()).equals("other"))
                    .findFirst();
            out.add(new CueResponse(
                    cue, first.orElse(null), first.map(r -> classify(r.code())).orElse("no_response")));
        }
        return out;
    }

    /**
     * The therapist behaviour in the onset window of a planted episode (DOMAIN.md 5, trigger a):
     * the first code of the one response class found in [onset - 10 s, onset + 30 s], or {@code
     * no_response}. Checked for every detected onset from {@code start_s} to {@code start_s +}
     * {@link #ONSET_LAG_MAX_S} in 0.5 s steps.
     *
     * @throws IllegalStateException when the outcome changes within that range, or the window
     *     holds two response classes (the plan must not rely on a tie-break)
     */
    static OnsetResponse onsetResponse(SessionPlan s, EpisodePlan e) {
        OnsetResponse first = null;
        for (double lag = 0; lag <= ONSET_LAG_MAX_S; lag += 0.5) {
            OnsetResponse r = onsetResponseAt(s, e, e.startS() + lag);
            if (first == null) {
                first = r;
            } else if (r.response() != first.response()) {
                throw new IllegalStateException(
                        e.id() + ": the onset response depends on the" + " detector lag (" + lag + " s)");
            }
        }
        return first;
    }

    private static OnsetResponse onsetResponseAt(SessionPlan s, EpisodePlan e, double onset) {
        List<CodedEvent> inWindow = therapistCodes(s).stream()
                .filter(r -> r.startS() >= onset - ONSET_BEFORE_S && r.startS() <= onset + ONSET_AFTER_S)
                .filter(r -> !classify(r.code()).equals("other"))
                .toList();
        if (inWindow.stream().map(r -> classify(r.code())).distinct().count() > 1) {
            throw new IllegalStateException(e.id() + ": two response classes in the onset window");
        }
        return inWindow.isEmpty()
                ? new OnsetResponse(e, null, "no_response")
                : new OnsetResponse(e, inWindow.get(0), classify(inWindow.get(0).code()));
    }

    /** Every client SAFE event with the first therapist code (any) in [t, t + 60 s]. */
    static List<SafetyResponse> safetyResponses(SessionPlan s) {
        List<SafetyResponse> out = new ArrayList<>();
        for (CodedEvent e : s.events()) {
            if (!e.family().equals("SAFE")) {
                continue;
            }
            CodedEvent answer = therapistCodes(s).stream()
                    .filter(r -> r.startS() >= e.startS() && r.startS() <= e.startS() + SAFETY_WINDOW_S)
                    .findFirst()
                    .orElse(null);
            out.add(new SafetyResponse(e, answer));
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
                    .filter(r -> r.startS() >= cue.startS() && r.startS() <= cue.startS() + PRESSURE_WINDOW_S)
                    .filter(r ->
                            r.code().equals("INT_EXPLORE_FEELING") || r.code().equals("INT_CHALLENGE_DEFENSE"))
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
