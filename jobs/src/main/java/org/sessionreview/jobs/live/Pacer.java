package org.sessionreview.jobs.live;

import java.util.Locale;

/**
 * Holds each message back until its wall time: {@code replay start + offset / speed}, where the
 * offset is the device time since the message's session started ({@link
 * ReplaySchedule.Scheduled#offsetMillis()}). Speed {@code max} ({@link Double#POSITIVE_INFINITY})
 * never waits. The replay starts at the first {@link #await} call.
 */
public final class Pacer {
    /** Speed {@code max}: as fast as the messages can be sent. */
    public static final double MAX = Double.POSITIVE_INFINITY;

    /** Time and waiting (injected so tests need not wait). */
    public interface Clock {
        long nanoTime();

        void sleepNanos(long nanos) throws InterruptedException;
    }

    /** The JVM's monotonic clock and {@link Thread#sleep}. */
    public static final Clock SYSTEM = new Clock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleepNanos(long nanos) throws InterruptedException {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        }
    };

    private final double speed;
    private final Clock clock;
    private long startNanos;
    private boolean started;

    /**
     * @param speed device seconds per wall second: positive, or {@link #MAX}
     * @param clock the clock to wait on ({@link #SYSTEM})
     */
    public Pacer(double speed, Clock clock) {
        if (!(speed > 0) || Double.isNaN(speed)) {
            throw new IllegalArgumentException("speed must be positive, got " + speed);
        }
        this.speed = speed;
        this.clock = clock;
    }

    /**
     * Parses {@code --speed}: {@code max} or a positive number (1 = real time, 10 = ten times as fast).
     *
     * @throws IllegalArgumentException with a message for the user when it is neither
     */
    public static double parseSpeed(String text) {
        if (text.trim().toLowerCase(Locale.ROOT).equals("max")) {
            return MAX;
        }
        try {
            double s = Double.parseDouble(text.trim());
            if (s > 0 && Double.isFinite(s)) {
                return s;
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        throw new IllegalArgumentException(
                "--speed must be a positive number (1 = real time, 10, 100, ...) or max, got '" + text + "'");
    }

    /** Wall time after the replay's start at which a message with this offset is due, ns. */
    public long wallOffsetNanos(long offsetMillis) {
        return speed == MAX ? 0 : Math.round(offsetMillis * 1_000_000.0 / speed);
    }

    /**
     * Returns once a message with this offset is due (at once at speed {@link #MAX} or when late).
     *
     * @param offsetMillis device time since the message's session started, ms
     */
    public void await(long offsetMillis) throws InterruptedException {
        if (!started) {
            started = true;
            startNanos = clock.nanoTime();
        }
        if (speed == MAX) {
            return;
        }
        long due = startNanos + wallOffsetNanos(offsetMillis);
        for (long now = clock.nanoTime(); now - due < 0; now = clock.nanoTime()) {
            clock.sleepNanos(due - now);
        }
    }

    /** Wall time since the replay started, ns (0 before the first {@link #await}). */
    public long elapsedNanos() {
        return started ? clock.nanoTime() - startNanos : 0;
    }
}
