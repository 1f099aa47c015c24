package org.sessionreview.jobs.io;

import org.sessionreview.model.InputFileStats;
import org.sessionreview.model.Reject;
import org.sessionreview.report.BaselineRow;
import org.sessionreview.report.SessionRow;

/**
 * One fact for the run's manifest and stored baselines ({@link RunFinish}): exactly one
 * field is set. A plain POJO so that Flink's POJO serializer carries it (null fields allowed).
 */
public class RunFact {
    public InputFileStats file;
    public SessionRow session;
    public BaselineRow baseline;
    public Reject failure;

    public RunFact() {}

    public static RunFact of(InputFileStats f) {
        RunFact r = new RunFact();
        r.file = f;
        return r;
    }

    public static RunFact of(SessionRow s) {
        RunFact r = new RunFact();
        r.session = s;
        return r;
    }

    public static RunFact of(BaselineRow b) {
        RunFact r = new RunFact();
        r.baseline = b;
        return r;
    }

    public static RunFact of(Reject f) {
        RunFact r = new RunFact();
        r.failure = f;
        return r;
    }
}
