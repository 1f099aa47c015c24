package org.sessionreview.config;

/**
 * How the pipeline splits EDA into tonic and phasic parts and finds SCRs.
 *
 * <ul>
 *   <li>{@link #STREAMING} (default): the bounded zero-phase response (+-15 s, tapered) in 60 s
 *       cores with context and look-ahead, absolute SCR threshold; results flow while the session
 *       streams.
 *   <li>{@link #NEUROKIT}: NeuroKit2 0.2.9's {@code eda_process} (zero-phase 0.05 Hz high-pass
 *       split over the whole recording, SCRs above 0.1 x the largest amplitude), for comparisons
 *       with NeuroKit2 results; each wearer's windows are emitted at the end of its stream.
 * </ul>
 */
public enum EdaMethod {
    STREAMING,
    NEUROKIT
}
