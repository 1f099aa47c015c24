package org.sessionreview.jobs.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sessionreview.config.PipelineConfig;
import org.sessionreview.config.RunInputs;

/** The live tables' footers: what they say of the pseudonym key and the run-wide files. */
class LiveProvenanceTest {
    @Test
    void shouldNotClaimTheSitesKeyForPseudonymsTheProducerMade() {
        Map<String, String> runInputs = RunInputs.describe(null, null);
        Map<String, String> p = LiveJob.provenance(PipelineConfig.defaults(), runInputs);
        // before: "site key", also for sessions replay had pseudonymised with the public demo key
        assertEquals("made by the producer (live receives client_key already pseudonymised)", p.get("pseudonym_key"));
        assertEquals("none", p.get(RunInputs.BASELINES));
        Map<String, String> review = PipelineConfig.defaults().provenance(false);
        for (Map.Entry<String, String> e : review.entrySet()) {
            if (!e.getKey().equals("pseudonym_key")) {
                assertEquals(e.getValue(), p.get(e.getKey()), e.getKey());
            }
        }
    }
}
