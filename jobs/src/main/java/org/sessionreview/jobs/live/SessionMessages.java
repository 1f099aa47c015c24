package org.sessionreview.jobs.live;

import java.util.ArrayList;
import java.util.List;
import org.sessionreview.live.LiveMessage;
import org.sessionreview.model.Annotation;
import org.sessionreview.model.Channel;
import org.sessionreview.model.Role;
import org.sessionreview.model.SessionInfo;

/**
 * The {@code session_start}, {@code event} and {@code session_end} messages of a recorded session
 * (the {@code samples} ones come from {@link SampleMessages}).
 */
public final class SessionMessages {
    private SessionMessages() {}

    /**
     * The {@code session_start} message: {@code session.json} as ingested, with the client's keyed
     * pseudonym ({@link SessionInfo#clientKey}) and never the raw identifier.
     *
     * @param sessionId the id to send (the session's own, or a copy's)
     */
    public static LiveMessage start(SessionInfo info, String sessionId) {
        LiveMessage m = new LiveMessage();
        m.type = LiveMessage.SESSION_START;
        m.sessionId = sessionId;
        m.therapistId = info.therapistId;
        m.clientKey = info.clientKey;
        m.sessionNumber = info.sessionNumber;
        m.mediaStart = info.mediaStartText;
        m.durationS = info.durationDeclared ? info.durationS : null;
        m.consentSupervision = info.consentSupervision;
        m.consentResearch = info.consentResearch;
        m.wearers = declaredWearers(info);
        m.multiPartWearers = new java.util.ArrayList<>(
                info.multiPartWearers.stream().filter(m.wearers::contains).toList());
        m.folder = info.folder;
        // session.json's other fields stay behind: they may hold names or notes (never sent, never written)
        return m;
    }

    /**
     * The wearers {@code session.json} declares, in {@link Role} order: those with data ({@link
     * SessionInfo#wearers}) and those whose wearable folder gave nothing (every channel of the role
     * in {@link SessionInfo#missingChannels}; ingestion lists no channel of an undeclared role).
     */
    public static List<String> declaredWearers(SessionInfo info) {
        List<String> out = new ArrayList<>();
        for (Role r : Role.values()) {
            boolean allMissing = true;
            for (Channel c : Channel.values()) {
                allMissing &= info.missingChannels.contains(r.id() + ":" + c.name());
            }
            if (info.wearers.contains(r.id()) || allMissing) {
                out.add(r.id());
            }
        }
        return out;
    }

    /**
     * One {@code event} message, due at {@code mediaStartMillis + round(startS * 1000)}.
     *
     * @param mediaStartMillis second 0 of the session video, epoch ms
     * @param record the annotation's number among the session's annotations of the same file and
     *     line (0 for the first; see {@link LiveMessage#sourceRecord})
     */
    public static DueMessage event(Annotation a, String sessionId, long mediaStartMillis, int record) {
        LiveMessage m = new LiveMessage();
        m.type = LiveMessage.EVENT;
        m.sessionId = sessionId;
        m.code = a.code;
        m.family = a.family;
        m.actor = a.actor;
        m.startS = a.startS;
        m.endS = a.endS;
        m.significance = a.significance;
        m.modifiers = a.modifiers;
        m.label = a.label;
        m.sourceFile = a.sourceFile;
        m.sourceLine = a.sourceLine;
        m.sourceRecord = record;
        return new DueMessage(eventDueMillis(a, mediaStartMillis), m);
    }

    /** When an annotation's event is due: at its start, epoch ms. */
    public static long eventDueMillis(Annotation a, long mediaStartMillis) {
        return mediaStartMillis + Math.round(a.startS * 1000.0);
    }

    /** The {@code session_end} message. */
    public static LiveMessage end(String sessionId) {
        LiveMessage m = new LiveMessage();
        m.type = LiveMessage.SESSION_END;
        m.sessionId = sessionId;
        return m;
    }
}
