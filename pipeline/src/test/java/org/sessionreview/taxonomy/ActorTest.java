package org.sessionreview.taxonomy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The names read as an actor without a codebook. */
class ActorTest {
    @Test
    void shouldReadTheProjectsNamesTheDomainAbbreviationsAndTheRoleWordsInAnyCase() {
        assertEquals(Optional.of(Actor.CLIENT), Actor.parse(" Client "));
        assertEquals(Optional.of(Actor.THERAPIST), Actor.parse("TH"));
        assertEquals(Optional.of(Actor.DYAD), Actor.parse("dy"));
        assertEquals(Optional.of(Actor.CLIENT), Actor.parse("PATIENT"));
        assertEquals(Optional.of(Actor.THERAPIST), Actor.parse("the\u0301rapeute"), "decomposed accent");
        assertEquals(Optional.of(Actor.CLIENT), Actor.parse("Klientin"));
        assertEquals(Optional.of(Actor.THERAPIST), Actor.parse("Counselor"));
        assertEquals(Optional.of(Actor.THERAPIST), Actor.parse("Th\u00c9rapeute"));
        assertEquals(Optional.of(Actor.THERAPIST), Actor.parse("terapeuta"));
        assertEquals(Optional.of(Actor.DYAD), Actor.parse("Dyade"));
    }

    @Test
    void shouldLeaveAbbreviationsThatCouldMeanAnotherRoleToTheCodebook() {
        for (String other : new String[] {"P", "T", "pt", "Pat", "C", "Maria", "coder", "trainee", "", "patients"}) {
            assertEquals(Optional.empty(), Actor.parse(other), other);
        }
        assertEquals(Optional.empty(), Actor.parse(null));
        // a codebook maps to the project's own names only
        assertEquals(Optional.empty(), Actor.parseCanonical("patient"));
        assertEquals(Optional.of(Actor.CLIENT), Actor.parseCanonical("cl"));
    }

    @Test
    void shouldGiveEachRoleWordOneActorThatIsNotOneOfTheProjectsOwnNames() {
        for (var e : Actor.ROLE_WORDS.entrySet()) {
            assertEquals(Optional.of(e.getValue()), Actor.parse(e.getKey()), e.getKey());
            for (Actor a : Actor.values()) {
                assertEquals(false, e.getKey().equals(a.id()) || e.getKey().equalsIgnoreCase(a.abbreviation()));
            }
        }
    }
}
