package org.sessionreview.live;

import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.*;
import org.junit.jupiter.api.Test;
import org.sessionreview.config.PipelineConfig;
import org.sessionreview.features.WearerWindower;
import org.sessionreview.ingest.IngestedSession;
import org.sessionreview.ingest.SessionIngestor;
import org.sessionreview.ingest.session.Pseudonymizer;
import org.sessionreview.model.*;

/**
 * A channel whose producer runs 40 s behind the wearer's others (within {@code
 * features.max_channel_skew_s}), in messages that end off the millisecond grid: the live job's
 * windows equal the review's (review of 2026-12-07: the early flush of a stopped channel's block
 * also fired for such a channel and moved its samples by up to 0.5 ms, changing windows; the
 * windows test is the reviewer's).
 */
class LiveLateChannelWindowsTest {
    static final PipelineConfig CONFIG = PipelineConfig.defaults();

    record Due(double due, LiveMessage m) {}

    static List<Due> messages(IngestedSession s, String role, double slice) {
        List<Due> out = new ArrayList<>();
        Map<String, Long> origin = new HashMap<>();
        for (SampleBlock b : s.blocks)
            if (role.equals(b.role) && !b.endOfStream && b.firstIndex == 0)
                origin.putIfAbsent(b.channel, b.startMillis);
        long bm = CONFIG.features().blockMillis();
        for (SampleBlock b : s.blocks) {
            if (!role.equals(b.role) || b.endOfStream) continue;
            long o = origin.getOrDefault(b.channel, b.startMillis);
            if (b.rateHz == 0) {
                LiveMessage m = base(s, b, o);
                m.startMillis = b.startMillis;
                m.spanS = bm / 1000.0;
                m.firstIndex = b.firstIndex;
                m.values = b.values.clone();
                m.offsetsS = new double[b.values.length];
                for (int i = 0; i < m.offsetsS.length; i++)
                    m.offsetsS[i] = (b.startMillis - o) / 1000.0 + b.offsetsS[i];
                out.add(new Due(b.startMillis + bm, m));
                continue;
            }
            int per = (int) Math.max(1, Math.round(b.rateHz * slice));
            for (int off = 0; off < b.sampleCount(); off += per) {
                int n = Math.min(per, b.sampleCount() - off);
                LiveMessage m = base(s, b, o);
                m.firstIndex = b.firstIndex + off;
                m.startMillis = o + Math.round(m.firstIndex * 1000.0 / b.rateHz);
                m.rateHz = b.rateHz;
                m.values = Arrays.copyOfRange(b.values, off * b.width, (off + n) * b.width);
                out.add(new Due(o + (m.firstIndex + n) * 1000.0 / b.rateHz, m));
            }
        }
        return out;
    }

    static LiveMessage base(IngestedSession s, SampleBlock b, long o) {
        LiveMessage m = new LiveMessage();
        m.type = LiveMessage.SAMPLES;
        m.sessionId = s.info.sessionId;
        m.topic = "in";
        m.wearer = b.role;
        m.channel = b.channel;
        m.streamStartMillis = o;
        return m;
    }

    static List<SampleBlock> live(IngestedSession s, String role, double slice, String lagging, double lagMs) {
        return live(s, role, slice, lagging, lagMs, Long.MAX_VALUE, new int[1]);
    }

    /** As above, the lagging channel's messages from sample {@code stop} on never sent; {@code atEnd[0]} its samples given only at the session's end. */
    static List<SampleBlock> live(
            IngestedSession s, String role, double slice, String lagging, double lagMs, long stop, int[] atEnd) {
        List<Due> d = new ArrayList<>(messages(s, role, slice));
        d.removeIf(x -> x.m().channel.equals(lagging) && x.m().firstIndex >= stop);
        d.sort(Comparator.comparingDouble((Due x) -> x.due() + (x.m().channel.equals(lagging) ? lagMs : 0)));
        LiveMessage start = new LiveMessage();
        start.type = LiveMessage.SESSION_START;
        start.sessionId = s.info.sessionId;
        start.topic = "in";
        start.therapistId = "T";
        start.clientKey = "k";
        start.sessionNumber = 1;
        start.mediaStart = s.info.mediaStartText;
        start.wearers = List.of(role);
        LiveAssembler a = new LiveAssembler(CONFIG.features().blockMillis(), 24, 120);
        List<SampleBlock> blocks = new ArrayList<>();
        List<String> rejects = new ArrayList<>();
        LiveAssembler.Output out = new LiveAssembler.Output() {
            public void block(SampleBlock b) {
                blocks.add(b);
            }

            public void session(SessionInfo i) {}

            public void annotation(Annotation x) {}

            public void reject(Reject r, boolean m) {
                rejects.add(r.reason);
            }
        };
        LiveSession ls = a.accept(null, start, out);
        long off = 0;
        for (Due x : d) {
            x.m().offset = off++;
            ls = a.accept(ls, x.m(), out);
        }
        LiveMessage end = new LiveMessage();
        end.type = LiveMessage.SESSION_END;
        end.sessionId = s.info.sessionId;
        end.topic = "in";
        int before = blocks.size();
        a.accept(ls, end, out);
        for (int i = before; i < blocks.size(); i++) {
            if (lagging.equals(blocks.get(i).channel)) {
                atEnd[0] += blocks.get(i).sampleCount();
            }
        }
        return blocks;
    }

    static List<String> windows(IngestedSession s, String role, List<SampleBlock> blocks) {
        WearerWindower w = new WearerWindower(
                CONFIG.features(), s.info.sessionId, Role.parse(role).orElseThrow(), s.info.mediaStartMillis);
        List<String> rows = new ArrayList<>();
        for (SampleBlock b : blocks) {
            if (!role.equals(b.role)) continue;
            for (WindowFeatures f : w.add(b)) rows.add(row(f));
        }
        rows.sort(null);
        return rows;
    }

    static String row(WindowFeatures f) {
        StringBuilder sb = new StringBuilder();
        for (Field x : WindowFeatures.class.getFields()) {
            if (java.lang.reflect.Modifier.isStatic(x.getModifiers())
                    || x.getName().equals("arrivalMillis")) continue;
            try {
                sb.append(x.getName()).append('=').append(x.get(f)).append(' ');
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        }
        return sb.toString();
    }

    /**
     * A channel late first and stopped then (a check of the fix: flushing once per canonical block
     * held up to a whole block back until the session's end, 1,265 of BVP's samples here): only
     * the samples after its last whole millisecond (at most 7 at 64 Hz) wait for the end.
     */
    @Test
    void shouldNotHoldBackALateChannelThatStops() {
        IngestedSession s = new SessionIngestor(CONFIG, Pseudonymizer.demo(), null)
                .ingest(Path.of("..", "sample-data").toAbsolutePath().normalize(), "2026-03-26_T02_0900");
        for (long stop : new long[] {1920 * 3 + 1300, 1920 * 3 + 200}) {
            int[] atEnd = new int[1];
            live(s, "client", 0.7, "BVP", 40_000, stop, atEnd);
            org.junit.jupiter.api.Assertions.assertTrue(
                    atEnd[0] <= 7, "stop " + stop + ": " + atEnd[0] + " at the end");
        }
    }

    @Test
    void shouldGiveTheReviewsWindowsWhenOneChannelArrivesLate() {
        IngestedSession s = new SessionIngestor(CONFIG, Pseudonymizer.demo(), null)
                .ingest(Path.of("..", "sample-data").toAbsolutePath().normalize(), "2026-03-26_T02_0900");
        for (String role : List.of("client", "therapist")) {
            List<String> review = windows(s, role, s.blocks);
            for (double slice : new double[] {0.7, 10 / 64.0}) {
                for (String lag : new String[] {"BVP", "ACC"}) {
                    List<SampleBlock> blocks = live(s, role, slice, lag, 40_000);
                    List<String> live = windows(s, role, blocks);
                    String what = role + ", " + lag + " 40 s late in messages of " + slice + " s";
                    org.junit.jupiter.api.Assertions.assertEquals(review, live, what);
                }
            }
        }
    }
}
