package org.sessionreview.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.sessionreview.config.ScoringConfig;
import org.sessionreview.model.Annotation;
import org.sessionreview.model.Role;
import org.sessionreview.model.SessionInfo;
import org.sessionreview.model.WindowFeatures;
import org.sessionreview.report.MomentRow;
import org.sessionreview.report.SessionRow;

/**
 * Reviews one session: baseline, anxiety index and episodes per wearer, then the session row
 * and the moments to review (DOMAIN.md 4.0 and 6). Plain Java; a Flink operator collects a
 * session's windows and annotations and calls {@link #review}.
 *
 * <p>Steps, for each wearer with windows (client, then therapist): baseline from the {@link
 * BaselineProvider} (default: calibration stretch, see {@link BaselineEstimator}); each window
 * scored by {@link AnxietyIndex#score} (copies; the inputs are not modified), the skin conductance
 * level against a reference that follows slow drift ({@link DriftFollowingLevel}), the recovery
 * after sustained exertion left unscored ({@link ExertionRecovery}); episodes by {@link
 * EpisodeDetector}, over the whole recording; only episodes that overlap the video ({@link
 * VideoRange}) go on. Client episodes become {@code anxiety_episode} moments and drive the
 * session's anxiety columns, flag and priority ({@link ReviewPriority}); therapist episodes
 * become moments with role {@code therapist} when {@link ScoringConfig#therapistMoments()} is
 * set, and count for nothing else.
 *
 * <p>Deterministic: the same inputs give the same outputs in the same order, whatever the order
 * of the input lists.
 */
public final class SessionReviewer {
    /** The {@link MomentRow#kind} of anxiety-episode moments. */
    public static final String KIND_ANXIETY_EPISODE = "anxiety_episode";

    private final BaselineProvider baselines;
    private final OnsetRule onsetRule;
    private final DriftFollowingLevel.Params drift;

    /** A reviewer using the calibration-stretch baseline. */
    public SessionReviewer() {
        this(BaselineProvider.CALIBRATION);
    }

    public SessionReviewer(BaselineProvider baselines) {
        this.baselines = Objects.requireNonNull(baselines, "baselines");
        this.onsetRule = null; // from each review's ScoringConfig
        this.drift = null;
    }

    /**
     * A reviewer with an explicit onset rule and drift following instead of the configured ones
     * (comparisons of methods in tests and development harnesses).
     *
     * @param onsetRule how an episode's onset is placed and when channels concur ({@link OnsetRule})
     * @param drift how the skin conductance level's reference follows slow drift ({@link
     *     DriftFollowingLevel}; {@link DriftFollowingLevel.Params#OFF} for the fixed baseline)
     */
    public SessionReviewer(BaselineProvider baselines, OnsetRule onsetRule, DriftFollowingLevel.Params drift) {
        this.baselines = Objects.requireNonNull(baselines, "baselines");
        this.onsetRule = onsetRule; // null: the configured rule
        this.drift = drift; // null: the configured drift following
    }

    /** With an explicit onset rule; drift following as configured. */
    public SessionReviewer(BaselineProvider baselines, OnsetRule onsetRule) {
        this(baselines, Objects.requireNonNull(onsetRule, "onsetRule"), null);
    }

    /** With explicit drift following; the onset rule as configured. */
    public SessionReviewer(BaselineProvider baselines, DriftFollowingLevel.Params drift) {
        this(baselines, null, Objects.requireNonNull(drift, "drift"));
    }

    /**
     * @param info the session's metadata
     * @param windows unscored windows of both wearers, any order; end-of-stream markers are
     *     ignored
     * @param annotations the session's canonical annotations, any order
     * @throws IllegalArgumentException when a window belongs to another session or has a role
     *     other than {@code client} / {@code therapist}
     */
    public SessionReview review(
            SessionInfo info, List<WindowFeatures> windows, List<Annotation> annotations, ScoringConfig cfg) {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(windows, "windows");
        Objects.requireNonNull(annotations, "annotations");
        Objects.requireNonNull(cfg, "cfg");
        Map<Role, List<WindowFeatures>> byRole = splitByRole(info, windows);
        Map<Role, Baseline> usedBaselines = new EnumMap<>(Role.class);
        List<WindowFeatures> scored = new ArrayList<>();
        Map<Role, List<AnxietyEpisode>> episodes = new EnumMap<>(Role.class);
        Map<Role, Set<Feature>> silent = new EnumMap<>(Role.class);
        Map<Role, List<WindowFeatures>> scoredByRole = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            List<WindowFeatures> own = byRole.get(role);
            List<AnxietyEpisode> found = List.of();
            if (!own.isEmpty()) {
                Baseline b = baselines.baselineFor(info, role, own, annotations, cfg);
                usedBaselines.put(role, b);
                // the tonic floor is anchored at a calibration baseline's stretch (a settling
                // wearer's later one); a coded or stored baseline keeps the configured stretch
                double[] anchor = b.stretch().orElse(new double[] {cfg.baselineStartS(), cfg.baselineEndS()});
                silent.put(role, SilentChannels.of(b, own, cfg));
                double[] sclRef = b.get(Feature.SCL).isPresent()
                        ? DriftFollowingLevel.references(
                                own,
                                b.get(Feature.SCL).get().median(),
                                anchor[0],
                                anchor[1],
                                cfg,
                                drift != null ? drift : DriftFollowingLevel.Params.of(cfg))
                        : null;
                List<WindowFeatures> roleScored = scoreAll(own, b, cfg, sclRef);
                ExertionRecovery.mark(roleScored, cfg);
                scoredByRole.put(role, roleScored);
                scored.addAll(roleScored);
                found = VideoRange.overlapping(
                        EpisodeDetector.detect(
                                role,
                                roleScored,
                                cfg,
                                onsetRule != null ? onsetRule : OnsetRule.of(cfg),
                                silent.get(role)),
                        info.durationS,
                        cfg.minEpisodeS());
            }
            episodes.put(role, found);
        }
        List<AnxietyEpisode> client = episodes.get(Role.CLIENT);
        List<MomentRow> moments = new ArrayList<>();
        int clientWithoutCue = 0;
        boolean coded = !annotations.isEmpty();
        for (Role role : Role.values()) {
            if (role == Role.THERAPIST && !cfg.therapistMoments()) {
                continue;
            }
            for (AnxietyEpisode e : episodes.get(role)) {
                List<Annotation> cues = EpisodeEvidence.cuesInside(e, annotations, cfg);
                if (role == Role.CLIENT && cues.isEmpty() && coded) {
                    clientWithoutCue++; // unvoiced: only where a coder could have coded the cue
                }
                String evidence = EpisodeEvidence.text(e, cues, coded, cfg, silent.get(role))
                        + ExertionRecovery.note(scoredByRole.get(role), e.startS(), cfg)
                        + IrregularRhythmNote.note(scoredByRole.get(role), e.startS(), e.endS());
                moments.add(moment(info, e, evidence));
            }
        }
        moments.sort(Comparator.comparingDouble((MomentRow m) -> m.startS)
                .thenComparing(m -> Role.parse(m.role).orElseThrow())
                .thenComparingDouble(m -> m.endS));
        SessionRow row =
                SessionRows.of(info, annotations.size(), client, clientWithoutCue, byRole, scored, usedBaselines, cfg);
        List<AnxietyEpisode> all = new ArrayList<>(client);
        all.addAll(episodes.get(Role.THERAPIST));
        return new SessionReview(scored, usedBaselines, all, row, moments);
    }

    /**
     * Each of one wearer's windows scored against {@code b} ({@code sclRef}: the drift-following
     * SCL reference per window, or null). A method of its own so that the JIT compiles this loop
     * alone, not {@link #review} on stack around it (docs/performance-history.md, 2026-12-06).
     */
    private static List<WindowFeatures> scoreAll(
            List<WindowFeatures> own, Baseline b, ScoringConfig cfg, double[] sclRef) {
        List<WindowFeatures> out = new ArrayList<>(own.size());
        for (int i = 0; i < own.size(); i++) {
            out.add(AnxietyIndex.score(own.get(i), b, cfg, sclRef == null ? null : sclRef[i]));
        }
        return out;
    }

    private static Map<Role, List<WindowFeatures>> splitByRole(SessionInfo info, List<WindowFeatures> windows) {
        Map<Role, List<WindowFeatures>> byRole = new EnumMap<>(Role.class);
        for (Role r : Role.values()) {
            byRole.put(r, new ArrayList<>());
        }
        for (WindowFeatures w : windows) {
            if (w.endOfStream) {
                continue;
            }
            if (w.sessionId != null && !w.sessionId.equals(info.sessionId)) {
                throw new IllegalArgumentException("window of session " + w.sessionId
                        + " passed to the review of session " + info.sessionId + ": " + w);
            }
            Role role = Role.parse(w.role)
                    .orElseThrow(() -> new IllegalArgumentException(
                            "window with unknown role '" + w.role + "' (expected client or therapist): " + w));
            byRole.get(role).add(w);
        }
        byRole.values()
                .forEach(l -> l.sort(Comparator.comparingDouble((WindowFeatures w) -> w.startS)
                        .thenComparingDouble(w -> w.endS)));
        return byRole;
    }

    private static MomentRow moment(SessionInfo info, AnxietyEpisode e, String evidence) {
        MomentRow m = new MomentRow();
        m.sessionId = info.sessionId;
        m.kind = KIND_ANXIETY_EPISODE;
        m.startS = e.startS();
        m.endS = e.endS();
        m.startMillis = info.mediaStartMillis + Math.round(e.startS() * 1000.0);
        m.severity = e.peakIndex();
        m.evidence = evidence;
        m.role = e.role().id();
        return m;
    }
}
