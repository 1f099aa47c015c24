package org.sessionreview.scoring.opportunity;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.sessionreview.scoring.rupture.CodedEvent;
import org.sessionreview.scoring.rupture.CodedMoments;

/**
 * One therapeutic opportunity found by {@link MissedOpportunities}: a client cue, or the onset of
 * a client anxiety episode together with the coded cues in its response window, and how the
 * therapist responded in the window. Times are seconds from media start. Immutable.
 */
public final class Opportunity implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Double episodeOnsetS;
    private final Double episodeEndS;
    private final ArrayList<CodedEvent> triggerCues;
    private final ArrayList<CodedEvent> voicingCues;
    private final double windowStartS;
    private final double windowEndS;
    private final ArrayList<CodedEvent> responses;
    private final ResponseClass response;
    private final double judgedFromS;
    private final double judgedToS;
    private final String judgedTrigger;

    Opportunity(
            Double episodeOnsetS,
            Double episodeEndS,
            List<CodedEvent> triggerCues,
            List<CodedEvent> voicingCues,
            double windowStartS,
            double windowEndS,
            List<CodedEvent> responses,
            ResponseClass response,
            double judgedFromS,
            double judgedToS,
            String judgedTrigger) {
        if (episodeOnsetS == null && triggerCues.isEmpty()) {
            throw new IllegalArgumentException("an opportunity needs an episode onset or a cue");
        }
        this.episodeOnsetS = episodeOnsetS;
        this.episodeEndS = episodeEndS;
        this.triggerCues = new ArrayList<>(triggerCues);
        this.voicingCues = new ArrayList<>(voicingCues);
        this.windowStartS = windowStartS;
        this.windowEndS = windowEndS;
        this.responses = new ArrayList<>(responses);
        this.response = Objects.requireNonNull(response, "response");
        this.judgedFromS = judgedFromS;
        this.judgedToS = judgedToS;
        this.judgedTrigger = Objects.requireNonNull(judgedTrigger, "judgedTrigger");
    }

    /** The trigger time: the episode onset when there is one, else the cue's start. */
    public double triggerS() {
        return episodeOnsetS != null ? episodeOnsetS : triggerCues.get(0).startS();
    }

    /** Onset of the client anxiety episode (trigger a); null for a coded cue alone (b). */
    public Double episodeOnsetS() {
        return episodeOnsetS;
    }

    /** End of the client anxiety episode; null for a coded cue alone. */
    public Double episodeEndS() {
        return episodeEndS;
    }

    /** The coded cue triggers (b) of this opportunity, in time order; may be empty. */
    public List<CodedEvent> triggerCues() {
        return Collections.unmodifiableList(triggerCues);
    }

    /**
     * The coded client cues that voice it: for an episode, every ANX_*, AFF_CUE or AFF_CONCERN
     * overlapping [onset - voiced lookback, end] (any intensity); else the trigger cues.
     */
    public List<CodedEvent> voicingCues() {
        return Collections.unmodifiableList(voicingCues);
    }

    /** False only for an episode onset with no coded cue (physiology only). */
    public boolean voiced() {
        return !voicingCues.isEmpty();
    }

    public double windowStartS() {
        return windowStartS;
    }

    public double windowEndS() {
        return windowEndS;
    }

    /** Classifying therapist codes overlapping the window, in time order. */
    public List<CodedEvent> responses() {
        return Collections.unmodifiableList(responses);
    }

    /**
     * The opportunity's class: for a single trigger the best class among the responses in its
     * window ({@link ResponseClass} precedence); for an episode with cues the least space-providing
     * of its triggers' classes, each judged in its own window ({@link #judgedFromS()}).
     */
    public ResponseClass response() {
        return response;
    }

    /** Start of the window of the trigger that decided {@link #response()}, seconds from media start. */
    public double judgedFromS() {
        return judgedFromS;
    }

    /** End of that window. */
    public double judgedToS() {
        return judgedToS;
    }

    /** That trigger, e.g. {@code the onset} or {@code ANX_STR_HANDS at 14:10}. */
    public String judgedTrigger() {
        return judgedTrigger;
    }

    /** True for no response or a space-reducing response. */
    public boolean missed() {
        return response.missed();
    }

    /**
     * The moment kind when missed: {@code missed_opportunity} when voiced, {@code
     * unvoiced_arousal} for a physiology-only trigger; null when not missed.
     */
    public String momentKind() {
        if (!missed()) {
            return null;
        }
        return voiced() ? CodedMoments.MISSED_OPPORTUNITY : CodedMoments.UNVOICED_AROUSAL;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Opportunity)) {
            return false;
        }
        Opportunity p = (Opportunity) o;
        return Objects.equals(episodeOnsetS, p.episodeOnsetS)
                && Objects.equals(episodeEndS, p.episodeEndS)
                && triggerCues.equals(p.triggerCues)
                && voicingCues.equals(p.voicingCues)
                && windowStartS == p.windowStartS
                && windowEndS == p.windowEndS
                && responses.equals(p.responses)
                && response == p.response
                && judgedFromS == p.judgedFromS
                && judgedToS == p.judgedToS
                && judgedTrigger.equals(p.judgedTrigger);
    }

    @Override
    public int hashCode() {
        return Objects.hash(episodeOnsetS, triggerCues, windowStartS, windowEndS, response);
    }

    @Override
    public String toString() {
        return "Opportunity{trigger=" + triggerS() + (episodeOnsetS == null ? " cue" : " episode")
                + " cues=" + triggerCues + " window=" + windowStartS + "-" + windowEndS + " "
                + response.id() + " " + responses + "}";
    }
}
