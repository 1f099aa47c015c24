package org.sessionreview.jobs.sampledata;

/**
 * What the cohort design says about one client across sessions, decided with the plan and not
 * computed from anything: whether the client's anxiety burden is planted to <i>plateau</i> at its
 * latest session. {@link PlannedTrend#validate} checks that the planted episodes fit the intent.
 *
 * @param clientId the raw client id of the plan ({@code C-0001}...)
 * @param plateau true when the latest session must be a plateau (DOMAIN.md, client trend): the
 *     last {@value PlannedTrend#LAST_N} sessions each carry a high planted burden that does not
 *     decline
 */
public record ClientPlan(String clientId, boolean plateau) {}
