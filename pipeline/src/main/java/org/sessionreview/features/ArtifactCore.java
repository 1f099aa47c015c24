package org.sessionreview.features;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sessionreview.config.FeatureConfig;
import org.sessionreview.model.Channel;
import org.sessionreview.report.ArtifactRow;
import org.sessionreview.signal.cardiac.Beat;
import org.sessionreview.signal.quality.Artifact;
import org.sessionreview.signal.quality.ArtifactKind;
import org.sessionreview.signal.quality.NoDataDetector;

/**
 * The artifact part of the per-core event stage: runs the quality detectors (EDA contact loss,
 * jumps and motion spikes, temperature off wrist, ACC gross movement, gaps between accepted
 * beats) on each core with context, takes the core's not-worn stretches ({@link
 * NotWornStretches}), finds the stretches without a sample in any channel ({@link
 * NoDataDetector}), and reports each masked stretch once as an {@code artifacts/} row; at the end,
 * also each channel that stopped before the others. A stretch that continues across a core
 * boundary is held open and joined with its continuation, so a three-minute contact loss is one
 * row, not three. Gaps between accepted beats and gaps of every channel are found whole, from
 * the last beat or sample before them (carried from core to core) to the one that ends them.
 */
final class ArtifactCore implements Serializable {
    private static final long serialVersionUID = 1L;

    private final FeatureConfig config;
    private final String sessionId;
    private final String role;
    private final long mediaStartMillis;
    /** The last stretch of each kind, held until it is known not to continue into the next core. */
    /** A TreeMap (kind order, as an EnumMap iterates) because Kryo, which copies this state, cannot rebuild an EnumMap. */
    private final TreeMap<ArtifactKind, double[]> open = new TreeMap<>();
    /** End of the data in the processed cores (the latest sample's end, any channel), epoch ms. */
    private double dataSeenUntilMillis = Double.NEGATIVE_INFINITY;
    /**
     * Where an IBI gap would start: the last accepted device beat of the processed cores, or the
     * wearer's first sample before one; NaN before the first core.
     */
    private double ibiGapFromMillis = Double.NaN;
    /** The {@code temp_off_wrist} stretches found in the processed cores, for the windows' temperature. */
    private final KeptStretches offWrist = new KeptStretches(ArtifactKind.TEMP_OFF_WRIST);

    ArtifactCore(FeatureConfig config, String sessionId, String role, long mediaStartMillis) {
        this.config = config;
        this.sessionId = sessionId;
        this.role = role;
        this.mediaStartMillis = mediaStartMillis;
    }

    /** Look-back the detectors need: the largest of their contexts (by default the off-wrist guard's 120 s fall window, plus a second). */
    static double contextMillis(FeatureConfig config) {
        return Math.max(
                Math.max(
                        Math.max(
                                FeatureSteps.tempOffWrist(config).contextMillis(),
                                FeatureSteps.edaMotion(config).contextMillis()),
                        Math.max(
                                FeatureSteps.accGrossMovement(config).contextMillis(),
                                FeatureSteps.ibiGap(config).contextMillis())),
                NotWornStretches.contextMillis(config));
    }

    /**
     * @param dataStartMillis the wearer's first sample: no gap is reported before it
     * @param notWorn the core's not-worn stretches ({@link NotWornStretches#find}, clipped to it)
     * @param grids where the EDA, ACC and temperature grids go; null allocates them
     */
    void process(
            Map<Channel, ChannelBuffer> buffers,
            List<Beat> deviceBeats,
            double from,
            double to,
            double lookAheadMillis,
            double dataStartMillis,
            List<Artifact> notWorn,
            List<ArtifactRow> out,
            CoreGrids grids) {
        double ctxFrom = from - contextMillis(config);
        double ctxTo = to + lookAheadMillis;
        List<Artifact> found = new ArrayList<>(notWorn);
        RegularSeries eda = series(buffers, Channel.EDA, ctxFrom, ctxTo, grids == null ? null : grids.artifactEda);
        GridScratch accMagnitudeG = grids == null ? new GridScratch() : grids.artifactAccMagnitude;
        RegularSeries acc =
                series(buffers, Channel.ACC, ctxFrom, ctxTo, grids == null ? null : grids.artifactAcc, accMagnitudeG);
        if (eda != null) {
            found.addAll(
                    FeatureSteps.edaContactLoss(config).detect(eda.values(), eda.rateHz(), eda.t0Millis(), from, to));
            found.addAll(
                    FeatureSteps.edaAboveRange(config).detect(eda.values(), eda.rateHz(), eda.t0Millis(), from, to));
            found.addAll(FeatureSteps.edaJump(config).detect(eda.values(), eda.rateHz(), eda.t0Millis(), from, to));
            if (acc != null) {
                found.addAll(FeatureSteps.edaMotionOnBuffer(
                        config,
                        eda.values(),
                        eda.rateHz(),
                        eda.t0Millis(),
                        acc,
                        accMagnitudeG.array(acc.length()),
                        from,
                        to));
            }
        }
        if (acc != null) {
            found.addAll(
                    FeatureSteps.accGrossMovement(config).detect(acc.values(), acc.rateHz(), acc.t0Millis(), from, to));
        }
        RegularSeries temp = series(buffers, Channel.TEMP, ctxFrom, ctxTo, grids == null ? null : grids.artifactTemp);
        if (temp != null) {
            List<Artifact> tempOff =
                    FeatureSteps.tempOffWrist(config).detect(temp.values(), temp.rateHz(), temp.t0Millis(), from, to);
            offWrist.keep(tempOff);
            found.addAll(tempOff);
        }
        if (buffers.get(Channel.IBI) != null) {
            found.addAll(closedIbiGaps(deviceBeats, from, to, dataStartMillis));
        }
        // a gap of every channel is found whole in the core where the data resumes
        NoDataDetector.Result silence =
                FeatureSteps.noData(config).detect(presentSamples(buffers, from, to), dataSeenUntilMillis);
        found.addAll(silence.gaps());
        dataSeenUntilMillis = silence.dataEndMillis();
        join(found, out);
        // a stretch that ended before this core's end cannot continue: report it now; but an IBI
        // gap that ends at the last accepted beat continues if the next gap starts at that beat
        for (Map.Entry<ArtifactKind, double[]> e : new ArrayList<>(open.entrySet())) {
            boolean mayContinue = e.getKey() == ArtifactKind.IBI_GAP && e.getValue()[1] >= ibiGapFromMillis - 1;
            if (e.getValue()[1] < to - 1 && !mayContinue) {
                out.add(row(e.getKey(), e.getValue()));
                open.remove(e.getKey());
            }
        }
    }

    /**
     * The {@code temp_off_wrist} stretches of the processed cores, the ones this core reports as
     * {@code artifacts/} rows (before they are joined across core boundaries).
     */
    KeptStretches offWrist() {
        return offWrist;
    }

    /**
     * At the end of the stream: reports the stretches still open, then each channel whose data
     * stopped more than {@link #NO_DATA_MIN_MILLIS} before {@code endMillis} (the truncated FLIRT
     * export: BVP ends at 156 s, EDA at 2500 s) as a {@code no_data} stretch of that channel from
     * its last sample to the end.
     */
    void flush(Map<Channel, ChannelBuffer> buffers, double endMillis, List<ArtifactRow> out) {
        ChannelBuffer ibi = buffers.get(Channel.IBI);
        if (ibi != null && Double.isFinite(ibi.dataEndMillis()) && !Double.isNaN(ibiGapFromMillis)) {
            // the gap still open runs to the device's last beat (after it the channel has no data)
            join(
                    FeatureSteps.ibiGap(config)
                            .detect(
                                    new double[0],
                                    new boolean[0],
                                    ibiGapFromMillis,
                                    Math.min(endMillis, ibi.dataEndMillis())),
                    out);
        }
        open.forEach((k, v) -> out.add(row(k, v)));
        open.clear();
        for (Map.Entry<Channel, ChannelBuffer> e : buffers.entrySet()) {
            double last = e.getValue().dataEndMillis();
            if (Double.isFinite(last) && endMillis - last > NO_DATA_MIN_MILLIS) {
                out.add(row(ArtifactKind.NO_DATA, e.getKey().name(), new double[] {last, endMillis}));
            }
        }
    }

    /**
     * The IBI gaps that an accepted device beat of this core ends, each whole: from the accepted
     * beat before it (kept from core to core, however far back) or the wearer's first sample. The
     * gap still open at the core's end is carried to the next core, or to {@link #flush}.
     */
    private List<Artifact> closedIbiGaps(List<Beat> deviceBeats, double from, double to, double dataStartMillis) {
        if (Double.isNaN(ibiGapFromMillis)) {
            ibiGapFromMillis = dataStartMillis;
        }
        List<Beat> core = new ArrayList<>();
        double lastAccepted = Double.NaN;
        for (Beat b : deviceBeats) {
            if (b.tMillis() >= from && b.tMillis() < to) {
                core.add(b);
                lastAccepted = b.accepted() ? b.tMillis() : lastAccepted;
            }
        }
        if (Double.isNaN(lastAccepted)) {
            return List.of();
        }
        double[] t = new double[core.size()];
        boolean[] ok = new boolean[core.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = core.get(i).tMillis();
            ok[i] = core.get(i).accepted();
        }
        List<Artifact> gaps = FeatureSteps.ibiGap(config).detect(t, ok, ibiGapFromMillis, lastAccepted);
        ibiGapFromMillis = lastAccepted;
        return gaps;
    }

    /**
     * Joins each found stretch to the open one of its kind when it starts within a millisecond of
     * its end, else reports the open one and opens it.
     */
    private void join(List<Artifact> found, List<ArtifactRow> out) {
        List<Artifact> sorted = new ArrayList<>(found);
        sorted.sort((a, b) -> Double.compare(a.startMillis(), b.startMillis()));
        for (Artifact a : sorted) {
            double[] o = open.get(a.kind());
            if (o != null && a.startMillis() <= o[1] + 1) {
                o[1] = Math.max(o[1], a.endMillis());
            } else {
                if (o != null) {
                    out.add(row(a.kind(), o));
                }
                open.put(a.kind(), new double[] {a.startMillis(), a.endMillis()});
            }
        }
    }

    /** Shortest missing tail of one channel reported as {@code no_data}, ms. */
    static final double NO_DATA_MIN_MILLIS = 2_000;

    private ArtifactRow row(ArtifactKind kind, double[] interval) {
        return row(kind, kind.channelName(), interval);
    }

    private ArtifactRow row(ArtifactKind kind, String channel, double[] interval) {
        ArtifactRow r = new ArtifactRow();
        r.sessionId = sessionId;
        r.role = role;
        r.channel = channel;
        r.kind = kind.code();
        r.startS = (interval[0] - mediaStartMillis) / 1000.0;
        r.endS = (interval[1] - mediaStartMillis) / 1000.0;
        return r;
    }

    /**
     * The samples present in {@code [from, to)} of every buffered regular channel. The device's
     * beats are left out: it derives them from its pulse wave, and a stretch where only they go
     * on (the truncated FLIRT export's last hour, after every other file ended) is IBI gaps and
     * the other channels' ends, already rows of their own.
     */
    private static List<NoDataDetector.Samples> presentSamples(
            Map<Channel, ChannelBuffer> buffers, double from, double to) {
        List<NoDataDetector.Samples> out = new ArrayList<>();
        for (Map.Entry<Channel, ChannelBuffer> e : buffers.entrySet()) {
            if (e.getKey() != Channel.IBI) {
                ChannelBuffer b = e.getValue();
                out.add(new NoDataDetector.Samples(b.presentTimes(from, to), 1000 / b.rateHz()));
            }
        }
        return out;
    }

    private static RegularSeries series(
            Map<Channel, ChannelBuffer> buffers, Channel c, double from, double to, GridScratch grid) {
        return series(buffers, c, from, to, grid, null);
    }

    /** @param magnitudeG where the grid's {@code |a|} goes, g (ACC only); null for none */
    private static RegularSeries series(
            Map<Channel, ChannelBuffer> buffers,
            Channel c,
            double from,
            double to,
            GridScratch grid,
            GridScratch magnitudeG) {
        ChannelBuffer b = buffers.get(c);
        if (b == null) {
            return null;
        }
        RegularSeries s = b.regular(from, to, grid, magnitudeG);
        return s.length() == 0 ? null : s;
    }
}
