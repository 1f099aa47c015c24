package org.sessionreview.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sessionreview.config.FeatureConfig;
import org.sessionreview.ingest.e4.BlockSplitter;
import org.sessionreview.ingest.e4.E4Channel;
import org.sessionreview.ingest.e4.E4Recording;
import org.sessionreview.ingest.e4.E4SampleRanges;
import org.sessionreview.model.Annotation;
import org.sessionreview.model.Channel;
import org.sessionreview.model.Reject;
import org.sessionreview.model.Role;
import org.sessionreview.model.SampleBlock;
import org.sessionreview.model.SessionInfo;

/**
 * The assembler must give downstream exactly the blocks a review of the same recording's files
 * gets from {@link BlockSplitter}, whatever the messages' size, and a defined outcome for each
 * damaged stream.
 */
class LiveAssemblerTest {
    private static final long MEDIA = 1_700_000_000_000L;
    private static final FeatureConfig FEATURES = FeatureConfig.defaults();
    private final LiveAssembler assembler = new LiveAssembler(FEATURES.blockMillis(), 24, 60);

    /** Collects everything the assembler emits. */
    static final class Collected implements LiveAssembler.Output {
        final List<SampleBlock> blocks = new ArrayList<>();
        final List<SessionInfo> infos = new ArrayList<>();
        final List<Annotation> annotations = new ArrayList<>();
        final List<Reject> rejects = new ArrayList<>();
        final List<Reject> deadLetters = new ArrayList<>();

        @Override
        public void block(SampleBlock b) {
            blocks.add(b);
        }

        @Override
        public void session(SessionInfo i) {
            infos.add(i);
        }

        @Override
        public void annotation(Annotation a) {
            annotations.add(a);
        }

        @Override
        public void reject(Reject r, boolean message) {
            rejects.add(r);
            if (message) {
                deadLetters.add(r);
            }
        }
    }

    /** A recording of {@code seconds} s with every channel, IBI beats at irregular times. */
    static E4Recording recording(int seconds, long seed) {
        Random rnd = new Random(seed);
        Map<Channel, E4Channel> channels = new EnumMap<>(Channel.class);
        long start = MEDIA + 1234;
        for (Channel c : Channel.values()) {
            if (c == Channel.IBI) {
                continue;
            }
            double rate = c == Channel.BVP ? 64 : c == Channel.ACC ? 32 : c == Channel.HR ? 1 : 4;
            double[] v = new double[(int) (seconds * rate) * c.width()];
            // plausible levels (the sample ranges take an EDA below 0 or an HR below 20 bpm as damaged)
            double level = c == Channel.EDA ? 5 : c == Channel.HR ? 70 : c == Channel.TEMP ? 33 : 0;
            for (int i = 0; i < v.length; i++) {
                v[i] = level + rnd.nextGaussian();
            }
            v[7] = Double.NaN; // a rejected line
            channels.put(c, E4Channel.regular(c, start + (c == Channel.HR ? 10_000 : 0), rate, v));
        }
        List<Double> offsets = new ArrayList<>();
        for (double t = 3.3; t < seconds - 20; t += 0.6 + rnd.nextDouble() * 0.5) {
            if (t < 70 || t > 100) { // a stretch without beats longer than a block
                offsets.add(t);
            }
        }
        double[] o = offsets.stream().mapToDouble(Double::doubleValue).toArray();
        double[] ibi = new double[o.length];
        Arrays.fill(ibi, 0.8);
        channels.put(Channel.IBI, E4Channel.ibi(start + 500, o, ibi));
        return new E4Recording("S1", channels, Map.of());
    }

    static LiveMessage start(Double durationS) {
        LiveMessage m = message(LiveMessage.SESSION_START);
        m.therapistId = "T1";
        m.clientKey = "abc";
        m.sessionNumber = 4;
        m.mediaStart = "2023-11-14T23:13:20+01:00";
        m.durationS = durationS;
        m.wearers = List.of("therapist", "client");
        return m;
    }

    static LiveMessage message(String type) {
        LiveMessage m = new LiveMessage();
        m.type = type;
        m.sessionId = "S1";
        m.topic = "in";
        return m;
    }

    /** The recording as 1 s messages of each channel, in time order (regular) and stretch order (IBI). */
    static List<LiveMessage> messages(E4Recording rec, String role, double sliceS) {
        List<LiveMessage> out = new ArrayList<>();
        for (Channel c : rec.presentChannels()) {
            E4Channel ch = rec.channel(c).orElseThrow();
            if (c == Channel.IBI) {
                double[] o = ch.offsetsS();
                double[] v = ch.values();
                long end = rec.endMillis();
                int i = 0;
                for (long from = ch.startMillis(); from < end; from += Math.round(sliceS * 1000)) {
                    LiveMessage m = message(LiveMessage.SAMPLES);
                    m.wearer = role;
                    m.channel = "IBI";
                    m.streamStartMillis = ch.startMillis();
                    m.startMillis = from;
                    m.spanS = sliceS;
                    m.firstIndex = i;
                    int first = i;
                    double toS = (from - ch.startMillis()) / 1000.0 + sliceS;
                    while (i < o.length && o[i] < toS) {
                        i++;
                    }
                    m.offsetsS = Arrays.copyOfRange(o, first, i);
                    m.values = Arrays.copyOfRange(v, first, i);
                    out.add(m);
                }
                continue;
            }
            int per = (int) Math.round(ch.rateHz() * sliceS);
            double[] v = ch.values();
            for (int first = 0; first < ch.sampleCount(); first += per) {
                int n = Math.min(per, ch.sampleCount() - first);
                LiveMessage m = message(LiveMessage.SAMPLES);
                m.wearer = role;
                m.channel = c.name();
                m.streamStartMillis = ch.startMillis();
                m.startMillis = ch.startMillis() + Math.round(first * 1000.0 / ch.rateHz());
                m.rateHz = ch.rateHz();
                m.firstIndex = first;
                m.values = Arrays.copyOfRange(v, first * c.width(), (first + n) * c.width());
                out.add(m);
            }
        }
        out.sort(Comparator.comparingLong((LiveMessage m) -> m.startMillis));
        return out;
    }

    private Collected run(List<LiveMessage> messages) {
        Collected out = new Collected();
        LiveSession s = null;
        long offset = 0;
        for (LiveMessage m : messages) {
            m.offset = offset++;
            s = assembler.accept(s, m, out);
        }
        assertNull(s, "the session_end message ends the session");
        return out;
    }

    private static List<SampleBlock> sorted(List<SampleBlock> blocks) {
        List<SampleBlock> copy = new ArrayList<>(blocks);
        copy.sort(Comparator.comparing((SampleBlock b) -> b.role)
                .thenComparing(b -> b.channel)
                .thenComparingLong(b -> b.firstIndex)
                .thenComparingLong(b -> b.startMillis));
        return copy;
    }

    @Test
    void shouldRebuildTheReviewsBlocksFromOneSecondMessages() {
        E4Recording rec = recording(200, 1);
        List<LiveMessage> in = new ArrayList<>();
        LiveMessage start = start(null);
        start.multiPartWearers = List.of("client");
        in.add(start);
        in.addAll(messages(rec, "client", 1.0));
        in.add(message(LiveMessage.SESSION_END));
        Collected out = run(in);

        List<SampleBlock> expected = new BlockSplitter(FEATURES).stream(rec, Role.CLIENT, MEDIA);
        assertEquals(sorted(expected), sorted(out.blocks));
        SampleBlock end =
                out.blocks.stream().filter(b -> b.endOfStream).findFirst().orElseThrow();
        SampleBlock expectedEnd = expected.get(expected.size() - 1);
        assertEquals(expectedEnd.startMillis, end.startMillis);
        assertEquals(expectedEnd.streamBlockCount, end.streamBlockCount);
        assertTrue(out.rejects.isEmpty(), out.rejects.toString());

        SessionInfo last = out.infos.get(out.infos.size() - 1);
        assertTrue(out.infos.get(0).provisional);
        assertEquals(List.of("client", "therapist"), out.infos.get(0).wearers, "declared wearers in role order");
        assertFalse(last.provisional);
        assertEquals(List.of("client"), last.wearers);
        // as review's SessionInfo, so the coverage reason is worded the same
        assertEquals(List.of("client"), last.multiPartWearers);
        assertEquals(
                List.of(
                        "therapist:EDA",
                        "therapist:BVP",
                        "therapist:ACC",
                        "therapist:TEMP",
                        "therapist:HR",
                        "therapist:IBI"),
                last.missingChannels.stream()
                        .sorted(Comparator.comparingInt((String x) ->
                                Channel.valueOf(x.substring(x.indexOf(':') + 1)).ordinal()))
                        .toList());
        assertEquals((rec.endMillis() - MEDIA) / 1000.0, last.durationS, 1e-9);
        assertEquals(MEDIA, last.mediaStartMillis);
        assertEquals("2023-11-14", last.sessionDate);
    }

    @Test
    void shouldGiveTheSameBlocksWhateverTheMessageSize() {
        E4Recording rec = recording(130, 2);
        for (double slice : new double[] {0.5, 2.0, 7.0}) {
            List<LiveMessage> in = new ArrayList<>();
            in.add(start(null));
            in.addAll(messages(rec, "client", slice));
            in.add(message(LiveMessage.SESSION_END));
            assertEquals(
                    sorted(new BlockSplitter(FEATURES).stream(rec, Role.CLIENT, MEDIA)),
                    sorted(run(in).blocks),
                    "slices of " + slice + " s");
        }
    }

    @Test
    void shouldHoldOutOfOrderSamplesAndRejectDuplicates() {
        E4Recording rec = recording(100, 3);
        List<LiveMessage> ordered = messages(rec, "client", 1.0);
        List<LiveMessage> in = new ArrayList<>();
        in.add(start(null));
        List<LiveMessage> shuffled = new ArrayList<>(ordered);
        // swap neighbours of the same regular channel, duplicate one message
        for (int i = 0; i + 13 < shuffled.size(); i += 40) {
            LiveMessage a = shuffled.get(i);
            int j = i + 1;
            while (j < shuffled.size() && !shuffled.get(j).channel.equals(a.channel)) {
                j++;
            }
            if (j < shuffled.size() && !"IBI".equals(a.channel)) {
                shuffled.set(i, shuffled.get(j));
                shuffled.set(j, a);
            }
        }
        in.addAll(shuffled);
        LiveMessage dup = ordered.stream()
                .filter(m -> m.channel.equals("EDA"))
                .skip(5)
                .findFirst()
                .orElseThrow();
        in.add(dup);
        in.add(message(LiveMessage.SESSION_END));
        Collected out = run(in);
        assertEquals(sorted(new BlockSplitter(FEATURES).stream(rec, Role.CLIENT, MEDIA)), sorted(out.blocks));
        assertEquals(1, out.deadLetters.size(), out.rejects.toString());
        assertTrue(out.deadLetters.get(0).reason.contains("duplicate"), out.deadLetters.get(0).reason);
        assertEquals(dup.offset, out.deadLetters.get(0).line);
    }

    @Test
    void shouldHoldAnIbiStretchThatArrivesEarlyUntilTheOnesBeforeItCome() {
        E4Recording rec = recording(100, 3);
        List<LiveMessage> ordered = messages(rec, "client", 1.0);
        List<LiveMessage> ibi =
                ordered.stream().filter(m -> m.channel.equals("IBI")).toList();
        // the stretch at 40 s sent 30 s early: before, it moved the covered part to 41 s and the
        // 30 stretches before it were refused as duplicates
        LiveMessage early = ibi.get(40);
        List<LiveMessage> in = new ArrayList<>();
        in.add(start(null));
        for (LiveMessage m : ordered) {
            if (m == ibi.get(10)) {
                in.add(early);
            }
            if (m != early) {
                in.add(m);
            }
        }
        in.add(message(LiveMessage.SESSION_END));
        Collected out = run(in);
        assertEquals(sorted(new BlockSplitter(FEATURES).stream(rec, Role.CLIENT, MEDIA)), sorted(out.blocks));
        assertTrue(out.deadLetters.isEmpty(), out.deadLetters.toString());
        assertTrue(out.rejects.isEmpty(), out.rejects.toString());
    }

    @Test
    void shouldGiveUpAnIbiStretchThatNeverComesOnceLaterOnesRunAhead() {
        E4Recording rec = recording(150, 3);
        List<LiveMessage> ordered = messages(rec, "client", 1.0);
        LiveMessage lost = ordered.stream()
                .filter(m -> m.channel.equals("IBI"))
                .skip(20)
                .findFirst()
                .orElseThrow();
        List<LiveMessage> in = new ArrayList<>();
        in.add(start(null));
        in.addAll(ordered.stream().filter(m -> m != lost).toList());
        in.add(message(LiveMessage.SESSION_END));
        Collected out = run(in);
        List<String> reasons = out.rejects.stream().map(r -> r.reason).toList();
        assertEquals(1, reasons.size(), reasons.toString());
        assertEquals(
                "client/IBI from " + lost.startMillis + " to " + (lost.startMillis + Math.round(lost.spanS * 1000))
                        + " ms never arrived: treated as a stretch without beats",
                reasons.get(0));
        assertTrue(out.deadLetters.isEmpty(), out.deadLetters.toString());
        long beats = out.blocks.stream()
                .filter(b -> "IBI".equals(b.channel) && !b.endOfStream)
                .mapToLong(b -> b.values.length)
                .sum();
        assertEquals(rec.channel(Channel.IBI).orElseThrow().sampleCount() - lost.values.length, beats);
    }

    @Test
    void shouldFillAGapThatNeverClosesWithMissingSamples() {
        E4Recording rec = recording(150, 4);
        List<LiveMessage> in = new ArrayList<>();
        in.add(start(null));
        List<LiveMessage> ms = messages(rec, "client", 1.0);
        LiveMessage lost = ms.stream()
                .filter(m -> m.channel.equals("TEMP") && m.firstIndex == 40)
                .findFirst()
                .orElseThrow();
        ms.remove(lost);
        in.addAll(ms);
        in.add(message(LiveMessage.SESSION_END));
        Collected out = run(in);

        SampleBlock temp0 = out.blocks.stream()
                .filter(b -> "TEMP".equals(b.channel) && b.firstIndex == 0)
                .findFirst()
                .orElseThrow();
        for (int i = 0; i < 120; i++) {
            double expected = i >= 40 && i < 44
                    ? Double.NaN
                    : rec.channel(Channel.TEMP).orElseThrow().values()[i];
            assertEquals(expected, temp0.values[i], 0.0, "TEMP sample " + i);
        }
        assertEquals(1, out.rejects.size(), out.rejects.toString());
        // the wearer named, as at the session's end (before: "TEMP samples ..." without it)
        assertTrue(
                out.rejects.get(0).reason.startsWith("client/TEMP samples 40..43 never arrived"),
                out.rejects.get(0).reason);
        assertEquals("kafka:in/0", out.rejects.get(0).sourceFile, "names where the session was read");
        assertTrue(out.deadLetters.isEmpty());
    }

    /**
     * A channel that stops while the others go on (the seventh cohort's G02: the therapist's BVP.csv
     * cut half way) gives its partial last block as soon as the others are a block past its end, not
     * at the session's end: the windower reads blocks in arrival order and, once another channel is
     * {@code features.max_channel_skew_s} past, detects beats without it; that block's samples came
     * too late and were lost (live beats differed from the review's for the last 19 s of BVP).
     */
    @Test
    void shouldGiveAStoppedChannelsLastBlockBeforeTheOthersRunOnPastIt() {
        E4Recording full = recording(200, 5);
        Map<Channel, E4Channel> channels = new EnumMap<>(Channel.class);
        for (Channel c : full.presentChannels()) {
            channels.put(c, full.channel(c).orElseThrow());
        }
        E4Channel bvp = full.channel(Channel.BVP).orElseThrow();
        // 3 whole blocks of 1,920 samples and 648 of the fourth: the stream stops on a whole
        // millisecond (at 64 Hz every 8th sample), where the early block ends; samples after such
        // a point would come with the session's end (LiveStream.flushIfStalled)
        int kept = 100 * 64 + 8;
        channels.put(
                Channel.BVP, E4Channel.regular(Channel.BVP, bvp.startMillis(), 64, Arrays.copyOf(bvp.values(), kept)));
        E4Recording rec = new E4Recording("S1", channels, Map.of());
        List<LiveMessage> in = new ArrayList<>();
        in.add(start(null));
        in.addAll(messages(rec, "client", 1.0));
        in.add(message(LiveMessage.SESSION_END));
        Collected out = run(in);

        assertEquals(sorted(new BlockSplitter(FEATURES).stream(rec, Role.CLIENT, MEDIA)), sorted(out.blocks));
        double bvpEnd = bvp.startMillis() + kept * 1000.0 / 64;
        int partial = -1;
        int firstFarAhead = -1;
        for (int i = 0; i < out.blocks.size(); i++) {
            SampleBlock b = out.blocks.get(i);
            if (b.endOfStream) {
                continue;
            }
            double end = b.rateHz > 0 ? b.startMillis + b.sampleCount() * 1000.0 / b.rateHz : b.startMillis;
            if ("BVP".equals(b.channel) && b.firstIndex == 3 * 1920) {
                partial = i;
            } else if (firstFarAhead < 0 && end - bvpEnd > FEATURES.maxChannelSkewMillis()) {
                firstFarAhead = i;
            }
        }
        assertTrue(partial >= 0, "the partial BVP block is emitted");
        assertEquals(648, out.blocks.get(partial).sampleCount());
        assertTrue(firstFarAhead > 0, "the other channels run on past the skew");
        assertTrue(
                partial < firstFarAhead,
                "the BVP block " + partial + " comes before the first block past the skew, " + firstFarAhead);
        assertTrue(out.rejects.isEmpty(), out.rejects.toString());
    }

    @Test
    void shouldTakeAccelerationBeyondTheE4sRangeAsMissingAndSaySo() {
        E4Recording rec = recording(60, 5);
        List<LiveMessage> in = new ArrayList<>();
        in.add(start(null));
        List<LiveMessage> ms = messages(rec, "client", 1.0);
        LiveMessage acc = ms.stream()
                .filter(m -> m.channel.equals("ACC") && m.firstIndex == 32)
                .findFirst()
                .orElseThrow();
        acc.values[3 * 2] = 6400; // sample 34, x: a damaged digit
        acc.values[3 * 5 + 2] = -1e200; // sample 37, z
        in.addAll(ms);
        in.add(message(LiveMessage.SESSION_END));
        Collected out = run(in);

        SampleBlock acc0 = out.blocks.stream()
                .filter(b -> "ACC".equals(b.channel) && b.firstIndex == 0)
                .findFirst()
                .orElseThrow();
        double[] want = rec.channel(Channel.ACC).orElseThrow().values();
        for (int i = 0; i < 60 * 3; i++) {
            int sample = i / 3;
            double expected = sample == 34 || sample == 37 ? Double.NaN : want[i];
            assertEquals(expected, acc0.values[i], 0.0, "ACC value " + i);
        }
        assertEquals(1, out.rejects.size(), out.rejects.toString());
        assertEquals(
                "samples: client/ACC samples 32..63: 2 ACC sample(s) beyond the E4's range (an axis past +-128 in"
                        + " 1/64 g, +-2 g: damaged values) taken as missing",
                out.rejects.get(0).reason);
        assertTrue(out.deadLetters.isEmpty(), "the message is used, not refused");
    }

    @Test
    void shouldTakeSamplesOutsideTheirPlausibleRangeAsMissingAsTheFileReaderDoes() {
        E4Recording rec = recording(60, 5);
        List<LiveMessage> in = new ArrayList<>();
        in.add(start(null));
        List<LiveMessage> ms = messages(rec, "client", 1.0);
        LiveMessage eda = ms.stream()
                .filter(m -> m.channel.equals("EDA") && m.firstIndex == 4)
                .findFirst()
                .orElseThrow();
        eda.values[1] = 1e23; // sample 5: a damaged value
        eda.values[2] = Double.NaN; // sample 6: missing, not out of range
        in.addAll(ms);
        in.add(message(LiveMessage.SESSION_END));
        Collected out = run(in);

        SampleBlock eda0 = out.blocks.stream()
                .filter(b -> "EDA".equals(b.channel) && b.firstIndex == 0)
                .findFirst()
                .orElseThrow();
        double[] want = rec.channel(Channel.EDA).orElseThrow().values();
        for (int i = 0; i < 12; i++) {
            double expected = i == 5 || i == 6 ? Double.NaN : want[i];
            assertEquals(expected, eda0.values[i], 0.0, "EDA sample " + i);
        }
        assertEquals(1, out.rejects.size(), out.rejects.toString());
        assertEquals(
                "samples: client/EDA samples 4..7: 1 EDA sample(s) outside the plausible range (ingest.e4_* options:"
                        + " damaged values) taken as missing",
                out.rejects.get(0).reason);
        assertTrue(out.deadLetters.isEmpty(), "the message is used, not refused");

        // the configured ranges, not the defaults: an EDA ceiling below the recording's level
        // takes every EDA sample as missing
        double level = java.util.Arrays.stream(want).max().orElseThrow();
        E4SampleRanges tight = new E4SampleRanges(level / 2, -20, 60, 20, 250, 1e5);
        LiveAssembler configured = new LiveAssembler(FEATURES.blockMillis(), 24, 60, tight);
        Collected out2 = new Collected();
        LiveSession s = null;
        long offset = 0;
        for (LiveMessage m : in) {
            m.offset = offset++;
            s = configured.accept(s, m, out2);
        }
        assertTrue(out2.rejects.size() > 1, out2.rejects.toString());
        assertTrue(out2.rejects.stream().allMatch(r -> r.reason.contains("EDA sample(s) outside")));
    }

    @Test
    void shouldRejectEachBadMessageWithItsReasonAndKeepTheSession() {
        E4Recording rec = recording(60, 5);
        List<LiveMessage> in = new ArrayList<>();
        LiveMessage early = message(LiveMessage.SAMPLES);
        early.problem = null;
        early.wearer = "client";
        early.channel = "EDA";
        early.values = new double[] {1};
        early.rateHz = 4;
        in.add(early); // before session_start
        in.add(start(null));
        in.add(start(null)); // duplicate start
        in.addAll(messages(rec, "client", 1.0));
        LiveMessage future = message(LiveMessage.SAMPLES);
        future.wearer = "client";
        future.channel = "EDA";
        future.streamStartMillis = rec.channel(Channel.EDA).orElseThrow().startMillis();
        future.rateHz = 4;
        future.firstIndex = 4 * 3600 * 30;
        future.startMillis = future.streamStartMillis + 3_600_000L * 30;
        future.values = new double[] {1, 2, 3, 4};
        in.add(future);
        LiveMessage ahead = message(LiveMessage.SAMPLES);
        ahead.wearer = "client";
        ahead.channel = "EDA";
        ahead.streamStartMillis = future.streamStartMillis;
        ahead.rateHz = 4;
        ahead.firstIndex = 4 * 600;
        ahead.startMillis = ahead.streamStartMillis + 600_000;
        ahead.values = new double[] {1, 2, 3, 4};
        in.add(ahead);
        LiveMessage undeclared = message(LiveMessage.SAMPLES);
        undeclared.wearer = "observer";
        in.add(undeclared);
        LiveMessage unknownCode = message(LiveMessage.EVENT);
        unknownCode.code = "NOT_A_CODE";
        unknownCode.family = "ANX";
        unknownCode.actor = "client";
        in.add(unknownCode);
        LiveMessage malformed = LiveMessage.unusable("S1", "not JSON");
        malformed.topic = "in";
        in.add(malformed);
        in.add(message(LiveMessage.SESSION_END));
        Collected out = run(in);

        List<String> reasons = out.deadLetters.stream().map(r -> r.reason).toList();
        assertEquals(7, reasons.size(), reasons.toString());
        assertTrue(reasons.get(0).startsWith("samples: no session_start"), reasons.get(0));
        assertTrue(reasons.get(1).contains("duplicate session_start"), reasons.get(1));
        assertTrue(reasons.get(2).contains("in the future"), reasons.get(2));
        assertTrue(reasons.get(3).contains("far out of order"), reasons.get(3));
        assertTrue(reasons.get(4).contains("not declared"), reasons.get(4));
        assertTrue(reasons.get(5).contains("not a canonical code"), reasons.get(5));
        assertEquals("record: not JSON", reasons.get(6));
        assertEquals(
                sorted(new BlockSplitter(FEATURES).stream(rec, Role.CLIENT, MEDIA)),
                sorted(out.blocks),
                "the rest of the session is unaffected");
    }

    @Test
    void shouldForwardEventsInsideTheSessionAndRejectThoseBeyondItsEnd() {
        E4Recording rec = recording(100, 6);
        List<LiveMessage> in = new ArrayList<>();
        in.add(start(null));
        LiveMessage before = event(5, 1); // before any sample: held until the length is known
        in.add(before);
        List<LiveMessage> ms = messages(rec, "client", 1.0);
        in.addAll(ms.subList(0, ms.size() / 2));
        in.add(event(20, 2)); // inside the data so far: forwarded at once
        in.add(event(20, 2)); // the same event again
        in.add(event(500, 3)); // beyond the recording + 30 s: rejected at the end
        in.addAll(ms.subList(ms.size() / 2, ms.size()));
        in.add(message(LiveMessage.SESSION_END));
        Collected out = run(in);
        assertEquals(
                List.of(5.0, 20.0),
                out.annotations.stream().map(a -> a.startS).sorted().toList());
        SessionInfo last = out.infos.get(out.infos.size() - 1);
        assertEquals(2, last.annotationCount);
        assertEquals(1, out.deadLetters.size(), "the duplicate");
        assertTrue(
                out.rejects.stream().anyMatch(r -> r.line == 3 && r.reason.contains("lies outside the session")),
                out.rejects.toString());
    }

    @Test
    void shouldRejectAnEventBeyondADeclaredEndAsARejectsRowNotADeadLetter() {
        // found by the live audit: with duration_s declared, the whole message was refused as a
        // dead letter; review (and a session without duration_s) write a rejects row at its line
        E4Recording rec = recording(100, 6);
        List<LiveMessage> in = new ArrayList<>();
        in.add(start(60.0));
        in.addAll(messages(rec, "client", 1.0));
        in.add(event(20, 2));
        in.add(event(500, 3)); // beyond 60 s + 30 s
        in.add(message(LiveMessage.SESSION_END));
        Collected out = run(in);
        assertEquals(List.of(20.0), out.annotations.stream().map(a -> a.startS).toList());
        assertEquals(0, out.deadLetters.size(), out.deadLetters.toString());
        assertTrue(
                out.rejects.stream().anyMatch(r -> r.line == 3 && r.reason.contains("lies outside the session")),
                out.rejects.toString());
    }

    @Test
    void shouldTellEventsOnOneLineApartByTheirRecordNumber() {
        // a BORIS project or a one-line JSON array: every event on line 1
        E4Recording rec = recording(100, 6);
        List<LiveMessage> in = new ArrayList<>();
        in.add(start(null));
        in.addAll(messages(rec, "client", 1.0));
        for (int i = 0; i < 3; i++) {
            LiveMessage e = event(20 + i, 1);
            e.sourceRecord = i;
            in.add(e);
            in.add(LiveJson.parse(e.sessionId.getBytes(java.nio.charset.StandardCharsets.UTF_8), LiveJson.write(e)));
        }
        in.add(message(LiveMessage.SESSION_END));
        Collected out = run(in);
        // before: the second and third were refused as "duplicate event codes.jsonl:1"
        assertEquals(
                List.of(20.0, 21.0, 22.0),
                out.annotations.stream().map(a -> a.startS).sorted().toList());
        assertEquals(3, out.deadLetters.size(), "each event's second delivery");
    }

    @Test
    void shouldTakeAnEventSentTwiceWithoutSourceFileOnce() {
        // a producer without file positions that sends again after a timeout: the copies get new
        // Kafka offsets, so only the event itself tells that it was already received
        E4Recording rec = recording(100, 6);
        List<LiveMessage> in = new ArrayList<>();
        in.add(start(null));
        in.addAll(messages(rec, "client", 1.0));
        for (double t : new double[] {20, 20, 20.001, 20}) {
            LiveMessage e = event(t, 0);
            e.sourceFile = null;
            in.add(e);
        }
        LiveMessage other = event(20, 0);
        other.sourceFile = null;
        other.actor = "therapist";
        in.add(other);
        LiveMessage observer = event(20, 0);
        observer.sourceFile = null;
        observer.modifiers = "observer=Jane Roe"; // dropped by the allow-list: the same event as the first
        in.add(observer);
        in.add(message(LiveMessage.SESSION_END));
        Collected out = run(in);
        // before: four sighs at 20 s, three of them one event counted three times
        assertEquals(
                List.of("client 20.0", "client 20.001", "therapist 20.0"),
                out.annotations.stream()
                        .map(a -> a.actor + " " + a.startS)
                        .sorted()
                        .toList());
        assertEquals(3, out.deadLetters.size(), out.deadLetters.toString());
        assertTrue(out.deadLetters.stream()
                .allMatch(d -> d.reason.startsWith("event: duplicate event (the same start, end, code, label, actor")));
        assertTrue(
                out.deadLetters.stream().noneMatch(d -> (d.reason + d.raw).contains("Jane")),
                "the dropped modifier is quoted nowhere");
    }

    @Test
    void shouldTakeTwoLinesOfAFileThatRepeatOneEventAsTwoEvents() {
        // README, Known limitations: live takes an event with source_file as that file's line;
        // replay sends only what a review accepts, another producer sending a repeated row has
        // both counted (the review's repeat rules are not applied live)
        E4Recording rec = recording(100, 6);
        List<LiveMessage> in = new ArrayList<>();
        in.add(start(null));
        in.addAll(messages(rec, "client", 1.0));
        in.add(event(20, 1));
        in.add(event(20, 2));
        LiveMessage otherFile = event(20, 1);
        otherFile.sourceFile = "coder2/codes.jsonl";
        in.add(otherFile);
        in.add(message(LiveMessage.SESSION_END));
        Collected out = run(in);
        assertEquals(
                List.of("coder2/codes.jsonl:1", "codes.jsonl:1", "codes.jsonl:2"),
                out.annotations.stream()
                        .map(a -> a.sourceFile + ":" + a.sourceLine)
                        .sorted()
                        .toList());
        assertTrue(out.deadLetters.isEmpty(), out.deadLetters.toString());
        assertTrue(out.rejects.isEmpty(), out.rejects.toString());
    }

    @Test
    void shouldQuoteNoEventTextAndAdmitOnlyAllowedModifiers() {
        E4Recording rec = recording(100, 6);
        List<LiveMessage> in = new ArrayList<>();
        in.add(start(null));
        in.addAll(messages(rec, "client", 1.0));
        LiveMessage label = event(20, 1);
        label.code = "Jane Doe sighs";
        LiveMessage family = event(21, 2);
        family.family = "Jane";
        LiveMessage modifiers = event(22, 3);
        modifiers.modifiers = "observer=Jane Doe;significance=2;intensity=9";
        in.addAll(List.of(label, family, modifiers, event(22, 3)));
        in.add(message(LiveMessage.SESSION_END));
        Collected out = run(in);
        // before: the reasons quoted the code and family, and the observer's name reached annotations/
        assertEquals(
                List.of("significance=2"),
                out.annotations.stream().map(a -> a.modifiers).toList());
        String reasons = out.rejects.stream().map(r -> r.reason).toList() + " "
                + out.deadLetters.stream().map(r -> r.reason + " " + r.raw).toList();
        assertTrue(!reasons.contains("Jane") && !reasons.contains("codes.jsonl"), reasons);
        assertTrue(reasons.contains("event code is not a canonical code (14 characters;"), reasons);
        assertTrue(reasons.contains("event family does not match code ANX_STR_SIGH (ANX)"), reasons);
        assertTrue(reasons.contains("duplicate event (the source_file, source_line and source_record"), reasons);
        assertEquals(null, LiveEvents.admitted("observer=Jane"));
    }

    @Test
    void shouldCountDroppedModifiersInOneNotePerFileAtTheSessionsEndAsReviewDoes() {
        // twenty-first audit: live dropped off-list modifiers without a word, while review writes
        // one note per file in rejects/ at line 0
        E4Recording rec = recording(100, 6);
        List<LiveMessage> in = new ArrayList<>();
        in.add(start(null));
        in.addAll(messages(rec, "client", 1.0));
        LiveMessage first = event(20, 1);
        first.modifiers = "observer=Jane Doe;significance=2;intensity=9";
        LiveMessage second = event(21, 2);
        second.modifiers = "Jane Doe;channel=motor";
        LiveMessage again = event(21, 2); // a duplicate, refused: its drops are not counted
        again.modifiers = "observer=Jane Doe";
        LiveMessage otherFile = event(22, 1);
        otherFile.sourceFile = "coder2/codes.jsonl";
        // a BORIS modifier column is named as review names it (it said "1 other field" before)
        otherFile.modifiers = "significance=7;modifier_2=Jane Doe";
        LiveMessage noFile = event(23, 0);
        noFile.sourceFile = null;
        noFile.modifiers = "remark=Jane Doe";
        in.addAll(List.of(first, second, again, otherFile, noFile, event(24, 3)));
        Collected before = new Collected();
        LiveSession running = null;
        for (LiveMessage m : in) {
            running = assembler.accept(running, m, before);
        }
        assertEquals(1, before.rejects.size(), "until the session ends only the duplicate: " + before.rejects);
        // counts per file and key, bounded by the allow-list whatever a producer sends (review of
        // 2026-12-07: one entry per dropped pair, so a 1 MB ";x;x;..." added 500,000)
        assertEquals(
                Map.of(
                        "codes.jsonl",
                        Map.of("", 2L, "intensity", 1L),
                        "coder2/codes.jsonl",
                        Map.of("modifier_2", 1L, "significance", 1L),
                        "kafka:in/0",
                        Map.of("", 1L)),
                running.droppedModifiers);
        in.add(message(LiveMessage.SESSION_END));
        Collected out = run(in);
        assertEquals(5, out.annotations.size());
        assertEquals(1, out.deadLetters.size(), out.deadLetters.toString());
        List<String> notes = out.rejects.stream()
                .filter(r -> !out.deadLetters.contains(r))
                .map(r -> r.sourceFile + ":" + r.line + " " + r.reason)
                .toList();
        assertEquals(
                List.of(
                        "codes.jsonl:0 3 modifier values outside the allow-list were dropped (keys: intensity;"
                                + " 2 other fields)",
                        "coder2/codes.jsonl:0 2 modifier values outside the allow-list were dropped (keys: modifier_2,"
                                + " significance)",
                        "kafka:in/0:0 1 modifier value outside the allow-list was dropped (1 other field)"),
                notes);
        assertTrue(notes.stream().noneMatch(n -> n.contains("Jane") || n.contains("=")), notes.toString());
        assertEquals(
                java.util.Arrays.asList(null, "intensity"),
                LiveEvents.dropped("observer=x;significance=2;intensity=9"));
        assertEquals(List.of(), LiveEvents.dropped("significance=2;;"));
        // a key given twice: the first value kept, the second counted as dropped, as review does;
        // modifiers in key order, as review writes them (a producer's order kept them unsorted)
        assertEquals("significance=3", LiveEvents.admitted("significance=3;significance=4"));
        assertEquals(List.of("significance"), LiveEvents.dropped("significance=3;significance=4"));
        assertEquals("channel=smooth;intensity=2", LiveEvents.admitted("intensity=2;channel=smooth"));
        // a blank, NA or nan value is no modifier, as in review (they were counted as dropped)
        assertEquals(List.of(), LiveEvents.dropped("significance=;intensity=NA;x=nan;channel= "));
        assertEquals("significance=2", LiveEvents.admitted("significance=NA;significance=2"));
    }

    @Test
    void shouldTakeAnEventsScaleFromItsModifiersAsReviewDoes() {
        // review reads an ANX_* cue's intensity (another code's significance) given as a modifier
        // into the significance field; live kept it a modifier, so the cue counted as without
        // intensity (review of 2026-12-07)
        E4Recording rec = recording(100, 6);
        List<LiveMessage> in = new ArrayList<>();
        in.add(start(null));
        in.addAll(messages(rec, "client", 1.0));
        LiveMessage cue = event(20, 1);
        cue.modifiers = "intensity=2;channel=smooth";
        LiveMessage given = event(30, 2);
        given.significance = 3;
        given.modifiers = "intensity=1";
        LiveMessage words = event(40, 3);
        words.modifiers = "intensity=high";
        in.addAll(List.of(cue, given, words, message(LiveMessage.SESSION_END)));
        Collected out = run(in);
        assertEquals(
                List.of("2 channel=smooth", "3 intensity=1", "3 null"),
                out.annotations.stream()
                        .map(a -> a.significance + " " + a.modifiers)
                        .toList());
    }

    private static LiveMessage event(double startS, long line) {
        LiveMessage m = message(LiveMessage.EVENT);
        m.code = "ANX_STR_SIGH";
        m.family = "ANX";
        m.actor = "client";
        m.startS = startS;
        m.sourceFile = "codes.jsonl";
        m.sourceLine = line;
        return m;
    }
}
