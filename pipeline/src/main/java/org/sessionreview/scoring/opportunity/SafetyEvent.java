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

    SafetyEvent(CodedEvent event, String role, CodedEvent response) {
        this.event = Objects.requireNonNull(event, "event");
        this.role = Objects.requireNonNull(role, "role");
        this.response = response;
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
                && Objects.equals(response, ((SafetyEvent) o).response);
    }

    @Override
    public int hashCode() {
        return Objects.hash(event, role, response);
    }

    @Override
    public String toString() {
        return "SafetyEvent{" + event + " response=" + response + "}";
    }
}
