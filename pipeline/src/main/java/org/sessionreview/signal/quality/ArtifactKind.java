package org.sessionreview.signal.quality;

import org.sessionreview.model.Channel;

/**
 * The kinds of artifact the quality detectors mark, each with the channel whose samples it
 * invalidates (none for the two kinds that concern the whole wristband) and a stable snake_case
 * code for output columns and reports.
 */
public enum ArtifactKind {
    /** EDA below the contact floor (default 0.05 uS): electrode lost the skin. */
    EDA_CONTACT_LOSS("eda_contact_loss", Channel.EDA),
    /**
     * EDA above the range of wrist skin conductance (default 60 uS; Kleckner et al. 2018, rule
     * 1): a short circuit, a wet electrode or a damaged file, not arousal.
     */
    EDA_ABOVE_RANGE("eda_above_range", Channel.EDA),
    /** EDA changing faster than any physiology (default 10 uS/s). */
    EDA_JUMP("eda_jump", Channel.EDA),
    /** EDA change steeper than an SCR, coinciding with an accelerometer jerk burst. */
    EDA_MOTION("eda_motion", Channel.EDA),
    /** Skin temperature out of the worn range or falling as when the band comes off. */
    TEMP_OFF_WRIST("temp_off_wrist", Channel.TEMP),
    /** Walking or other exertion (MAD of the ACC magnitude per second at or above 0.09 g by default). */
    ACC_GROSS_MOVEMENT("acc_gross_movement", Channel.ACC),
    /** A stretch longer than the gap limit without an accepted beat. */
    IBI_GAP("ibi_gap", Channel.IBI),
    /**
     * The wristband not worn: {@link #TEMP_OFF_WRIST} and {@link #EDA_CONTACT_LOSS} at the same
     * time ({@link NotWornDetector}). It invalidates every channel of the band, the pulse wave,
     * the beats and the accelerometer too.
     */
    NOT_WORN("not_worn", null),
    /**
     * No samples: in every channel, a stretch of at least a window inside the recording ({@link
     * NoDataDetector}; the row's channel {@link #DEVICE}); in one channel, from its last sample to
     * the end of the others (the row names that channel).
     */
    NO_DATA("no_data", null);

    /** The {@code artifacts/} row's channel for a stretch of the whole wristband: the device. */
    public static final String DEVICE = "E4";

    private final String code;
    private final Channel channel;

    ArtifactKind(String code, Channel channel) {
        this.code = code;
        this.channel = channel;
    }

    /** Stable snake_case name, e.g. {@code eda_contact_loss}. */
    public String code() {
        return code;
    }

    /** The channel whose samples the artifact invalidates; null when it is every channel of the band. */
    public Channel channel() {
        return channel;
    }

    /** The {@code artifacts/} row's channel: {@link #channel()}'s name, or {@link #DEVICE}. */
    public String channelName() {
        return channel == null ? DEVICE : channel.name();
    }
}
