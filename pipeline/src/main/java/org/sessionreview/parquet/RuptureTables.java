package org.sessionreview.parquet;

import static org.sessionreview.parquet.ColumnType.BOOLEAN;
import static org.sessionreview.parquet.ColumnType.DOUBLE;
import static org.sessionreview.parquet.ColumnType.INT32;
import static org.sessionreview.parquet.ColumnType.STRING;
import static org.sessionreview.parquet.ColumnType.STRING_LIST;

import org.sessionreview.report.RuptureRow;
import org.sessionreview.report.SegmentRow;

/**
 * The tables of the 3RS rupture rules (DOMAIN.md section 3): the rupture episodes and the
 * 5-minute segment roll-up. Times are seconds from media start, as in {@link Tables}.
 */
public final class RuptureTables {
    private RuptureTables() {}

    public static final TableSchema<RuptureRow> RUPTURES = TableSchema.<RuptureRow>builder("ruptures")
            .description(
                    "One row per alliance rupture episode (3RS markers; DOMAIN.md section 3): candidate, never a verdict.")
            .required("session_id", STRING, "Session identifier", r -> r.sessionId)
            .required("episode_id", STRING, "Episode id within the session, e.g. W1, C2", r -> r.episodeId)
            .required("class", STRING, "W (withdrawal) or C (confrontation)", r -> r.ruptureClass)
            .required("start_s", DOUBLE, "First marker, seconds from media start", r -> r.startS)
            .required("end_s", DOUBLE, "Last marker end, seconds from media start", r -> r.endS)
            .required("markers", STRING_LIST, "Marker codes in time order", r -> r.markers)
            .required("outcome", STRING, "resolved, partially_resolved, unaddressed or escalated", r -> r.outcome)
            .optional("first_repair_s", DOUBLE, "First repair attempt, seconds from media start", r -> r.firstRepairS)
            .optional(
                    "time_to_first_repair_s",
                    DOUBLE,
                    "Seconds from the first marker to the first repair attempt",
                    r -> r.timeToFirstRepairS)
            .required(
                    "strategies",
                    STRING_LIST,
                    "Repair strategies (RES_*, INT_METACOMMUNICATION) in time order",
                    r -> r.strategies)
            .optional("max_significance", INT32, "Highest coded marker significance 1-5", r -> r.maxSignificance)
            .optional(
                    "stage_reached",
                    INT32,
                    "Highest Safran & Muran resolution stage 1-4 coded on the episode's markers and repairs"
                            + " (self_assertion, vulnerability = 4; elaboration = 2); null when none is coded",
                    r -> r.stageReached)
            .required("mixed", BOOLEAN, "True when a parallel episode of the other class was open", r -> r.mixed)
            .required(
                    "closed_at_session_end",
                    BOOLEAN,
                    "True when the session ended before the quiet period",
                    r -> r.closedAtSessionEnd)
            .optional(
                    "client_arousal_z",
                    DOUBLE,
                    "Peak client anxiety index within 30 s of the episode",
                    r -> r.clientArousalZ)
            .build();

    public static final TableSchema<SegmentRow> SEGMENTS = TableSchema.<SegmentRow>builder("segments")
            .description("One row per session x 5-minute segment: 3RS-compatible marker counts and repairs.")
            .required("session_id", STRING, "Session identifier", r -> r.sessionId)
            .required("segment_index", INT32, "k for [k*300, (k+1)*300) s", r -> r.segmentIndex)
            .required("start_s", DOUBLE, "Segment start, seconds from media start", r -> r.startS)
            .required("end_s", DOUBLE, "Segment end, seconds from media start", r -> r.endS)
            .required("marker_counts", STRING, "Count per marker subtype, code=n;...", r -> r.markerCounts)
            .required("withdrawal_markers", INT32, "Withdrawal markers in the segment", r -> r.withdrawalMarkers)
            .required(
                    "confrontation_markers", INT32, "Confrontation markers in the segment", r -> r.confrontationMarkers)
            .optional("max_significance_w", INT32, "Highest withdrawal significance", r -> r.maxSignificanceW)
            .optional("max_significance_c", INT32, "Highest confrontation significance", r -> r.maxSignificanceC)
            .required("repair_count", INT32, "Repair attempts in the segment", r -> r.repairCount)
            .optional("repair_max_significance", INT32, "Highest repair significance", r -> r.repairMaxSignificance)
            .build();
}
