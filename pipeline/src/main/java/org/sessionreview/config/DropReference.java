package org.sessionreview.config;

/**
 * What the synchrony after an unaddressed rupture is compared with ({@code
 * synchrony.drop.reference}; see {@code SynchronyDrop}).
 *
 * <ul>
 *   <li>{@link #REST_OF_SESSION} (default): every analysed window outside the compared spans.
 *   <li>{@link #PRECEDING}: the analysed windows within {@code synchrony.drop.preceding_s} before
 *       each compared span's start.
 * </ul>
 */
public enum DropReference {
    REST_OF_SESSION,
    PRECEDING
}
