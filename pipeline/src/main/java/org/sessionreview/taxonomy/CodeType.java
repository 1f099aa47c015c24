package org.sessionreview.taxonomy;

/**
 * How a code is usually coded: a {@link #POINT} event (an instant) or a {@link #STATE} (a stretch
 * with a start and an end). This is the taxonomy's expectation (DOMAIN.md section 2), used as a
 * default (for example to configure BORIS behaviours); the parsers accept either shape for any
 * code.
 */
public enum CodeType {
    POINT,
    STATE
}
