package org.sessionreview.topology;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.sessionreview.operators.GroupAtEndFunction;
import org.sessionreview.report.ClientRow;
import org.sessionreview.report.SessionRow;
import org.sessionreview.report.TraineeRow;
import org.sessionreview.scoring.trends.ClientTrend;
import org.sessionreview.scoring.trends.TraineeTable;
import org.sessionreview.scoring.trends.TrendConfig;

/**
 * The second stage of a review: session rows keyed by therapist give the {@code trainees/} table
 * ({@link TraineeTable}), keyed by client key the {@code clients/} table ({@link ClientTrend}).
 * Each key's rows are complete when the input ends ({@link GroupAtEndFunction}); both steps group
 * by exactly that key, so a key's rows are the same as those of the whole-run computation.
 *
 * <pre>
 * session rows --keyBy(therapist)--> trainee-trends --> trainees
 *              --keyBy(client)-----> client-trends  --> clients
 * </pre>
 */
public final class TrendTopology {
    private TrendTopology() {}

    public static TrendStreams build(DataStream<SessionRow> sessions, TrendConfig trends) {
        TypeInformation<SessionRow> rowType = TypeInformation.of(SessionRow.class);
        DataStream<TraineeRow> trainees = sessions.keyBy(s -> s.therapistId == null ? "" : s.therapistId)
                .process(
                        new GroupAtEndFunction<String, SessionRow, TraineeRow>(TraineeTable::rows, rowType),
                        TypeInformation.of(TraineeRow.class))
                .name("trainee-trends")
                .uid("trainee-trends");
        DataStream<ClientRow> clients = sessions.keyBy(s -> s.clientKey == null ? "" : s.clientKey)
                .process(
                        new GroupAtEndFunction<String, SessionRow, ClientRow>(
                                rows -> ClientTrend.rows(rows, trends), rowType),
                        TypeInformation.of(ClientRow.class))
                .name("client-trends")
                .uid("client-trends");
        return new TrendStreams(trainees, clients);
    }
}
