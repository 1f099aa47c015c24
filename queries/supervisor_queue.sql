-- The supervisor's review queue: flagged sessions with supervision consent, the one to review
-- first on top (a safety event always leads), with every reason, most important first.
SELECT session_id, therapist_id, session_date, priority, flag_reasons,
       -- coded counts of a session whose video was not coded are unknown (null), not 0
       CASE WHEN annotation_count > 0 THEN safety_events END AS safety_events,
       CASE WHEN annotation_count > 0 THEN ruptures_unaddressed END AS ruptures_unaddressed,
       missed_opportunities, anxiety_episodes, data_quality_client
FROM sessions
WHERE flagged AND consent_supervision
ORDER BY priority DESC, session_id;
