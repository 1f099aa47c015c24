package org.sessionreview.operators;

import org.sessionreview.model.Reject;
import org.sessionreview.model.SampleBlock;
import org.sessionreview.model.SessionInfo;

/**
 * Rejects rows for failures inside the operators. The reason names the stage and the kind of
 * failure (the exception's class), never its message, which may quote input.
 */
final class ProcessingFailures {
    private ProcessingFailures() {}

    static Reject wearer(SampleBlock b, RuntimeException e) {
        return new Reject(
                b.sessionId,
                b.sessionId + "/" + b.role + " wearable",
                0,
                "processing of the " + b.role + "'s wearable stream failed (internal error "
                        + e.getClass().getSimpleName() + "); the session is reviewed without this wearer",
                null);
    }

    static Reject session(String sessionId, SessionInfo info, RuntimeException e) {
        String folder = info != null && info.folder != null ? info.folder + "/" : sessionId;
        return new Reject(
                sessionId,
                folder,
                0,
                "scoring the session failed (internal error " + e.getClass().getSimpleName()
                        + "); the session is left out of this run",
                null);
    }
}
