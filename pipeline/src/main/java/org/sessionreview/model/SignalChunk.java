package org.sessionreview.model;

/**
 * A stretch of one wearer's preprocessed signal sent to the per-session operator for dyadic
 * analyses (synchrony): e.g. the EDA of one core at 4 Hz with masked samples as NaN. A POJO for
 * Flink's serializer.
 */
public class SignalChunk implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    public String sessionId;
    /** {@link Role#id()}. */
    public String role;
    /** e.g. {@code eda}. */
    public String signal;
    /** Time of the first sample, epoch milliseconds. */
    public double startMillis;

    public double rateHz;
    /** Samples; NaN where masked. */
    public double[] values = new double[0];

    public SignalChunk() {}
}
