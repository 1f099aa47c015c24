package org.sessionreview.features;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sessionreview.config.CardiacOptions;
import org.sessionreview.config.EdaMethod;
import org.sessionreview.config.FeatureConfig;
import org.sessionreview.model.Channel;
import org.sessionreview.report.BeatRow;
import org.sessionreview.signal.cardiac.Beat;
import org.sessionreview.signal.quality.Artifact;

/**
 * The per-event part of a wearer's processing: walks the stream in consecutive cores of
 * {@code coreSeconds} (aligned to media start) and, for each core, detects the events whose time
 * falls in it: skin conductance responses and beats (device IBIs cleaned; pulse-wave beats), with
 * the pulse wave and the beats masked where the band was not worn ({@link NotWornStretches}). A
 * core is processed once every channel it uses has data up to its end plus the look-ahead the
 * detectors need (or a channel has fallen more than {@code maxChannelSkewSeconds} behind, or the
 * stream ended), so each event is reported once, with bounded latency and memory, the same in
 * batch and streaming execution.
 *
 * <p>The events are kept for {@link #RECENT_MILLIS} so windows can compute rolling statistics
 * over them, and queued as output rows until {@link #drain(WearerEvents)}.
 */
final class EventStage implements Serializable {
    private static final long serialVersionUID = 1L;
    /** How long recent events are kept for window statistics (the longest span, LF/HF, plus a window). */
    static final double RECENT_MILLIS = 240_000;
    /** Every channel a core reads: it waits for all of them (or the skew), so results do not depend on interleaving. */
    private static final Set<Channel> USED =
            EnumSet.of(Channel.EDA, Channel.BVP, Channel.IBI, Channel.ACC, Channel.TEMP);

    private static final long NOT_STARTED = Long.MIN_VALUE;

    private final FeatureConfig config;
    private final String sessionId;
    private final String role;
    private final long mediaStartMillis;
    private long nextCore = NOT_STARTED;
    /** Cleaned device beats and pulse-wave beats of recent cores, epoch ms, in time order. */
    private final ArrayList<Beat> deviceBeats = new ArrayList<>();

    private final ArrayList<Beat> bvpBeats = new ArrayList<>();
    private final EdaCoreState eda;
    private final ArtifactCore artifacts;
    private final NotWornStretches notWorn;
    private final WearerEvents pending = new WearerEvents();
    /** With {@link EdaMethod#NEUROKIT} the EDA is processed whole at the end of the stream. */
    private final boolean wholeEda;

    private boolean edaDone;
    /** The last processed core, whose heart-rate chunk waits for the next core's beats. */
    /**
     * {@link #mergedBeats()} as last built; null when the beats have changed since. Not state: the
     * windows of one core (12 at the defaults) and its heart-rate chunk share it.
     */
    private transient List<Beat> merged;

    private Double hrPendingFrom;
    private double hrPendingTo;

    EventStage(FeatureConfig config, String sessionId, String role, long mediaStartMillis) {
        this.config = config;
        this.sessionId = sessionId;
        this.role = role;
        this.mediaStartMillis = mediaStartMillis;
        this.eda = new EdaCoreState(config, sessionId, role, mediaStartMillis);
        this.artifacts = new ArtifactCore(config, sessionId, role, mediaStartMillis);
        this.notWorn = new NotWornStretches(config);
        this.wholeEda = config.edaMethod() == EdaMethod.NEUROKIT;
    }

    long coreMillis() {
        return Math.round(config.coreSeconds() * 1000);
    }

    /** Context and look-ahead a core needs around it, ms. */
    double marginMillis() {
        return Math.max(CardiacCore.marginMillis(config), eda.marginMillis());
    }

    /** End of the processed cores, epoch ms; -infinity before the first. */
    double processedUntilMillis() {
        if (wholeEda && !edaDone) {
            return Double.NEGATIVE_INFINITY; // windows wait for the whole-recording EDA
        }
        return nextCore == NOT_STARTED ? Double.NEGATIVE_INFINITY : coreStart(nextCore);
    }

    /** The earliest sample the next core needs, epoch ms (-infinity before the first core). */
    double neededFromMillis() {
        if (wholeEda && !edaDone) {
            return Double.NEGATIVE_INFINITY; // the whole recording is kept for the batch EDA method
        }
        return nextCore == NOT_STARTED
                ? Double.NEGATIVE_INFINITY
                : coreStart(nextCore) - Math.max(marginMillis(), ArtifactCore.contextMillis(config));
    }

    /**
     * Processes every core that is ready.
     *
     * @param firstSampleMillis the wearer's first sample, epoch ms
     * @param endMillis end of the stream when finishing (every remaining core up to it is
     *     processed), else NaN
     * @param windowsFromMillis the earliest time, epoch ms, the windows still to come read kept
     *     events and stretches from ({@link WearerWindower}); nothing from it on is evicted, however
     *     far the windows trail the cores (a long {@code features.window_s}, a channel missing for up
     *     to {@code features.max_channel_skew_s}; review of 2026-12-07: the temperature mask's stretches
     *     were evicted before the windows that needed them)
     */
    void advance(
            Map<Channel, ChannelBuffer> buffers, double firstSampleMillis, double endMillis, double windowsFromMillis) {
        boolean finishing = !Double.isNaN(endMillis);
        if (nextCore == NOT_STARTED) {
            // The first core is fixed only once it is ready: by then every channel has delivered its
            // first block, so the choice does not depend on the order the first blocks arrived in.
            long first = Math.floorDiv((long) Math.floor(firstSampleMillis) - mediaStartMillis, coreMillis());
            if (!finishing && !ready(buffers, coreStart(first) + coreMillis() + marginMillis())) {
                return;
            }
            nextCore = first;
        }
        while (true) {
            long from = coreStart(nextCore);
            long to = from + coreMillis();
            if (finishing ? from >= endMillis : !ready(buffers, to + marginMillis())) {
                break;
            }
            double coreEnd = finishing ? Math.min(to, endMillis) : to;
            process(buffers, from, coreEnd, firstSampleMillis);
            // the heart-rate chunk of the previous core: every beat bounding its samples is known now
            if (hrPendingFrom != null) {
                emitHr(hrPendingFrom, from);
            }
            hrPendingFrom = (double) from;
            hrPendingTo = coreEnd;
            nextCore++;
        }
        if (finishing && hrPendingFrom != null) {
            emitHr(hrPendingFrom, hrPendingTo);
            hrPendingFrom = null;
        }
        if (finishing) {
            if (wholeEda && !edaDone && buffers.get(Channel.EDA) != null) {
                eda.processWhole(buffers.get(Channel.EDA), buffers.get(Channel.ACC), endMillis, pending);
            }
            edaDone = true;
            artifacts.flush(buffers, endMillis, pending.artifacts);
        }
        if (finishing) {
            return; // the windows still to come may need everything; the windower is cleared right after
        }
        double keepFrom = Math.min(processedUntilMillis() - RECENT_MILLIS, windowsFromMillis);
        if (deviceBeats.removeIf(b -> b.tMillis() < keepFrom) | bvpBeats.removeIf(b -> b.tMillis() < keepFrom)) {
            merged = null;
        }
        eda.evictBefore(keepFrom);
        notWorn.evictBefore(keepFrom);
        artifacts.offWrist().evictBefore(keepFrom);
    }

    private boolean ready(Map<Channel, ChannelBuffer> buffers, double needMillis) {
        return ChannelProgress.reached(buffers, USED, needMillis, config.maxChannelSkewMillis());
    }

    private void process(Map<Channel, ChannelBuffer> buffers, long from, double to, double firstSampleMillis) {
        double margin = marginMillis();
        merged = null;
        // a band not worn records no heart: its beats and pulse wave are masked as its EDA and temperature are
        CoreGrids grids = CoreGrids.current();
        List<Artifact> offBand = notWorn.find(buffers, from - margin, from, to + margin, grids);
        List<Artifact> offBandInCore = NotWornStretches.clip(offBand, from, to);
        notWorn.keep(offBandInCore);
        ChannelBuffer ibi = buffers.get(Channel.IBI);
        if (ibi != null) {
            keep(
                    NotWornStretches.reject(
                            CardiacCore.deviceBeats(ibi.beats(from - margin, to + margin), from, to, config), offBand),
                    deviceBeats,
                    "device");
        }
        ChannelBuffer bvp = buffers.get(Channel.BVP);
        if (bvp != null) {
            keep(
                    CardiacCore.bvpBeats(
                            NotWornStretches.mask(bvp.regular(from - margin, to + margin, grids.bvp), offBand),
                            from,
                            to,
                            FeatureSteps.pulseWaveBeats(config)),
                    bvpBeats,
                    "bvp");
        }
        ChannelBuffer e = buffers.get(Channel.EDA);
        if (e != null && !wholeEda) {
            eda.process(e, buffers.get(Channel.ACC), from, to, pending, grids);
        }
        artifacts.process(
                buffers, deviceBeats, from, to, margin, firstSampleMillis, offBandInCore, pending.artifacts, grids);
    }

    /**
     * Adds a core's beats to {@code kept} and their rows to the pending output, in order. A method
     * of its own so that the JIT compiles the loop alone: inside process() it made HotSpot compile
     * process() on stack (OSR) with the core's steps inlined (docs/performance-history.md).
     */
    private void keep(List<Beat> beats, List<Beat> kept, String source) {
        for (Beat b : beats) {
            kept.add(b);
            pending.beats.add(row(b, source));
        }
    }

    private BeatRow row(Beat b, String source) {
        BeatRow r = new BeatRow();
        r.sessionId = sessionId;
        r.role = role;
        r.tS = (b.tMillis() - mediaStartMillis) / 1000.0;
        r.ibiMs = Double.isFinite(b.ibiMs()) ? b.ibiMs() : null;
        r.source = source;
        r.accepted = b.accepted();
        r.rejectReason = b.rejectReason() == null ? null : b.rejectReason().code();
        return r;
    }

    private void emitHr(double from, double to) {
        if (deviceBeats.isEmpty() && bvpBeats.isEmpty()) {
            return;
        }
        pending.chunks.add(HrSeries.chunk(sessionId, role, mergedBeats(), from, to));
    }

    /** Recent cleaned device beats, epoch ms. */
    List<Beat> deviceBeats() {
        return deviceBeats;
    }

    /** Recent pulse-wave beats, epoch ms. */
    List<Beat> bvpBeats() {
        return bvpBeats;
    }

    /**
     * The accepted device beats with the accepted pulse-wave beats in their gaps, in time order
     * ({@link CardiacWindow#merge}, {@code cardiac.device_cover_s}); built once per change of the
     * beats and unmodifiable.
     */
    List<Beat> mergedBeats() {
        if (merged == null) {
            merged = Collections.unmodifiableList(
                    CardiacWindow.merge(deviceBeats, bvpBeats, config.get(CardiacOptions.DEVICE_COVER_S) * 1000));
        }
        return merged;
    }

    EdaCoreState eda() {
        return eda;
    }

    /** Where the band was not worn, in the processed cores. */
    NotWornStretches notWorn() {
        return notWorn;
    }

    /**
     * Where the skin temperature is off the wrist ({@code temp_off_wrist} of {@code artifacts/}),
     * in the processed cores.
     */
    KeptStretches offWrist() {
        return artifacts.offWrist();
    }

    /** Moves the queued rows to {@code out}. */
    void drain(WearerEvents out) {
        out.scrs.addAll(pending.scrs);
        out.beats.addAll(pending.beats);
        out.artifacts.addAll(pending.artifacts);
        out.chunks.addAll(pending.chunks);
        pending.chunks.clear();
        pending.scrs.clear();
        pending.beats.clear();
        pending.artifacts.clear();
    }

    private long coreStart(long k) {
        return mediaStartMillis + k * coreMillis();
    }

    /** For tests: beats detected so far are merged here in time order. */
    static List<Beat> merged(List<Beat> a, List<Beat> b) {
        List<Beat> out = new ArrayList<>(a);
        out.addAll(b);
        out.sort((x, y) -> Double.compare(x.tMillis(), y.tMillis()));
        return out;
    }
}
