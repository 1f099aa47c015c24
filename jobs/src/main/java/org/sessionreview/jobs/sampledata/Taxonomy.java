package org.sessionreview.jobs.sampledata;

import java.util.List;

/** The canonical codes of DOMAIN.md section 2 used in the ELAN controlled vocabularies. */
final class Taxonomy {
    private Taxonomy() {}

    static List<String> codes(String family) {
        switch (family) {
            case "ANX":
                return List.of("ANX_STR_HANDS", "ANX_STR_SIGH", "ANX_STR_TENSION",
                        "ANX_STR_FIDGET", "ANX_SMO", "ANX_CPD", "ANX_MOT");
            case "AFF":
                return List.of("AFF_CUE", "AFF_CONCERN", "AFF_FEELING_BREAKTHROUGH",
                        "AFF_POSITIVE");
            case "RUP":
                return List.of("RUP_W_DENIAL", "RUP_W_MINIMAL", "RUP_W_ABSTRACT",
                        "RUP_W_AVOID_STORY", "RUP_W_DEFERENTIAL", "RUP_W_CONTENT_AFFECT_SPLIT",
                        "RUP_W_SELFCRIT_HOPELESS", "RUP_C_COMPLAINT_THERAPIST",
                        "RUP_C_REJECTS_INTERVENTION", "RUP_C_COMPLAINT_ACTIVITIES",
                        "RUP_C_COMPLAINT_PARAMETERS", "RUP_C_COMPLAINT_PROGRESS",
                        "RUP_C_DEFENDS_SELF", "RUP_C_CONTROL_PRESSURE");
            case "INT":
                return List.of("INT_EMPATHIC_REFLECTION", "INT_VALIDATION",
                        "INT_EXPLORE_FEELING", "INT_CLARIFY_DEFENSE", "INT_CHALLENGE_DEFENSE",
                        "INT_REGULATE_ANXIETY", "INT_METACOMMUNICATION",
                        "INT_INTERPRETATION_LINK", "INT_PSYCHOED_RATIONALE",
                        "INT_STRUCTURE_AGENDA_HOMEWORK", "INT_REASSURANCE", "INT_ADVICE",
                        "INT_INFO_QUESTION_CLOSED", "INT_TOPIC_SHIFT", "INT_SILENCE_DELIBERATE");
            case "RES":
                return List.of("RES_CLARIFY_MISUNDERSTANDING", "RES_CHANGE_TASK_GOAL",
                        "RES_RATIONALE", "RES_INVITE_DISCUSS_RELATIONSHIP",
                        "RES_ACK_OWN_CONTRIBUTION", "RES_DISCLOSE_INTERNAL",
                        "RES_LINK_PATTERN_IN_THERAPY", "RES_LINK_PATTERN_OUTSIDE",
                        "RES_VALIDATE_DEFENSIVE_POSTURE", "RES_REDIRECT_REFOCUS", "RES_OTHER");
            default:
                throw new IllegalArgumentException("no vocabulary for family " + family);
        }
    }
}
