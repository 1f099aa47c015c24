package org.sessionreview.jobs.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sessionreview.operators.LiveIngestFunction;

class MessageCountsTest {
    @Test
    void shouldReadTheAccumulatorsAndSayReadEqualsAcceptedPlusRefused() {
        MessageCounts.Counts c = MessageCounts.Counts.of(Map.of(
                LiveIngestFunction.READ,
                9L,
                LiveIngestFunction.ACCEPTED,
                3L,
                LiveIngestFunction.REFUSED,
                6L,
                "other",
                "x"));
        assertEquals(new MessageCounts.Counts(9, 3, 6), c);
        assertEquals(
                "session-review live: messages read 9 = 3 accepted + 6 refused (each refused one is on the dead-letter"
                        + " topic and in rejects/)",
                c.line());
        assertEquals(new MessageCounts.Counts(0, 0, 0), MessageCounts.Counts.of(Map.of()), "before the first message");
    }
}
