package org.sessionreview.config;

import static org.sessionreview.config.ConfigOption.choice;
import static org.sessionreview.config.ConfigOption.integer;
import static org.sessionreview.config.ConfigOption.longInteger;
import static org.sessionreview.config.ConfigOption.real;

import java.util.List;

/**
 * Options of dyadic synchrony (DOMAIN.md 4.3): windowed lagged cross-correlation (Boker et al.
 * 2002; Behrens et al. 2020), the session index with segment surrogates (Tschacher &amp; Meier
 * 2020, SUSY; Ramseyer &amp; Tschacher 2010/2011), the synchrony-drop comparison and the
 * alignment of both wearers' series (rMEA, Kleinbub &amp; Ramseyer 2020).
 */
public final class SynchronyOptions {
    private SynchronyOptions() {}

    /** Fewest shuffles DOMAIN.md 4.3 D accepts for a surrogate percentile. */
    public static final int MIN_SHUFFLES = 100;

    public static final ConfigOption<Double> WINDOW_S = real(
                    "synchrony.window_s",
                    30,
                    "s",
                    "Length of the cross-correlation windows (at least twice the maximum lag).")
            .positive();
    public static final ConfigOption<Double> STEP_S = real(
                    "synchrony.step_s", 5, "s", "Step between cross-correlation windows.")
            .positive();
    public static final ConfigOption<Double> MAX_LAG_S = real(
                    "synchrony.max_lag_s", 5, "s", "Largest lag in either direction (rMEA lagSec).")
            .positive();
    public static final ConfigOption<Double> Z_CLAMP = real(
                    "synchrony.z_clamp", 10, "", "Fisher z = atanh(r) is clamped to this (rMEA).")
            .positive();
    public static final ConfigOption<Double> MIN_VALID_SHARE = real(
                    "synchrony.min_valid_share",
                    0.5,
                    "",
                    "Least share of samples valid for both wearers for a window or segment to be analysed.")
            .range(1e-9, 1);
    public static final ConfigOption<Double> LEADER_MIN_PEAK_Z = real(
                    "synchrony.leader_min_peak_z",
                    0,
                    "",
                    "A window names a leader only when its peak |z| reaches this.")
            .atLeast(0);
    public static final ConfigOption<Double> SEGMENT_S = real(
                    "synchrony.segment_s",
                    30,
                    "s",
                    "Segment length of the session index (SUSY segment; at least twice the segment lag).")
            .positive();
    public static final ConfigOption<Double> SEGMENT_MAX_LAG_S = real(
                    "synchrony.segment_max_lag_s", 3, "s", "Largest lag of the session index (SUSY maxlag).")
            .positive();
    public static final ConfigOption<Integer> MAX_SURROGATE_PAIRS = integer(
                    "synchrony.max_surrogate_pairs",
                    500,
                    "",
                    "Most surrogate segment pairings averaged into Zpseudo (SUSY surrogates.total).")
            .atLeast(1);
    public static final ConfigOption<Integer> SHUFFLES = integer(
                    "synchrony.shuffles",
                    1000,
                    "",
                    "Segment shuffles forming the surrogate distribution of the session value.")
            .atLeast(MIN_SHUFFLES);
    public static final ConfigOption<Long> SEED =
            longInteger("synchrony.seed", 20200101L, "", "Seed of the generator drawing pairings and shuffles.");
    public static final ConfigOption<Double> SIGNIFICANCE_PERCENTILE = real(
                    "synchrony.significance_percentile",
                    95,
                    "",
                    "The session value is above chance when its surrogate percentile exceeds this.")
            .between(0, 100);
    public static final ConfigOption<Integer> MIN_SEGMENTS = integer(
                    "synchrony.min_segments", 6, "", "Fewest usable segments for a session index.")
            .atLeast(3);
    public static final ConfigOption<Double> DROP_EFFECT_THRESHOLD = real(
                    "synchrony.drop.effect_threshold",
                    0.5,
                    "SD",
                    "A standardised difference at or below minus this is worded as lower synchrony.")
            .positive();
    public static final ConfigOption<Integer> DROP_MIN_WINDOWS = integer(
                    "synchrony.drop.min_windows",
                    6,
                    "",
                    "Fewest analysed windows inside the intervals and in the reference to compare them.")
            .atLeast(2);
    public static final ConfigOption<DropReference> DROP_REFERENCE = choice(
            "synchrony.drop.reference",
            DropReference.class,
            DropReference.REST_OF_SESSION,
            "What the synchrony after an unaddressed rupture is compared with: REST_OF_SESSION (every"
                    + " analysed window outside the span after it) or PRECEDING (the windows within"
                    + " synchrony.drop.preceding_s before it).");
    public static final ConfigOption<Double> DROP_PRECEDING_S = real(
                    "synchrony.drop.preceding_s",
                    300,
                    "s",
                    "With synchrony.drop.reference PRECEDING, the span before the compared span used as the reference.")
            .positive();
    public static final ConfigOption<Double> ALIGN_RATE_HZ = real(
                    "synchrony.align.rate_hz", 4, "Hz", "Common rate both wearers' series are brought to.")
            .positive();
    public static final ConfigOption<Double> ALIGN_MIN_VALID_SHARE = real(
                    "synchrony.align.min_valid_share",
                    0.5,
                    "",
                    "When downsampling, a bin with fewer valid input samples than this share is NaN.")
            .range(1e-9, 1);

    public static final List<ConfigOption<?>> ALL = List.of(
            WINDOW_S,
            STEP_S,
            MAX_LAG_S,
            Z_CLAMP,
            MIN_VALID_SHARE,
            LEADER_MIN_PEAK_Z,
            SEGMENT_S,
            SEGMENT_MAX_LAG_S,
            MAX_SURROGATE_PAIRS,
            SHUFFLES,
            SEED,
            SIGNIFICANCE_PERCENTILE,
            MIN_SEGMENTS,
            DROP_EFFECT_THRESHOLD,
            DROP_MIN_WINDOWS,
            DROP_REFERENCE,
            DROP_PRECEDING_S,
            ALIGN_RATE_HZ,
            ALIGN_MIN_VALID_SHARE);
}
