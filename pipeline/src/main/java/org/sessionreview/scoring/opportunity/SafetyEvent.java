package org.sessionreview.scoring.opportunity;

import java.io.Serializable;
import java.util.Objects;
import org.sessionreview.scoring.rupture.CodedEvent;

/**
 * A coded safety event ({@code SAFE_*}, DOMAIN.md 2.7) and the first therapist response coded
 * within the safety window, if any; see {@link SafetyEvents}. Immutable.
 */
public final class SafetyEvent implements Serializable {
    private static final long serialVersionUID = 1L;

    private final CodedEvent event;
    private final String role;
    private final CodedEvent response;
    private final double observedS;
    private final String derivedFrom;

    /**
     * @param observedS how much of the response window the coded video holds, seconds (the whole
     *     window unless the video ends sooner)
     * @param derivedFrom the code it was coded as when not a SAFE_* code ({@code ANX_CPD at
     *     intensity 3}), else null
     */
    SafetyEvent(CodedEvent event, String role, CodedEvent response, double observedS, String derivedFrom) {
        this.event = Objects.requireNonNull(event, "event");
        this.role = Objects.requireNonNull(role, "role");
        this.response = response;
        this.observedS = observedS;
        this.derivedFrom = derivedFrom;
    }

    /**
     * What the event was coded as when it is no SAFE_* code, e.g. {@code ANX_CPD at intensity 3}
     * for a {@code SAFE_SEVERE_DISSOCIATION} (DOMAIN.md 2.7); null for a coded SAFE_* event.
     */
    public String derivedFrom() {
        return derivedFrom;
    }

    /**
     * Seconds of the response window inside the coded video: the whole window, or less when the
     * video ends sooner (then a missing response was not observable, not withheld).
     */
    public double observedS() {
        return observedS;
    }

    /** The SAFE_* annotation. */
    public CodedEvent event() {
        return event;
    }

    /** {@code client}, or {@code therapist} when the therapist was coded as the actor. */
    public String role() {
        return role;
    }

    /** The first therapist INT_* or RES_* in the window; null when none was coded. */
    public CodedEvent response() {
        return response;
    }

    public boolean responded() {
        return response != null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SafetyEvent
                && event.equals(((SafetyEvent) o).event)
                && role.equals(((SafetyEvent) o).role)
                && Objects.equals(response, ((SafetyEvent) o).response)
                && Double.compare(observedS, ((SafetyEvent) o).observedS) == 0
                && Objects.equals(derivedFrom, ((SafetyEvent) o).derivedFrom);
    }

    @Override
    public int hashCode() {
        return Objects.hash(event, role, response, observedS, derivedFrom);
    }

    @Override
    public String toString() {
        return "SafetyEvent{" + event + " response=" + response + "}";
    }
}
