package org.sessionreview.ingest.e4;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sessionreview.model.Channel;
import org.sessionreview.model.Reject;

/**
 * One wearer's E4 export: the channels that could be read, and a report per file found.
 *
 * <p>A channel is missing when its file was not found or was rejected as a whole (bad header,
 * no samples, unreadable); {@link #reports()} tells which, with one report per entry found that
 * is named like a channel file, so that nothing found is silently ignored.
 */
public final class E4Recording {
    private final String sessionId;
    private final Map<Channel, E4Channel> channels;
    private final Map<Channel, E4FileReport> files;
    private final List<E4FileReport> reports;

    /**
     * @param sessionId the session the recording belongs to (carried into rejects and blocks)
     * @param channels the channels with data
     * @param files a report per file found (empty for synthetic recordings); also the {@link
     *     #reports()}
     */
    public E4Recording(String sessionId, Map<Channel, E4Channel> channels, Map<Channel, E4FileReport> files) {
        this(sessionId, channels, files, List.copyOf(copy(files).values()));
    }

    /**
     * @param sessionId the session the recording belongs to (carried into rejects and blocks)
     * @param channels the channels with data
     * @param files the report of the file read per channel (the one {@link E4Reader}
     *     reads when several are found)
     * @param reports a report per entry found, including those in {@code files}, in channel order
     */
    public E4Recording(
            String sessionId,
            Map<Channel, E4Channel> channels,
            Map<Channel, E4FileReport> files,
            List<E4FileReport> reports) {
        this.sessionId = sessionId;
        this.reports = List.copyOf(reports);
        this.channels = Collections.unmodifiableMap(copy(channels));
        this.files = Collections.unmodifiableMap(copy(files));
        for (Map.Entry<Channel, E4Channel> e : channels.entrySet()) {
            if (e.getValue().channel() != e.getKey()) {
                throw new IllegalArgumentException("channel " + e.getValue().channel() + " stored under " + e.getKey());
            }
        }
    }

    private static <V> Map<Channel, V> copy(Map<Channel, V> m) {
        return m.isEmpty() ? new EnumMap<>(Channel.class) : new EnumMap<>(m);
    }

    public String sessionId() {
        return sessionId;
    }

    /** The channel's data, empty when missing. */
    public Optional<E4Channel> channel(Channel c) {
        return Optional.ofNullable(channels.get(c));
    }

    /** Channels with data, in {@link Channel} order. */
    public Set<Channel> presentChannels() {
        return channels.isEmpty() ? EnumSet.noneOf(Channel.class) : EnumSet.copyOf(channels.keySet());
    }

    /** Channels without data (file absent or rejected as a whole), in {@link Channel} order. */
    public Set<Channel> missingChannels() {
        Set<Channel> missing = EnumSet.allOf(Channel.class);
        missing.removeAll(channels.keySet());
        return missing;
    }

    /**
     * The report of the file read per channel (a regular {@code X.csv}, else {@code X.csv.gz}),
     * keyed by channel. Entries that were found but not read (a directory, a broken link, a
     * {@code .gz} beside its plain file) are only in {@link #reports()}.
     */
    public Map<Channel, E4FileReport> files() {
        return files;
    }

    /**
     * A report per entry found named like a channel file ({@code X.csv} or {@code X.csv.gz}),
     * read or not, in channel order (plain before gzip): the complete account of the folder.
     */
    public List<E4FileReport> reports() {
        return reports;
    }

    /** All rejects of all {@link #reports()}, in channel then line order. */
    public List<Reject> rejects() {
        List<Reject> all = new ArrayList<>();
        reports.forEach(f -> all.addAll(f.rejects()));
        return all;
    }

    /** Earliest channel start, epoch milliseconds; {@link Long#MAX_VALUE} when empty. */
    public long startMillis() {
        return channels.values().stream()
                .mapToLong(E4Channel::startMillis)
                .min()
                .orElse(Long.MAX_VALUE);
    }

    /** Latest channel end (see {@link E4Channel#endMillis()}), epoch ms, rounded up; MIN_VALUE when empty. */
    public long endMillis() {
        return channels.values().stream()
                .mapToLong(c -> (long) Math.ceil(c.endMillis()))
                .max()
                .orElse(Long.MIN_VALUE);
    }

    /**
     * This recording without the data of {@code channels} (they become missing); the file
     * reports stay, since the files were found and read.
     */
    public E4Recording without(Set<Channel> channels) {
        Map<Channel, E4Channel> kept = copy(this.channels);
        kept.keySet().removeAll(channels);
        return new E4Recording(sessionId, kept, files, reports);
    }

    @Override
    public String toString() {
        return "E4Recording{" + sessionId + " " + channels.values() + " missing=" + missingChannels() + "}";
    }
}
