package org.sessionreview.scoring.rupture;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.sessionreview.config.RuptureConfig;
import org.sessionreview.model.Annotation;
import org.sessionreview.report.MomentRow;
import org.sessionreview.report.RuptureRow;
import org.sessionreview.taxonomy.CanonicalCode;
import org.sessionreview.taxonomy.CodeTaxonomy;
import org.sessionreview.taxonomy.RuptureClass;

/**
 * Rupture-repair episodes of a whole session (DOMAIN.md section 3): {@link #detect} runs the
 * {@link RuptureTracker} over a session's annotations; {@link #rows} and {@link #moments} turn
 * the episodes into {@code ruptures/} rows and review moments. Withdrawal and confrontation are
 * always kept apart (rule 8: withdrawal markers are subtler and easier to miss).
 *
 * <p>References: Eubanks, Muran &amp; Safran 2015, <i>3RS Manual</i>; Safran &amp; Muran 2000.
 */
public final class RuptureEpisodes {
    /** Episode order: start, then withdrawal before confrontation, then id. */
    public static final Comparator<RuptureEpisode> ORDER = Comparator.comparingDouble(RuptureEpisode::startS)
            .thenComparing(RuptureEpisode::ruptureClass)
            .thenComparing(RuptureEpisode::id);

    private RuptureEpisodes() {}

    /**
     * The session's rupture episodes, in {@link #ORDER}.
     *
     * @param annotations the session's annotations; sorted here by start (stable, so equal
     *     starts keep their list order), the input is not modified
     * @param sessionEndS session end, seconds from media start: open episodes close here
     */
    public static List<RuptureEpisode> detect(List<Annotation> annotations, double sessionEndS, RuptureConfig cfg) {
        Objects.requireNonNull(cfg, "cfg");
        RuptureTracker tracker = new RuptureTracker(cfg);
        List<RuptureEpisode> out = new ArrayList<>();
        for (Annotation a : sortedByStart(annotations)) {
            out.addAll(tracker.accept(a));
        }
        out.addAll(tracker.finish(sessionEndS));
        out.sort(ORDER);
        return out;
    }

    /**
     * Index of the first of {@code sortedByStart} (as {@link #sortedByStart} gives it) starting at
     * or after {@code tS}, exactly; its size when none does. Binary search: a coding of many
     * thousand events is not scanned from its start for every event (review of 2026-12-07).
     */
    public static int firstStartingAtOrAfter(List<Annotation> sortedByStart, double tS) {
        int lo = 0;
        int hi = sortedByStart.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sortedByStart.get(mid).startS < tS) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * A stable copy of {@code annotations} sorted by start, without nulls and NaN starts. At one
     * start, rupture markers come first and then {@code INT_REGULATE_ANXIETY}, before every other
     * code: a repair coded in the same second as the marker attaches to its episode (DOMAIN.md 3,
     * rule 2: the window starts at the episode's start), and a regulation coded with a pressure
     * intervention clears the cue (rule 7), whatever the files' names or the lines' order. Other
     * ties follow {@link Annotation#ORDER}, so the list's own order never matters.
     */
    public static List<Annotation> sortedByStart(List<Annotation> annotations) {
        List<Annotation> sorted = new ArrayList<>();
        for (Annotation a : annotations) {
            if (a != null && a.code != null && !Double.isNaN(a.startS)) {
                sorted.add(a);
            }
        }
        sorted.sort(Comparator.comparingDouble((Annotation a) -> a.startS)
                .thenComparingInt(RuptureEpisodes::tieRank)
                .thenComparing(Annotation.ORDER));
        return sorted;
    }

    private static int tieRank(Annotation a) {
        if (CodeTaxonomy.ruptureClass(a.code).isPresent()) {
            return 0;
        }
        return CodeTaxonomy.lookup(a.code)
                        .filter(c -> c == CanonicalCode.INT_REGULATE_ANXIETY)
                        .isPresent()
                ? 1
                : 2;
    }

    /**
     * The highest Safran &amp; Muran (2000) resolution stage coded on the episode's markers and
     * repair attempts (DOMAIN.md 2.4, 3.5): (1) attend to the marker, (2) explore the rupture
     * experience, (3) explore the avoidance, (4) the wish or need emerges. A {@code stage} modifier
     * is 1-4, or a word: {@code self_assertion} (withdrawal path) and {@code vulnerability}
     * (confrontation path) are 4, {@code elaboration} (of the rupture experience) is 2; null when
     * none is coded.
     */
    static Integer stageReached(RuptureEpisode e) {
        Integer best = null;
        for (List<CodedEvent> events : List.of(e.markers(), e.repairs())) {
            for (CodedEvent c : events) {
                Integer stage = stage(c.modifier("stage"));
                if (stage != null && (best == null || stage > best)) {
                    best = stage;
                }
            }
        }
        return best;
    }

    private static Integer stage(String value) {
        if (value == null) {
            return null;
        }
        String v = value.trim().toLowerCase(java.util.Locale.ROOT);
        switch (v) {
            case "self_assertion", "vulnerability":
                return 4;
            case "elaboration":
                return 2;
            default:
                try {
                    int n = (int) Double.parseDouble(v);
                    return n >= 1 && n <= 4 ? n : null;
                } catch (NumberFormatException notANumber) {
                    return null;
                }
        }
    }

    /** One {@code ruptures/} row per episode, in the given order; arousal left null. */
    public static List<RuptureRow> rows(String sessionId, List<RuptureEpisode> episodes) {
        List<RuptureRow> rows = new ArrayList<>();
        for (RuptureEpisode e : episodes) {
            RuptureRow r = new RuptureRow();
            r.sessionId = sessionId;
            r.episodeId = e.id();
            r.ruptureClass = e.ruptureClass().name();
            r.startS = e.startS();
            r.endS = e.endS();
            r.markers = new ArrayList<>(e.markerCodes());
            r.outcome = e.outcome().id();
            r.firstRepairS = e.firstRepairS();
            r.timeToFirstRepairS = e.timeToFirstRepairS();
            r.strategies = new ArrayList<>(e.strategies());
            r.maxSignificance = e.maxSignificance();
            r.stageReached = stageReached(e);
            r.mixed = e.mixed();
            r.closedAtSessionEnd = e.closedAtSessionEnd();
            rows.add(r);
        }
        return rows;
    }

    /**
     * One moment per episode: kind {@code unaddressed_rupture} without a repair attempt, else
     * {@code rupture}; role client; severity and order as in {@link CodedMoments}.
     */
    public static List<MomentRow> moments(String sessionId, long mediaStartMillis, List<RuptureEpisode> episodes) {
        List<MomentRow> out = new ArrayList<>();
        for (RuptureEpisode e : episodes) {
            String kind =
                    e.outcome() == RuptureOutcome.UNADDRESSED ? CodedMoments.UNADDRESSED_RUPTURE : CodedMoments.RUPTURE;
            double severity = e.maxSignificance() == null ? 3 : e.maxSignificance();
            out.add(CodedMoments.moment(
                    sessionId, mediaStartMillis, kind, "client", e.startS(), e.endS(), severity, evidence(e)));
        }
        out.sort(CodedMoments.ORDER);
        return out;
    }

    /**
     * Readable evidence, e.g. {@code candidate withdrawal rupture W1 (05:00-07:30): markers
     * RUP_W_MINIMAL at 05:00, RUP_W_ABSTRACT at 06:10 (max significance 3); outcome resolved;
     * first repair attempt at 06:30, 90 s after onset; strategies RES_INVITE_DISCUSS_RELATIONSHIP
     * [immediacy=yes]; open alongside C1 (mixed)}.
     */
    public static String evidence(RuptureEpisode e) {
        StringBuilder sb = new StringBuilder("candidate ")
                .append(e.ruptureClass() == RuptureClass.W ? "withdrawal" : "confrontation")
                .append(" rupture ")
                .append(e.id())
                .append(" (")
                .append(CodedText.mmss(e.startS()))
                .append('-')
                .append(CodedText.mmss(e.endS()))
                .append("): markers ")
                .append(CodedText.atList(e.markers()));
        if (e.maxSignificance() != null) {
            sb.append(" (max significance ").append(e.maxSignificance()).append(')');
        }
        sb.append("; outcome ").append(e.outcome().id());
        if (e.repairs().isEmpty()) {
            sb.append(": no repair attempt coded before it closed at ").append(CodedText.mmss(e.closedS()));
        } else {
            sb.append("; first repair attempt at ")
                    .append(CodedText.mmss(e.firstRepairS()))
                    .append(", ")
                    .append(CodedText.seconds(e.timeToFirstRepairS()))
                    .append(" s after onset; strategies ")
                    .append(String.join(", ", e.strategies()));
        }
        if (e.reengagementS() != null) {
            sb.append("; client re-engagement coded at ").append(CodedText.mmss(e.reengagementS()));
        }
        if (e.mixed()) {
            sb.append("; open alongside ")
                    .append(String.join(", ", e.mixedWith()))
                    .append(" (mixed)");
        }
        if (e.closedAtSessionEnd()) {
            sb.append("; still open at session end");
        }
        return sb.toString();
    }
}
