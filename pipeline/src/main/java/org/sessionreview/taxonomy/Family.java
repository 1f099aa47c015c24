package org.sessionreview.taxonomy;

/**
 * Code families of the session-review taxonomy (DOMAIN.md section 2).
 *
 * <ul>
 *   <li>{@link #ANX}: client unconscious-anxiety discharge channels (ISTDP; Davanloo 1990, Abbass
 *       2015), section 2.1
 *   <li>{@link #RUP}: alliance rupture markers, withdrawal and confrontation (3RS; Eubanks, Muran
 *       &amp; Safran 2015), section 2.2
 *   <li>{@link #RES}: therapist resolution strategies (3RS), section 2.3
 *   <li>{@link #INT}: therapist interventions, section 2.5
 *   <li>{@link #AFF}: client affect cues (VR-CoDES; Zimmermann et al. 2011), section 2.6
 *   <li>{@link #SAFE}: safety events, always surfaced, section 2.7
 *   <li>{@link #STRUCT}: structural codes (turns, silence, segments, artifacts, baseline), section
 *       2.8
 * </ul>
 */
public enum Family {
    ANX,
    RUP,
    RES,
    INT,
    AFF,
    SAFE,
    STRUCT
}
