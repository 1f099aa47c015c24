-- A trainer's comparison of trainees: rates per session hour, and ruptures with their
-- outcomes, withdrawal and confrontation side by side. Compare trainees, not sessions.
SELECT therapist_id,
       COUNT(*) AS sessions,
       SUM(CASE WHEN flagged THEN 1 ELSE 0 END) AS flagged_sessions,
       SUM(duration_s) / 3600 AS session_hours,
       -- anxiety_episodes is null for a session without client data: its hours are no calm time
       SUM(anxiety_episodes) * 3600
           / SUM(CASE WHEN anxiety_episodes IS NOT NULL THEN duration_s END) AS anxiety_episodes_per_hour,
       -- likewise missed_opportunities for a session whose video was not coded
       SUM(missed_opportunities) * 3600
           / SUM(CASE WHEN missed_opportunities IS NOT NULL THEN duration_s END) AS missed_opportunities_per_hour,
       -- ruptures and safety events of coded sessions only (an uncoded one has 0s that mean nothing)
       SUM(CASE WHEN annotation_count > 0 THEN ruptures_withdrawal END) AS ruptures_withdrawal,
       SUM(CASE WHEN annotation_count > 0 THEN ruptures_confrontation END) AS ruptures_confrontation,
       SUM(CASE WHEN annotation_count > 0 THEN ruptures_resolved END) AS ruptures_resolved,
       SUM(CASE WHEN annotation_count > 0 THEN ruptures_unaddressed END) AS ruptures_unaddressed,
       AVG(median_time_to_repair_s) AS mean_time_to_repair_s,
       AVG(synchrony_es) AS mean_synchrony_es,
       SUM(CASE WHEN annotation_count > 0 THEN safety_events END) AS safety_events
FROM sessions
GROUP BY therapist_id
ORDER BY therapist_id;
