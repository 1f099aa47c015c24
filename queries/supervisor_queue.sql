-- The supervisor's review queue: flagged sessions with supervision consent, the one to review
-- first on top (a safety event always leads), with every reason, most important first.
SELECT session_id, therapist_id, session_date, priority, flag_reasons,
       safety_events, ruptures_unaddressed, missed_opportunities, anxiety_episodes,
       data_quality_client
FROM sessions
WHERE flagged AND consent_supervision
ORDER BY priority DESC, session_id;
