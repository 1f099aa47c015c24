package org.sessionreview.signal.eda;

/**
 * A response found by one of the {@link ScrMethod} variants, as sample indices.
 *
 * @param onset where the rise starts
 * @param peak where it peaks
 * @param recoveryLimit exclusive end of the search for the half recovery: the lowest point before
 *     the next rise (plus one), or the end of the valid stretch
 */
record Rise(int onset, int peak, int recoveryLimit) {}
