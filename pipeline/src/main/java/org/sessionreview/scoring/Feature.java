package org.sessionreview.scoring;

import java.util.function.BiConsumer;
import java.util.function.Function;
import org.sessionreview.config.ScoringConfig;
import org.sessionreview.model.WindowFeatures;

/**
 * The six window features that enter the anxiety index (DOMAIN.md 4.0), each with its channel
 * group, its direction (sign) under anxiety, the {@link WindowFeatures} fields it reads and
 * writes, and its weight and scale floor from {@link ScoringConfig}.
 *
 * <p>The sign is fixed here, not configurable: anxiety raises SCR rate, SCL, HR and fidgeting,
 * and lowers RMSSD and the skin-temperature slope. The declaration order is the tie-break order
 * wherever features are listed.
 */
public enum Feature {
    SCR_RATE("SCR rate", ChannelGroup.EDA, +1, w -> w.edaScrPerMin, (w, z) -> w.zScr = z, w -> w.zScr),
    SCL("EDA level", ChannelGroup.EDA, +1, w -> w.edaSclUs, (w, z) -> w.zScl = z, w -> w.zScl),
    HR("HR", ChannelGroup.CARDIAC, +1, w -> w.hrBpm, (w, z) -> w.zHr = z, w -> w.zHr),
    RMSSD("RMSSD", ChannelGroup.CARDIAC, -1, w -> w.hrvRmssdMs, (w, z) -> w.zRmssd = z, w -> w.zRmssd),
    FIDGET("fidget", ChannelGroup.ACC, +1, w -> w.fidgetPower, (w, z) -> w.zFidget = z, w -> w.zFidget),
    TEMP_SLOPE("skin temp slope", ChannelGroup.TEMP, -1, w -> w.tempSlopeCPerMin, (w, z) -> w.zTemp = z, w -> w.zTemp);

    private final String label;
    private final ChannelGroup group;
    private final int sign;
    private final Function<WindowFeatures, Double> value;
    private final BiConsumer<WindowFeatures, Double> zSetter;
    private final Function<WindowFeatures, Double> zGetter;

    Feature(
            String label,
            ChannelGroup group,
            int sign,
            Function<WindowFeatures, Double> value,
            BiConsumer<WindowFeatures, Double> zSetter,
            Function<WindowFeatures, Double> zGetter) {
        this.label = label;
        this.group = group;
        this.sign = sign;
        this.value = value;
        this.zSetter = zSetter;
        this.zGetter = zGetter;
    }

    /** Readable name used in evidence text, e.g. {@code EDA level}. */
    /** The feature's column in the {@code windows/} table, e.g. {@code eda_scl_us}. */
    public String column() {
        switch (this) {
            case SCR_RATE:
                return "eda_scr_per_min";
            case SCL:
                return "eda_scl_us";
            case HR:
                return "hr_bpm";
            case RMSSD:
                return "hrv_rmssd_ms";
            case FIDGET:
                return "fidget_power";
            case TEMP_SLOPE:
                return "temp_slope_c_per_min";
            default:
                throw new IllegalStateException("no column for " + this);
        }
    }

    /** The feature whose {@link #column()} is {@code column}. */
    public static Feature byColumn(String column) {
        for (Feature f : values()) {
            if (f.column().equals(column)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown feature column '" + column + "'");
    }

    public String label() {
        return label;
    }

    public ChannelGroup group() {
        return group;
    }

    /** +1 when anxiety raises the feature, -1 when it lowers it (RMSSD, temperature slope). */
    public int sign() {
        return sign;
    }

    /**
     * The signed contribution of a z-score to the index and its support: {@code sign x z}, but at
     * least {@code -contributionFloor}.
     */
    public double contribution(double z, ScoringConfig cfg) {
        return Math.max(sign * z, -cfg.contributionFloor());
    }

    /** The raw feature value of the window; null when missing. */
    public Double value(WindowFeatures w) {
        return value.apply(w);
    }

    /** True when the window has this feature and its channel group's quality passes. */
    public boolean usable(WindowFeatures w, ScoringConfig cfg) {
        Double v = value(w);
        return v != null && Double.isFinite(v) && group.quality(w) >= cfg.qualityThreshold();
    }

    /** The window's z-score field for this feature (null when not scored). */
    public Double z(WindowFeatures w) {
        return zGetter.apply(w);
    }

    void setZ(WindowFeatures w, Double z) {
        zSetter.accept(w, z);
    }

    /** This feature's weight in the anxiety index (non-negative; the sign is {@link #sign()}). */
    public double weight(ScoringConfig cfg) {
        switch (this) {
            case SCR_RATE:
                return cfg.weightScr();
            case SCL:
                return cfg.weightScl();
            case HR:
                return cfg.weightHr();
            case RMSSD:
                return cfg.weightRmssd();
            case FIDGET:
                return cfg.weightFidget();
            default:
                return cfg.weightTemp();
        }
    }

    /**
     * Floor on the robust scale, in the feature's unit. For fidget power it is the larger of the
     * absolute floor and the relative floor times |baseline median|.
     */
    public double scaleFloor(ScoringConfig cfg, double baselineMedian) {
        switch (this) {
            case SCR_RATE:
                return cfg.scrRateFloorPerMin();
            case SCL:
                return cfg.sclFloorUs();
            case HR:
                return cfg.hrFloorBpm();
            case RMSSD:
                return cfg.rmssdFloorMs();
            case FIDGET:
                return Math.max(cfg.fidgetFloorG2(), cfg.fidgetFloorRelative() * Math.abs(baselineMedian));
            default:
                return cfg.tempSlopeFloorCPerMin();
        }
    }
}
