package org.sessionreview.scoring.rupture;

import java.util.Optional;
import org.sessionreview.model.Annotation;
import org.sessionreview.taxonomy.Actor;
import org.sessionreview.taxonomy.CanonicalCode;
import org.sessionreview.taxonomy.CodeTaxonomy;

/**
 * Who performed a coded behaviour. An annotation's {@code actor} decides; when it is missing or
 * blank the code's default actor of the taxonomy ({@link CanonicalCode#defaultActor()}) does, so
 * hand-built or partly normalised annotations behave like normalised ones.
 */
public final class Actors {
    private Actors() {}

    /** The annotation's actor, or empty when neither the actor nor the code tells. */
    public static Optional<Actor> of(Annotation a) {
        if (a.actor != null && !a.actor.isBlank()) {
            return Actor.parse(a.actor);
        }
        return CodeTaxonomy.lookup(a.code).map(CanonicalCode::defaultActor);
    }

    /** True when the client performed {@code a}. */
    public static boolean isClient(Annotation a) {
        return of(a).filter(x -> x == Actor.CLIENT).isPresent();
    }

    /** True when the therapist performed {@code a}. */
    public static boolean isTherapist(Annotation a) {
        return of(a).filter(x -> x == Actor.THERAPIST).isPresent();
    }
}
