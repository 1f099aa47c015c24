package org.sessionreview.report;

/** One row of the {@code artifacts/} table: a stretch of one channel, or of the whole band, masked out of the features. */
public class ArtifactRow implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    public String sessionId;
    public String role;
    /**
     * Channel the mask applies to: EDA, ACC, TEMP, IBI (and BVP, HR for {@code no_data}), or
     * {@code E4} ({@code ArtifactKind.DEVICE}) for a stretch of the whole band.
     */
    public String channel;
    /**
     * e.g. eda_contact_loss, eda_above_range, eda_jump, eda_motion, temp_off_wrist,
     * acc_gross_movement, ibi_gap, not_worn, no_data.
     */
    public String kind;

    public double startS;
    public double endS;

    public ArtifactRow() {}
}
