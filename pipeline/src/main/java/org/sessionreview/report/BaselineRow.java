package org.sessionreview.report;

/**
 * One row of the {@code baselines/} table: the personal baseline of one feature of one wearer in
 * one session (median and MAD of its windows in the baseline stretch), and where it came from.
 */
public class BaselineRow {
    public String sessionId;
    /** client or therapist. */
    public String role;
    /** Whose baseline: {@code client:<client_key>} or {@code therapist:<therapist_id>}. */
    public String person;

    public int sessionNumber;
    public String sessionDate;
    /** Feature column name in windows/, e.g. {@code eda_scl_us}. */
    public String feature;

    public double median;
    /** Median absolute deviation (unscaled), in the feature's unit. */
    public double mad;
    /** Windows the values came from. */
    public int windows;

    public String source;

    public BaselineRow() {}
}
