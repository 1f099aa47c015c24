package org.sessionreview.taxonomy;

import static org.sessionreview.taxonomy.Actor.CLIENT;
import static org.sessionreview.taxonomy.Actor.DYAD;
import static org.sessionreview.taxonomy.Actor.THERAPIST;
import static org.sessionreview.taxonomy.CodeType.POINT;
import static org.sessionreview.taxonomy.CodeType.STATE;
import static org.sessionreview.taxonomy.Family.AFF;
import static org.sessionreview.taxonomy.Family.ANX;
import static org.sessionreview.taxonomy.Family.INT;
import static org.sessionreview.taxonomy.Family.RES;
import static org.sessionreview.taxonomy.Family.RUP;
import static org.sessionreview.taxonomy.Family.SAFE;
import static org.sessionreview.taxonomy.Family.STRUCT;

/**
 * Every canonical code of DOMAIN.md section 2, with its family, default actor and usual type.
 *
 * <p>The constant name is the code as written in files ({@code ANX_STR_SIGH}), in BORIS
 * behaviour codes and in ELAN controlled-vocabulary entries. The default actor is used only when
 * an annotation carries no actor at all (see {@code AnnotationNormalizer}); the type is the
 * taxonomy's expectation ({@link CodeType}), not a constraint on input files.
 *
 * <p>Default actors and types are this project's proposal (DOMAIN.md marks section 2 as a
 * [proposal]): client codes for ANX, RUP, AFF and SAFE; therapist codes for RES and INT; the dyad
 * for shared structural codes (SILENCE, SEG_3RS, ARTIFACT, BASELINE).
 *
 * <p>References: Davanloo 1990, Abbass 2015 (ISTDP anxiety channels); Eubanks, Muran &amp; Safran
 * 2015, <i>Rupture Resolution Rating System (3RS): Manual</i> (RUP, RES); Zimmermann et al. 2011
 * (VR-CoDES cue/concern, AFF).
 */
public enum CanonicalCode {
    // 2.1 ANX: client anxiety discharge channels (ISTDP)
    ANX_STR_HANDS(ANX, CLIENT, STATE),
    ANX_STR_SIGH(ANX, CLIENT, POINT),
    ANX_STR_TENSION(ANX, CLIENT, STATE),
    ANX_STR_FIDGET(ANX, CLIENT, STATE),
    ANX_SMO(ANX, CLIENT, POINT),
    ANX_CPD(ANX, CLIENT, STATE),
    ANX_MOT(ANX, CLIENT, STATE),

    // 2.2 RUP: withdrawal markers (3RS)
    RUP_W_DENIAL(RUP, CLIENT, POINT),
    RUP_W_MINIMAL(RUP, CLIENT, POINT),
    RUP_W_ABSTRACT(RUP, CLIENT, STATE),
    RUP_W_AVOID_STORY(RUP, CLIENT, STATE),
    RUP_W_DEFERENTIAL(RUP, CLIENT, POINT),
    RUP_W_CONTENT_AFFECT_SPLIT(RUP, CLIENT, POINT),
    RUP_W_SELFCRIT_HOPELESS(RUP, CLIENT, POINT),
    // 2.2 RUP: confrontation markers (3RS)
    RUP_C_COMPLAINT_THERAPIST(RUP, CLIENT, POINT),
    RUP_C_REJECTS_INTERVENTION(RUP, CLIENT, POINT),
    RUP_C_COMPLAINT_ACTIVITIES(RUP, CLIENT, POINT),
    RUP_C_COMPLAINT_PARAMETERS(RUP, CLIENT, POINT),
    RUP_C_COMPLAINT_PROGRESS(RUP, CLIENT, POINT),
    RUP_C_DEFENDS_SELF(RUP, CLIENT, POINT),
    RUP_C_CONTROL_PRESSURE(RUP, CLIENT, POINT),

    // 2.3 RES: therapist resolution strategies (3RS)
    RES_CLARIFY_MISUNDERSTANDING(RES, THERAPIST, POINT),
    RES_CHANGE_TASK_GOAL(RES, THERAPIST, POINT),
    RES_RATIONALE(RES, THERAPIST, POINT),
    RES_INVITE_DISCUSS_RELATIONSHIP(RES, THERAPIST, POINT),
    RES_ACK_OWN_CONTRIBUTION(RES, THERAPIST, POINT),
    RES_DISCLOSE_INTERNAL(RES, THERAPIST, POINT),
    RES_LINK_PATTERN_IN_THERAPY(RES, THERAPIST, POINT),
    RES_LINK_PATTERN_OUTSIDE(RES, THERAPIST, POINT),
    RES_VALIDATE_DEFENSIVE_POSTURE(RES, THERAPIST, POINT),
    RES_REDIRECT_REFOCUS(RES, THERAPIST, POINT),
    RES_OTHER(RES, THERAPIST, POINT),

    // 2.5 INT: therapist interventions
    INT_EMPATHIC_REFLECTION(INT, THERAPIST, POINT),
    INT_VALIDATION(INT, THERAPIST, POINT),
    INT_EXPLORE_FEELING(INT, THERAPIST, POINT),
    INT_CLARIFY_DEFENSE(INT, THERAPIST, POINT),
    INT_CHALLENGE_DEFENSE(INT, THERAPIST, POINT),
    INT_REGULATE_ANXIETY(INT, THERAPIST, POINT),
    INT_METACOMMUNICATION(INT, THERAPIST, POINT),
    INT_INTERPRETATION_LINK(INT, THERAPIST, POINT),
    INT_PSYCHOED_RATIONALE(INT, THERAPIST, POINT),
    INT_STRUCTURE_AGENDA_HOMEWORK(INT, THERAPIST, POINT),
    INT_REASSURANCE(INT, THERAPIST, POINT),
    INT_ADVICE(INT, THERAPIST, POINT),
    INT_INFO_QUESTION_CLOSED(INT, THERAPIST, POINT),
    INT_TOPIC_SHIFT(INT, THERAPIST, POINT),
    INT_SILENCE_DELIBERATE(INT, THERAPIST, STATE),

    // 2.6 AFF: client affect cues (VR-CoDES)
    AFF_CUE(AFF, CLIENT, POINT),
    AFF_CONCERN(AFF, CLIENT, POINT),
    AFF_FEELING_BREAKTHROUGH(AFF, CLIENT, STATE),
    AFF_POSITIVE(AFF, CLIENT, POINT),

    // 2.7 SAFE: safety, always surfaced
    SAFE_SUICIDAL_IDEATION(SAFE, CLIENT, POINT),
    SAFE_SELF_HARM(SAFE, CLIENT, POINT),
    SAFE_HARM_OTHERS(SAFE, CLIENT, POINT),
    SAFE_SEVERE_DISSOCIATION(SAFE, CLIENT, STATE),
    SAFE_PANIC(SAFE, CLIENT, STATE),
    SAFE_MEDICAL(SAFE, CLIENT, POINT),
    SAFE_SESSION_EXIT(SAFE, CLIENT, POINT),

    // 2.8 structural codes, plus BASELINE for a coded baseline stretch (section 4.0)
    TURN_CL(STRUCT, CLIENT, STATE),
    TURN_TH(STRUCT, THERAPIST, STATE),
    SILENCE(STRUCT, DYAD, STATE),
    SEG_3RS(STRUCT, DYAD, POINT),
    ARTIFACT(STRUCT, DYAD, STATE),
    BASELINE(STRUCT, DYAD, STATE);

    private final Family family;
    private final Actor defaultActor;
    private final CodeType type;

    CanonicalCode(Family family, Actor defaultActor, CodeType type) {
        this.family = family;
        this.defaultActor = defaultActor;
        this.type = type;
    }

    /** The code as written in files, e.g. {@code ANX_STR_SIGH}. */
    public String code() {
        return name();
    }

    public Family family() {
        return family;
    }

    /** The actor assumed when an annotation names none. */
    public Actor defaultActor() {
        return defaultActor;
    }

    /** The usual coding shape (point or state). */
    public CodeType type() {
        return type;
    }
}
