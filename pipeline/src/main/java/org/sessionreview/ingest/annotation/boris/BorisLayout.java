package org.sessionreview.ingest.annotation.boris;

/** The BORIS file layouts {@link BorisParser} reads (DOMAIN.md 1.3). */
public enum BorisLayout {
    /** "Export events", BORIS 8+: one row per START, STOP or POINT, column {@code Behavior type}. */
    TABULAR_EVENTS,
    /** "Export aggregated events": one row per STATE or POINT bout, {@code Start (s)}/{@code Stop (s)}. */
    AGGREGATED_EVENTS,
    /** Pre-v8 tabular events: key/value block, then {@code Time ... Status}. */
    LEGACY_TABULAR_EVENTS,
    /** Pre-v8 aggregated events found below a key/value block. */
    LEGACY_AGGREGATED_EVENTS,
    /** The {@code .boris} project (JSON, possibly gzip-compressed). */
    PROJECT
}
