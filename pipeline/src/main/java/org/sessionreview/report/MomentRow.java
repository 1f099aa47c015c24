package org.sessionreview.report;

/** One row of the {@code moments/} table: a stretch of video a supervisor should review. */
public class MomentRow {
    public String sessionId;
    /** {@code anxiety_episode} (later issues add kinds). */
    public String kind;
    /** Seconds from media start, so a supervisor can jump to that point of the video. */
    public double startS;

    public double endS;
    /** Absolute start, epoch milliseconds (UTC). */
    public long startMillis;
    /** Higher = more salient; for anxiety episodes the peak anxiety index. */
    public double severity;
    /** Short readable text: which channels rose, which coded cues fall inside. */
    public String evidence;

    public String role;

    public MomentRow() {}

    @Override
    public String toString() {
        return "MomentRow{" + sessionId + " " + kind + " " + startS + "-" + endS + " sev=" + severity + " " + evidence
                + "}";
    }
}
