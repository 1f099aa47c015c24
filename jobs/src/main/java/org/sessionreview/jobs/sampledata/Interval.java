package org.sessionreview.jobs.sampledata;

/** A closed time interval in seconds from media start. */
public record Interval(double startS, double endS) {
    public Interval {
        if (!(endS > startS)) {
            throw new IllegalArgumentException("empty interval " + startS + ".." + endS);
        }
    }

    public boolean contains(double t) {
        return t >= startS && t <= endS;
    }

    /** True when this interval comes within {@code marginS} of {@code other}. */
    public boolean near(Interval other, double marginS) {
        return startS - marginS < other.endS && other.startS < endS + marginS;
    }

    public double lengthS() {
        return endS - startS;
    }
}
