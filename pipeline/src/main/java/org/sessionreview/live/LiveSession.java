package org.sessionreview.live;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sessionreview.model.Annotation;
import org.sessionreview.model.SessionInfo;

/**
 * The state of one running live session (plain fields, kept in Flink's keyed state and cleared
 * when the session ends): its metadata from {@code session_start}, one {@link LiveStream} per
 * wearer and channel, and the coded events held back until the session's length is known.
 */
public class LiveSession {
    /** The provisional metadata sent at the start (client already pseudonymised). */
    public SessionInfo info;
    /** Declared duration, s; null when not declared. */
    public Double declaredDurationS;
    /** Streams by {@code role|channel}, in order of arrival. */
    public Map<String, LiveStream> streams = new LinkedHashMap<>();
    /** Canonical blocks emitted per wearer. */
    public Map<String, Integer> blocksPerWearer = new LinkedHashMap<>();
    /** Events forwarded downstream. */
    public int annotationsForwarded;
    /** Latest end (or start) of a forwarded event, s from media start. */
    public double lastAnnotationS;
    /** Events that may lie beyond the session's end: checked when it ends. */
    public List<Annotation> heldAnnotations = new ArrayList<>();
    /** Identities ({@code source_file:source_line}) of the events received, for de-duplication. */
    public java.util.Set<String> eventIds = new java.util.HashSet<>();
    /**
     * How many modifiers the allow-list dropped from the events taken, per file ({@code
     * source_file}, or {@code kafka:topic/partition}) and key: the key when allowed, {@code ""} for
     * any other (never the key or value itself); counts, so the state is bounded by the allow-list
     * whatever a producer sends; one note per file at the session's end.
     */
    public Map<String, Map<String, Long>> droppedModifiers = new LinkedHashMap<>();
    /** Where the session's messages are read ({@code kafka:topic/partition}), for rejects not tied to one message. */
    public String source;
    /** Offset of the latest message, for those rejects. */
    public long lastOffset;
    /** Kafka timestamp of the latest message, epoch ms (the silence timer counts from it). */
    public long lastMessageMillis;

    public LiveSession() {}

    /** The stream key of a wearer's channel. */
    public static String streamKey(String role, String channel) {
        return role + "|" + channel;
    }
}
