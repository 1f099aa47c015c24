package org.sessionreview.scoring.rupture;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sessionreview.model.Annotation;
import org.sessionreview.taxonomy.CodeTaxonomy;

/** Hand-built annotations for the coded-event tests; the actor is the code's default. */
public final class Coded {
    private Coded() {}

    /** A point event {@code code} at {@code t} s. */
    public static Annotation at(double t, String code) {
        return at(t, code, null);
    }

    /** A point event with significance (RUP, RES) or intensity (ANX). */
    public static Annotation at(double t, String code, Integer significance) {
        Annotation a = new Annotation();
        a.sessionId = "S1";
        a.code = code;
        a.family = CodeTaxonomy.family(code).map(Enum::name).orElse(null);
        a.actor = CodeTaxonomy.lookup(code).map(c -> c.defaultActor().id()).orElse(null);
        a.startS = t;
        a.significance = significance;
        a.sourceFile = "test";
        return a;
    }

    /** A state event from {@code t} to {@code end} s. */
    public static Annotation state(double t, double end, String code) {
        Annotation a = at(t, code);
        a.endS = end;
        return a;
    }

    /** {@code a} with modifiers {@code key=value;...}. */
    public static Annotation mods(Annotation a, String modifiers) {
        a.modifiers = modifiers;
        return a;
    }

    /** {@code a} coded for another actor. */
    public static Annotation by(Annotation a, String actor) {
        a.actor = actor;
        return a;
    }

    public static List<Annotation> list(Annotation... as) {
        return new ArrayList<>(Arrays.asList(as));
    }
}
