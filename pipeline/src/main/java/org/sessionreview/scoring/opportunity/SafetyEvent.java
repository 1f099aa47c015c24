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

    /**
     * @param observedS how much of the response window the coded video holds, seconds (the whole
     *     window unless the video ends sooner)
     */
    SafetyEvent(CodedEvent event, String role, CodedEvent response, double observedS) {
        this.event = Objects.requireNonNull(event, "event");
        this.role = Objects.requireNonNull(role, "role");
        this.response = response;
        this.observedS = observedS;
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
                && Double.compare(observedS, ((SafetyEvent) o).observedS) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(event, role, response, observedS);
    }

    @Override
    public String toString() {
        return "SafetyEvent{" + event + " response=" + response + "}";
    }
}
