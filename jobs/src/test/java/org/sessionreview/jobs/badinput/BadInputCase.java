package org.sessionreview.jobs.badinput;

/**
 * One kind of bad or unusual input: a mutation of a fresh copy of the base session, what a user
 * sees (one sentence, rendered into the README), and the outcome the run must produce.
 *
 * @param id 1-based number in the corpus (assigned by {@link BadInputCorpus})
 * @param kind kebab-case slug
 * @param userSees what a user sees in the summary and tables
 * @param needsNonRoot the damage relies on file permissions, which do not bind root: skipped under root
 * @param mutation damages the case folder
 * @param expect the expected outcome
 */
public record BadInputCase(
        int id, String kind, String userSees, boolean needsNonRoot, Mutation mutation, Expectation expect) {

    /** Damages a fresh copy of the base session. */
    @FunctionalInterface
    public interface Mutation {
        void apply(CaseFolder c) throws Exception;
    }

    /** A case before numbering. */
    static BadInputCase of(String kind, String userSees, Mutation mutation, Expectation expect) {
        return new BadInputCase(0, kind, userSees, false, mutation, expect);
    }

    BadInputCase numbered(int n) {
        return new BadInputCase(n, kind, userSees, needsNonRoot, mutation, expect);
    }

    BadInputCase nonRootOnly() {
        return new BadInputCase(id, kind, userSees, true, mutation, expect);
    }

    /** {@code nn-kind}: the test's display name. */
    public String name() {
        return String.format("%02d-%s", id, kind);
    }

    /** The case's folder under the sessions root; sorts after {@code INTACT}. */
    public String folder() {
        return "case-" + name();
    }

    public String sessionId() {
        return String.format("BAD-%02d-%s", id, kind);
    }
}
