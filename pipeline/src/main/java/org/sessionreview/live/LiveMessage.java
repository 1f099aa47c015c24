package org.sessionreview.live;

import java.util.ArrayList;
import java.util.List;

/**
 * One message of a live session on Kafka (the contract of the README's "Live sessions"
 * section), after {@link LiveJson} has parsed and checked its shape. Every message of a session
 * carries its {@code session_id} and is keyed by it on Kafka, so that a session's messages stay
 * in order on one partition.
 *
 * <p>Four types ({@link #type}):
 *
 * <ul>
 *   <li>{@value #SESSION_START}: the {@code session.json} fields, with the client identifier
 *       already replaced by its keyed pseudonym ({@link #clientKey}); a raw {@code client_id} is
 *       refused;
 *   <li>{@value #SAMPLES}: about one second of one channel of one wearer: regular channels give
 *       the stream's origin ({@link #streamStartMillis}), the index of the first sample in the
 *       stream ({@link #firstIndex}), the rate and the values (ACC: x, y, z per sample); IBI gives
 *       beat times in seconds after the stream's origin ({@link #offsetsS}, as in the E4's
 *       IBI.csv) and the stretch the message covers ({@link #startMillis}, {@link #spanS});
 *   <li>{@value #EVENT}: one canonical coded event (the fields of the {@code annotations} table);
 *   <li>{@value #SESSION_END}: the session is over.
 * </ul>
 *
 * <p>A plain POJO (public fields, no-arg constructor) so that Flink's POJO serializer handles it.
 * {@link #topic}, {@link #partition}, {@link #offset} and {@link #timestampMillis} say where the
 * message was read (not part of the JSON); {@link #problem} is set, and nothing else need be,
 * when the record could not be used (see {@link LiveJson#parse}).
 */
public class LiveMessage {
    public static final String SESSION_START = "session_start";
    public static final String SAMPLES = "samples";
    public static final String EVENT = "event";
    public static final String SESSION_END = "session_end";

    public String type;
    public String sessionId;

    // session_start
    public String therapistId;
    /** Keyed pseudonym of the client (hex), made by the producer. */
    public String clientKey;

    public int sessionNumber;
    /** ISO-8601 with offset: second 0 of the session video. */
    public String mediaStart;
    /** Declared duration in seconds; null when not declared. */
    public Double durationS;

    public boolean consentSupervision;
    public boolean consentResearch;
    /** Declared wearers ({@code client}, {@code therapist}). */
    public List<String> wearers = new ArrayList<>();
    /**
     * Wearers whose recording {@code session.json} lists in several parts (a restarted
     * wristband); optional, empty when absent. Only the wording of a coverage flag reason
     * depends on it, as in {@code review}.
     */
    public List<String> multiPartWearers = new ArrayList<>();
    /** The session's folder name (for the {@code sessions} table); defaults to the session id. */
    public String folder;
    /** Other session.json fields as compact JSON; null when none. */
    public String metadataJson;

    // samples
    public String wearer;
    public String channel;
    /** Origin of the channel's stream, epoch ms: time of sample 0 (regular) or of IBI offset 0. */
    public long streamStartMillis;
    /** Regular: time of this message's first sample, epoch ms. IBI: start of the covered stretch. */
    public long startMillis;
    /** Sampling rate in Hz; 0 for IBI. */
    public double rateHz;
    /** Index of the first sample (IBI: beat) of this message in its stream, from 0. */
    public long firstIndex;
    /** Regular: samples x width values (NaN where the device gave none). IBI: intervals, s. */
    public double[] values;
    /** IBI only: beat times in seconds after {@link #streamStartMillis}. */
    public double[] offsetsS;
    /** IBI only: length of the stretch covered from {@link #startMillis}, s: no other beat in it. */
    public double spanS;

    // event
    public String code;
    public String family;
    public String actor;
    public double startS;
    public Double endS;
    public Integer significance;
    public String modifiers;
    public String label;
    public String sourceFile;
    public long sourceLine;
    /**
     * The event's number among the events of the same {@code source_file:source_line}, 0 for the
     * first: a BORIS project or a one-line JSON array holds every event on line 1.
     */
    public int sourceRecord;

    // where it was read
    public String topic;
    public int partition;
    public long offset;
    /** Kafka record timestamp, epoch ms. */
    public long timestampMillis;
    /** Why the record cannot be used; null when it can. */
    public String problem;

    public LiveMessage() {}

    /** A record that could not be used, with where it was read and why. */
    public static LiveMessage unusable(String sessionId, String problem) {
        LiveMessage m = new LiveMessage();
        m.sessionId = sessionId;
        m.problem = problem;
        return m;
    }

    /** Where the record was read, for rejects and dead letters: {@code kafka:topic/partition}. */
    public String source() {
        return "kafka:" + topic + "/" + partition;
    }

    @Override
    public String toString() {
        return "LiveMessage{" + type + " " + sessionId
                + (wearer == null ? "" : " " + wearer + "/" + channel + " #" + firstIndex)
                + (problem == null ? "" : " problem=" + problem) + "}";
    }
}
