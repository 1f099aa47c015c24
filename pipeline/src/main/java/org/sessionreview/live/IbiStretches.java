package org.sessionreview.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sessionreview.model.Reject;
import org.sessionreview.model.SampleBlock;

/**
 * Puts a live IBI stream's stretches in time order. A producer sends consecutive stretches that
 * tile the time line (an empty stretch says the stream is alive), so a stretch that starts after
 * the part covered so far means one before it is late or lost: it is held, as a regular channel's
 * samples are held ahead of a gap, until the gap is filled or the stretches held reach {@code
 * maxAheadS} past it; then the gap is given up as a stretch without beats (a reject row, no dead
 * letter) and the held stretches are used. Taking an early stretch at once had moved the covered
 * part past the gap, so that every stretch still to come for it was refused as a duplicate (one
 * message arriving early refused 300 to 1,100 later ones).
 */
final class IbiStretches {
    private IbiStretches() {}

    /** The blocks completed by the IBI message {@code m} (which passed the message checks). */
    static List<SampleBlock> accept(LiveStream st, LiveMessage m, double maxAheadS, LiveAssembler.Output out) {
        long end = m.startMillis + Math.round(m.spanS * 1000.0);
        String what = m.wearer + "/IBI from " + m.startMillis + " ms";
        if (end <= st.coveredMillis || st.ibiAhead.containsKey(m.startMillis)) {
            LiveAssembler.reject(
                    m,
                    what
                            + String.format(
                                    Locale.ROOT,
                                    ": a stretch already received or already given up as missing (a duplicate, or a"
                                            + " message more than %.0f s late); ignored",
                                    maxAheadS),
                    out);
            return List.of();
        }
        if (m.startMillis < st.coveredMillis) {
            LiveAssembler.reject(
                    m, what + ": overlaps the stretch already received (up to " + st.coveredMillis + " ms)", out);
            return List.of();
        }
        long maxAheadMillis = Math.round(maxAheadS * 1000.0);
        if (m.startMillis - st.ibiHighest() > maxAheadMillis) {
            LiveAssembler.reject(
                    m,
                    what
                            + String.format(
                                    Locale.ROOT,
                                    ": far out of order, more than %.0f s after the latest stretch received (up to %d"
                                            + " ms)",
                                    maxAheadS,
                                    st.ibiHighest()),
                    out);
            return List.of();
        }
        List<SampleBlock> blocks = new ArrayList<>();
        if (m.startMillis > st.coveredMillis) {
            st.ibiAhead.put(m.startMillis, new double[][] {m.offsetsS, m.values, {end}});
        } else {
            blocks.addAll(st.acceptIbi(m.offsetsS, m.values, end));
        }
        blocks.addAll(drain(st, m.sessionId, m.source(), m.offset, m.wearer, out));
        while (!st.ibiAhead.isEmpty() && st.ibiHighest() - st.coveredMillis > maxAheadMillis) {
            blocks.addAll(giveUpGap(st, m.sessionId, m.source(), m.offset, m.wearer, out));
        }
        return blocks;
    }

    /** At the session's end: gives up every gap still open and uses the stretches held. */
    static List<SampleBlock> flush(
            LiveStream st, String sessionId, String source, long offset, String wearer, LiveAssembler.Output out) {
        List<SampleBlock> blocks = new ArrayList<>();
        while (!st.ibiAhead.isEmpty()) {
            blocks.addAll(giveUpGap(st, sessionId, source, offset, wearer, out));
        }
        return blocks;
    }

    private static List<SampleBlock> giveUpGap(
            LiveStream st, String sessionId, String source, long offset, String wearer, LiveAssembler.Output out) {
        long from = st.coveredMillis;
        long to = st.ibiAhead.firstKey();
        out.reject(
                new Reject(
                        sessionId,
                        source,
                        offset,
                        String.format(
                                Locale.ROOT,
                                "%s/IBI from %d to %d ms never arrived: treated as a stretch without beats",
                                wearer,
                                from,
                                to),
                        null),
                false);
        st.coveredMillis = to;
        return drain(st, sessionId, source, offset, wearer, out);
    }

    /** Uses the held stretches that now continue the covered part. */
    private static List<SampleBlock> drain(
            LiveStream st, String sessionId, String source, long offset, String wearer, LiveAssembler.Output out) {
        List<SampleBlock> blocks = new ArrayList<>();
        while (!st.ibiAhead.isEmpty() && st.ibiAhead.firstKey() <= st.coveredMillis) {
            Map.Entry<Long, double[][]> e = st.ibiAhead.pollFirstEntry();
            double[][] held = e.getValue();
            if (e.getKey() < st.coveredMillis) {
                out.reject(
                        new Reject(
                                sessionId,
                                source,
                                offset,
                                wearer + "/IBI from " + e.getKey() + " ms (held ahead of a gap): overlaps the stretch"
                                        + " received since (up to " + st.coveredMillis + " ms); ignored",
                                null),
                        false);
            } else {
                blocks.addAll(st.acceptIbi(held[0], held[1], (long) held[2][0]));
            }
        }
        return blocks;
    }
}
