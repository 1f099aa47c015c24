package org.sessionreview.jobs.live;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.sessionreview.config.FeatureConfig;
import org.sessionreview.config.PipelineConfig;
import org.sessionreview.ingest.IngestedSession;
import org.sessionreview.ingest.e4.BlockSplitter;
import org.sessionreview.ingest.e4.E4Channel;
import org.sessionreview.ingest.e4.E4Recording;
import org.sessionreview.model.Annotation;
import org.sessionreview.model.Channel;
import org.sessionreview.model.Role;
import org.sessionreview.model.SampleBlock;
import org.sessionreview.model.SessionInfo;

/** Seeded synthetic E4 channels and ingested sessions, cut into blocks by the real {@link BlockSplitter}. */
final class SyntheticSessions {
    /** 2026-03-02T09:00:00Z, epoch ms. */
    static final long MEDIA_START = 1_772_442_000_000L;

    static final FeatureConfig FEATURES = PipelineConfig.defaults().features();
    static final long BLOCK_MILLIS = FEATURES.blockMillis();
    static final String CLIENT_KEY = "c0ffeec0ffeec0ffeec0ffeec0ffeec0ffeec0ffeec0ffeec0ffeec0ffeec0ff";

    private SyntheticSessions() {}

    /** The E4 rate of a regular channel, Hz. */
    static double rateHz(Channel c) {
        return switch (c) {
            case EDA, TEMP -> 4;
            case BVP -> 64;
            case ACC -> 32;
            case HR -> 1;
            case IBI -> 0;
        };
    }

    /** A regular channel of {@code seconds} (not necessarily whole blocks), with a NaN now and then. */
    static E4Channel regular(Channel c, long startMillis, double seconds, Random rng) {
        int n = (int) Math.round(seconds * rateHz(c));
        double[] values = new double[n * c.width()];
        for (int i = 0; i < values.length; i++) {
            values[i] = rng.nextInt(23) == 0 ? Double.NaN : Math.round(rng.nextGaussian() * 1000) / 100.0;
        }
        return E4Channel.regular(c, startMillis, rateHz(c), values);
    }

    /** IBI beats at E4 resolution (1/64 s), 0.5-1.2 s apart, with a gap of 40 s now and then. */
    static E4Channel ibi(long startMillis, double seconds, Random rng) {
        List<double[]> beats = new ArrayList<>();
        double t = 3 + rng.nextDouble() * 5;
        double previous = t;
        while (t < seconds) {
            double gap = rng.nextInt(60) == 0 ? 40 : 0;
            t = Math.round((t + gap + 0.5 + rng.nextDouble() * 0.7) * 64) / 64.0;
            if (t < seconds) {
                beats.add(new double[] {t, gap > 0 ? 0.8 : t - previous});
            }
            previous = t;
        }
        double[] offsets = beats.stream().mapToDouble(b -> b[0]).toArray();
        double[] intervals = beats.stream().mapToDouble(b -> b[1]).toArray();
        return E4Channel.ibi(startMillis, offsets, intervals);
    }

    /**
     * A session with both wearers (all six channels each, leads of 47 s and 72 s before media
     * start, {@code seconds} long) and a few annotations; blocks in stream order with end markers.
     */
    static IngestedSession session(String sessionId, long mediaStart, double seconds, long seed) {
        Random rng = new Random(seed);
        IngestedSession s = new IngestedSession();
        s.info = info(sessionId, mediaStart);
        BlockSplitter splitter = new BlockSplitter(FEATURES);
        List<SampleBlock> blocks = new ArrayList<>();
        for (Role role : Role.values()) {
            long start = mediaStart - (role == Role.CLIENT ? 47_000 : 72_000);
            Map<Channel, E4Channel> channels = new EnumMap<>(Channel.class);
            for (Channel c : Channel.values()) {
                channels.put(
                        c,
                        c == Channel.IBI
                                ? ibi(start, seconds, rng)
                                : regular(c, start + (c == Channel.HR ? 10_000 : 0), seconds, rng));
            }
            blocks.addAll(splitter.stream(new E4Recording(sessionId, channels, Map.of()), role, mediaStart));
            s.info.wearers.add(role.id());
        }
        s.blocks.addAll(BlockSplitter.interleave(blocks));
        for (int i = 0; i < 5; i++) {
            Annotation a = new Annotation();
            a.sessionId = sessionId;
            a.code = i % 2 == 0 ? "ANX_STR_SIGH" : "INT_VALIDATION";
            a.family = i % 2 == 0 ? "ANX" : "INT";
            a.actor = i % 2 == 0 ? "client" : "therapist";
            a.startS = 10.25 + i * 37.5;
            a.endS = i == 3 ? null : a.startS + 4;
            a.significance = i == 0 ? 2 : null;
            a.modifiers = i == 1 ? "kind=verbal" : null;
            a.label = "label " + i;
            a.sourceFile = "annotations.jsonl";
            a.sourceLine = i + 1;
            s.annotations.add(a);
        }
        return s;
    }

    static SessionInfo info(String sessionId, long mediaStart) {
        SessionInfo info = new SessionInfo();
        info.sessionId = sessionId;
        info.therapistId = "T01";
        info.clientKey = CLIENT_KEY;
        info.sessionNumber = 3;
        info.mediaStartMillis = mediaStart;
        info.mediaStartText = java.time.Instant.ofEpochMilli(mediaStart)
                .atOffset(java.time.ZoneOffset.ofHours(1))
                .toString();
        info.durationS = 1560;
        info.durationDeclared = true;
        info.consentSupervision = true;
        info.consentResearch = false;
        info.metadataJson = "{\"room\":\"B2\"}";
        info.folder = "folder-" + sessionId;
        return info;
    }

    /** All messages of a replay. */
    static List<DueMessage> drain(SessionReplay replay) {
        List<DueMessage> out = new ArrayList<>();
        replay.forEachRemaining(out::add);
        return out;
    }
}
