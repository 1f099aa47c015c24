package org.sessionreview.jobs.live;

import java.util.LinkedHashSet;
import java.util.Set;
import org.sessionreview.live.LiveMessage;
import org.sessionreview.model.Channel;

/**
 * Sends a {@link ReplaySchedule}'s messages, each when the {@link Pacer} says it is due, and
 * counts them.
 */
public final class Replayer {
    /** Where messages go ({@link KafkaPublisher}; a list in tests). */
    public interface Publisher {
        void send(LiveMessage message) throws PublishException;

        /** Returns once everything sent has been delivered. */
        void flush() throws PublishException;
    }

    /** A message could not be published. The message is for the user. */
    public static final class PublishException extends Exception {
        private static final long serialVersionUID = 1L;

        public PublishException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * What was sent.
     *
     * @param messages all messages
     * @param samples samples of regular channels plus IBI beats
     * @param events {@code event} messages
     * @param sessions {@code session_end} messages: sessions (and copies) replayed to the end
     * @param elapsedNanos wall time from the first message to the flush after the last, ns
     */
    public record Totals(long messages, long samples, long events, long sessions, long elapsedNanos) {
        /** Messages per wall second (0 when no time passed). */
        public double messagesPerSecond() {
            return elapsedNanos <= 0 ? 0 : messages * 1e9 / elapsedNanos;
        }
    }

    /** Told after each message; for progress lines. */
    public interface Progress {
        void sent(long offsetMillis, Totals soFar);
    }

    private Replayer() {}

    /**
     * Sends every message of {@code schedule} in order, then flushes.
     *
     * @throws PublishException when a message cannot be published (nothing more is sent)
     */
    public static Totals run(ReplaySchedule schedule, Pacer pacer, Publisher publisher, Progress progress)
            throws PublishException, InterruptedException {
        return run(schedule, pacer, publisher, progress, Long.MAX_VALUE);
    }

    /**
     * Sends the messages of {@code schedule} in order up to {@code limitMillis} of session time,
     * then flushes. A message due later than that after its session's start is not sent; instead
     * every session still running gets its {@code session_end}, due at {@code limitMillis}.
     *
     * @param limitMillis session time to replay, ms ({@link Long#MAX_VALUE}: all of it)
     * @throws PublishException when a message cannot be published (nothing more is sent)
     */
    public static Totals run(
            ReplaySchedule schedule, Pacer pacer, Publisher publisher, Progress progress, long limitMillis)
            throws PublishException, InterruptedException {
        long messages = 0;
        long samples = 0;
        long events = 0;
        long sessions = 0;
        Set<String> running = new LinkedHashSet<>();
        while (schedule.hasNext()) {
            ReplaySchedule.Scheduled s = schedule.next();
            if (s.offsetMillis() > limitMillis) {
                break; // the schedule is in offset order: all that follows is later still
            }
            pacer.await(s.offsetMillis());
            publisher.send(s.message());
            messages++;
            switch (s.message().type) {
                case LiveMessage.SESSION_START -> running.add(s.message().sessionId);
                case LiveMessage.SAMPLES -> samples += sampleCount(s.message());
                case LiveMessage.EVENT -> events++;
                case LiveMessage.SESSION_END -> {
                    running.remove(s.message().sessionId);
                    sessions++;
                }
                default -> {}
            }
            progress.sent(s.offsetMillis(), new Totals(messages, samples, events, sessions, pacer.elapsedNanos()));
        }
        for (String id : running) {
            pacer.await(limitMillis);
            publisher.send(SessionMessages.end(id));
            messages++;
            sessions++;
        }
        publisher.flush();
        return new Totals(messages, samples, events, sessions, pacer.elapsedNanos());
    }

    /** Samples (regular: values / width) or beats (IBI) of a {@code samples} message. */
    public static int sampleCount(LiveMessage m) {
        return Channel.IBI.name().equals(m.channel)
                ? m.values.length
                : m.values.length / Channel.valueOf(m.channel).width();
    }
}
