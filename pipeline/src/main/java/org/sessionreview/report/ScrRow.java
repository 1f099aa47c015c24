package org.sessionreview.report;

/** One row of the {@code scr/} table: a skin conductance response of one wearer. */
public class ScrRow implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    public String sessionId;
    public String role;
    /** Onset (start of the rise), seconds from media start. */
    public double onsetS;
    /** Peak, seconds from media start. */
    public double peakS;
    /** Trough-to-peak amplitude of the phasic signal, microsiemens. */
    public double amplitudeUs;
    /** Peak time minus onset time, seconds. */
    public double riseS;
    /** Seconds from the peak until the phasic signal falls below half the amplitude; null if it does not before the next onset or the end. */
    public Double halfRecoveryS;
    /**
     * EDA quality around the response, 0..1: the valid share of the EDA samples from 5 s before
     * the onset to 5 s after the peak (clipped to the recording; masked and missing samples are
     * invalid). It does not depend on the 60 s processing cores.
     */
    public double quality;

    public ScrRow() {}
}
