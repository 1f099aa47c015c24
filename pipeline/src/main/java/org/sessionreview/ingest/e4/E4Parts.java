package org.sessionreview.ingest.e4;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.sessionreview.model.Channel;

/**
 * One person's E4 recording that comes as several exports: the wristband was restarted during the
 * session (battery, a double press of the button, a lost connection), so {@code session.json}
 * lists the wearer's parts, {@code "client": ["client-1", "client-2.zip"]}, each a folder or an
 * E4 Connect zip inside the session folder. {@link #merge} joins the parts, already read one by
 * one, into one recording.
 *
 * <ul>
 *   <li><b>Each part</b> is read exactly as a single wearer folder or zip ({@link E4Reader#read},
 *       {@link E4ZipReader#read}), with all the checks of a single file (header, rate, start,
 *       units, two exports joined in one file, the duration cap). Every file of every part keeps
 *       its {@link E4FileReport} in {@link E4Recording#reports()}, in the order the parts are
 *       listed, so every file is accounted for and {@code recordsRead == recordsAccepted +
 *       recordsRejected} still holds per file.
 *   <li><b>Order.</b> Per channel, the parts holding data for it are ordered by their start time
 *       (unix time of header row 1; parts starting together keep the listed order), whatever the
 *       order of the list. The earliest is the first part: the merged channel starts at its start
 *       and has its rate.
 *   <li><b>Placement</b> (regular channels, as {@link JoinedExports} places a second export joined
 *       in one file): a later part is placed at its own start time on the first part's sample
 *       grid, at index {@code t = round((start_p - start_first) * rate)} (seconds, Hz). With
 *       {@code k} the samples placed so far, indices {@code k .. t-1} (the gap between the parts)
 *       are NaN: missing, as a rejected line is, and no records. A part starting up to half a
 *       sample before the end of the data placed is placed right after it ({@code t == k}).
 *   <li><b>IBI</b>: each beat offset of a later part is shifted by {@code start_p - start_first}
 *       seconds, so that all offsets count from the first part's start.
 * </ul>
 *
 * A later part is <b>rejected as a whole file</b> ({@link E4FileReport#rejectedAsAWhole}: every
 * record of the file counts as rejected and one reject at line 0 says why; its data is not used,
 * the other parts are) when its channel
 *
 * <ul>
 *   <li>has another rate than the first part's (one device, one channel, one rate);
 *   <li>overlaps the data already placed: a regular channel that starts more than half a sample
 *       before the end of it ({@code t < k}), an IBI file that starts before the last beat placed.
 *       Two devices cannot record one person at the same time and a restarted device cannot
 *       overlap itself, so this is a mislabelled file or the same export listed twice; the reason
 *       names the part it overlaps and by how many seconds;
 *   <li>starts after a gap longer than the duration cap ({@link E4Limits#maxDurationHours()},
 *       {@code ingest.e4_max_duration_h}, default 24 h) after the data placed: not the same
 *       session's recording; or
 *   <li>would end past the duration cap counted from the first part's start (the cap bounds the
 *       merged channel as it bounds one file: at most {@code hours * 3600 * rate} samples, IBI
 *       offsets up to {@code hours * 3600} s).
 * </ul>
 *
 * Reasons name the other part's file as it is accounted for (its path under the sessions root)
 * and numbers; they quote nothing else of the input. Plain Java, no Flink.
 */
public final class E4Parts {
    private E4Parts() {}

    /**
     * A file of a later part that {@link #merge} left out.
     *
     * @param file the file's report as read (before the rejection)
     * @param rejected the same report rejected as a whole, its last reject saying why
     */
    public record Rejection(E4FileReport file, E4FileReport rejected) {
        /** Why the file was left out. */
        public String reason() {
            return rejected.rejects().get(rejected.rejects().size() - 1).reason;
        }
    }

    /**
     * The merged recording and the files it left out.
     *
     * @param recording one channel per channel present in any part; {@link E4Recording#files()}
     *     the first part's file per channel, {@link E4Recording#reports()} every report of every
     *     part in list order, those of left-out files rejected as a whole
     * @param rejections the files left out, in channel then time order
     */
    public record Merged(E4Recording recording, List<Rejection> rejections) {}

    /**
     * Joins the parts of one wearer's recording (see the class comment).
     *
     * @param sessionId carried into rejects and the recording
     * @param parts each part as read, in the order {@code session.json} lists them (at least one)
     * @param limits the duration cap, as the parts were read with
     * @return the one part unchanged when there is only one
     */
    public static Merged merge(String sessionId, List<E4Recording> parts, E4Limits limits) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("no part to merge");
        }
        if (parts.size() == 1) {
            return new Merged(parts.get(0), List.of());
        }
        Map<Channel, E4Channel> channels = new EnumMap<>(Channel.class);
        Map<Channel, E4FileReport> files = new EnumMap<>(Channel.class);
        Map<E4FileReport, E4FileReport> replaced = new IdentityHashMap<>();
        List<Rejection> rejections = new ArrayList<>();
        for (Channel c : Channel.values()) {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < parts.size(); i++) {
                if (parts.get(i).channel(c).isPresent()) {
                    order.add(i);
                }
            }
            if (order.isEmpty()) {
                parts.stream()
                        .map(p -> p.files().get(c))
                        .filter(f -> f != null)
                        .findFirst()
                        .ifPresent(f -> files.put(c, f));
                continue;
            }
            order.sort(Comparator.comparingLong(
                    (Integer i) -> parts.get(i).channel(c).orElseThrow().startMillis()));
            List<Piece> pieces = new ArrayList<>();
            for (int i : order) {
                E4Recording p = parts.get(i);
                pieces.add(new Piece(p.channel(c).orElseThrow(), p.files().get(c), i));
            }
            Piece first = pieces.get(0);
            files.put(c, first.file);
            List<Piece> kept = new ArrayList<>(List.of(first));
            List<String> problems = c == Channel.IBI ? placeIbi(pieces, kept, limits) : place(pieces, kept, limits);
            for (int j = 1; j < pieces.size(); j++) {
                String problem = problems.get(j - 1);
                Piece p = pieces.get(j);
                if (problem != null && p.file != null) {
                    E4FileReport r = p.file.rejectedAsAWhole(sessionId, problem);
                    replaced.put(p.file, r);
                    rejections.add(new Rejection(p.file, r));
                }
            }
            channels.put(c, c == Channel.IBI ? joinIbi(kept) : join(c, kept));
        }
        List<E4FileReport> reports = new ArrayList<>();
        for (E4Recording p : parts) {
            for (E4FileReport r : p.reports()) {
                reports.add(replaced.getOrDefault(r, r));
            }
        }
        files.replaceAll((c, f) -> replaced.getOrDefault(f, f));
        return new Merged(new E4Recording(sessionId, channels, files, reports), rejections);
    }

    /** A part's channel, its file (null for a synthetic recording) and its index in the list. */
    private static final class Piece {
        final E4Channel data;
        final E4FileReport file;
        final int part;
        /** Sample index of its first sample on the first part's grid (regular channels). */
        long at;

        Piece(E4Channel data, E4FileReport file, int part) {
            this.data = data;
            this.file = file;
            this.part = part;
        }

        String name() {
            return file != null ? file.sourceFile() : "part " + (part + 1) + " of the wearer's list";
        }
    }

    /** Decides where each later regular piece goes; one problem (or null) per later piece. */
    private static List<String> place(List<Piece> pieces, List<Piece> kept, E4Limits limits) {
        Piece first = pieces.get(0);
        double rate = first.data.rateHz();
        long cap = limits.maxSamples(rate);
        long k = first.data.sampleCount();
        List<String> problems = new ArrayList<>();
        for (Piece p : pieces.subList(1, pieces.size())) {
            Piece last = kept.get(kept.size() - 1);
            double endMs = first.data.startMillis() + k * 1000.0 / rate;
            long t = Math.round((p.data.startMillis() - first.data.startMillis()) / 1000.0 * rate);
            String problem = null;
            if (p.data.rateHz() != rate) {
                problem = "at " + E4Limits.num(p.data.rateHz()) + " Hz where the earlier part " + first.name()
                        + " is at " + E4Limits.num(rate) + " Hz: parts of one recording share a rate";
            } else if (t < k) {
                problem = overlap(p, last, endMs);
            } else if ((t - k) / rate > limits.maxDurationHours() * 3600) {
                problem = gap(p, last, (t - k) / rate, limits);
            } else if (t + p.data.sampleCount() > cap) {
                problem = span(p, first, limits);
            }
            problems.add(problem == null ? null : problem + "; rejected as a whole");
            if (problem == null) {
                p.at = t;
                k = t + p.data.sampleCount();
                kept.add(p);
            }
        }
        return problems;
    }

    /** As {@link #place} for IBI: no rate; a part may not start before the last beat placed. */
    private static List<String> placeIbi(List<Piece> pieces, List<Piece> kept, E4Limits limits) {
        Piece first = pieces.get(0);
        double lastBeatMs = lastBeatMillis(first);
        List<String> problems = new ArrayList<>();
        for (Piece p : pieces.subList(1, pieces.size())) {
            Piece last = kept.get(kept.size() - 1);
            long start = p.data.startMillis();
            double shiftS = (start - first.data.startMillis()) / 1000.0;
            double[] offsets = p.data.rawOffsets();
            double lastOffset = offsets.length == 0 ? 0 : offsets[offsets.length - 1];
            String problem = null;
            if (start < lastBeatMs) {
                problem = overlap(p, last, lastBeatMs);
            } else if ((start - lastBeatMs) / 1000.0 > limits.maxDurationHours() * 3600) {
                problem = gap(p, last, (start - lastBeatMs) / 1000.0, limits);
            } else if (shiftS + lastOffset > limits.maxOffsetSeconds()) {
                problem = span(p, first, limits);
            }
            problems.add(problem == null ? null : problem + "; rejected as a whole");
            if (problem == null) {
                kept.add(p);
                lastBeatMs = Math.max(lastBeatMs, lastBeatMillis(p));
            }
        }
        return problems;
    }

    private static double lastBeatMillis(Piece p) {
        int n = p.data.sampleCount();
        return n == 0 ? p.data.startMillis() : p.data.sampleMillis(n - 1);
    }

    private static String overlap(Piece p, Piece other, double otherEndMs) {
        double s = (otherEndMs - p.data.startMillis()) / 1000.0;
        return "overlaps " + other.name() + " by " + E4Limits.num(Math.round(s * 1000) / 1000.0)
                + " s: two recordings of one person cannot cover the same time";
    }

    private static String gap(Piece p, Piece other, double gapS, E4Limits limits) {
        return "starts " + E4Limits.num(Math.round(gapS * 1000) / 1000.0) + " s after the end of " + other.name()
                + ", a gap past the " + E4Limits.num(limits.maxDurationHours())
                + " h limit (ingest.e4_max_duration_h)";
    }

    private static String span(Piece p, Piece first, E4Limits limits) {
        return "would end over " + E4Limits.num(limits.maxDurationHours()) + " h after the start of " + first.name()
                + " (limit ingest.e4_max_duration_h)";
    }

    /** The kept regular pieces on one grid, NaN between them. */
    private static E4Channel join(Channel c, List<Piece> kept) {
        Piece first = kept.get(0);
        if (kept.size() == 1) {
            return first.data;
        }
        int width = c.width();
        Piece last = kept.get(kept.size() - 1);
        long samples = last.at + last.data.sampleCount();
        double[] values = new double[Math.toIntExact(samples * width)];
        Arrays.fill(values, Double.NaN);
        for (Piece p : kept) {
            double[] v = p.data.rawValues();
            System.arraycopy(v, 0, values, Math.toIntExact(p.at * width), v.length);
        }
        return E4Channel.wrap(c, first.data.startMillis(), first.data.rateHz(), values, null);
    }

    /** The kept IBI pieces, offsets shifted to the first piece's start. */
    private static E4Channel joinIbi(List<Piece> kept) {
        Piece first = kept.get(0);
        if (kept.size() == 1) {
            return first.data;
        }
        int n = kept.stream().mapToInt(p -> p.data.sampleCount()).sum();
        double[] offsets = new double[n];
        double[] intervals = new double[n];
        int i = 0;
        for (Piece p : kept) {
            double shiftS = (p.data.startMillis() - first.data.startMillis()) / 1000.0;
            double[] o = p.data.rawOffsets();
            double[] v = p.data.rawValues();
            for (int j = 0; j < o.length; j++, i++) {
                offsets[i] = o[j] + shiftS;
                intervals[i] = v[j];
            }
        }
        return E4Channel.wrap(Channel.IBI, first.data.startMillis(), 0, intervals, offsets);
    }
}
