package org.sessionreview.operators;

import org.sessionreview.model.Annotation;
import org.sessionreview.model.SessionInfo;
import org.sessionreview.model.SignalChunk;
import org.sessionreview.model.WindowFeatures;

/**
 * What the per-session operator receives, keyed by session: the session's metadata, one of its
 * annotations, or one of its wearers' feature windows (including each wearer's end marker).
 * Exactly one field is set. A POJO so that Flink serializes it without Kryo.
 */
public class SessionEvent {
    public String sessionId;
    public SessionInfo info;
    public Annotation annotation;
    public WindowFeatures window;
    public SignalChunk chunk;

    public SessionEvent() {}

    public static SessionEvent of(SessionInfo info) {
        SessionEvent e = new SessionEvent();
        e.sessionId = info.sessionId;
        e.info = info;
        return e;
    }

    public static SessionEvent of(Annotation a) {
        SessionEvent e = new SessionEvent();
        e.sessionId = a.sessionId;
        e.annotation = a;
        return e;
    }

    public static SessionEvent of(SignalChunk c) {
        SessionEvent e = new SessionEvent();
        e.sessionId = c.sessionId;
        e.chunk = c;
        return e;
    }

    public static SessionEvent of(WindowFeatures w) {
        SessionEvent e = new SessionEvent();
        e.sessionId = w.sessionId;
        e.window = w;
        return e;
    }
}
