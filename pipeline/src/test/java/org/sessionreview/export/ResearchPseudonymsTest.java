package org.sessionreview.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sessionreview.ingest.session.Pseudonymizer;

class ResearchPseudonymsTest {
    private static final Pseudonymizer KEY = Pseudonymizer.fromText("research-export-test-key-0123456789", "test");

    @Test
    void shouldBeKeyedDomainSeparatedAndStable() {
        ResearchPseudonyms p = new ResearchPseudonyms(KEY);
        String t = p.therapist("T01");
        assertTrue(t.matches("t_[0-9a-f]{16}"), t);
        assertEquals("t_" + KEY.pseudonym("therapist:T01").substring(0, 16), t);
        assertEquals(t, new ResearchPseudonyms(KEY).therapist("T01"), "same key, same pseudonym");
        assertNotEquals(t.substring(2), p.session("T01").substring(2), "domains are separated");
        assertNotEquals(t.substring(2), p.client("T01").substring(2));
        assertNotEquals(
                t, new ResearchPseudonyms(Pseudonymizer.demo()).therapist("T01"), "another key, another pseudonym");
        assertTrue(p.session("T02-20260319-0900").matches("s_[0-9a-f]{16}"));
        assertTrue(p.client("abc").matches("c_[0-9a-f]{16}"));
    }

    @Test
    void shouldPseudonymiseTheIdInsideABaselinePerson() {
        ResearchPseudonyms p = new ResearchPseudonyms(KEY);
        assertEquals("therapist:" + p.therapist("T02"), p.person("therapist:T02"));
        assertEquals("client:" + p.client("9ce0"), p.person("client:9ce0"));
    }
}
