-- A researcher's question: is the client's anxiety index higher inside rupture episodes than
-- outside them? Mean over the client's scored windows within the video (0 <= start_s and
-- end_s <= the session's duration_s; windows before media start or past the video's end, which
-- no coder saw, are left out), per session with a rupture; a window counts as inside when it
-- overlaps an episode. (Per-session means for a mixed model, not a pooled test: DOMAIN.md 4.3 E.)
SELECT session_id,
       CASE WHEN in_rupture = 1 THEN 'inside' ELSE 'outside' END AS windows_in,
       COUNT(*) AS windows,
       AVG(anxiety_index) AS mean_anxiety_index,
       MAX(anxiety_index) AS max_anxiety_index
FROM (
  SELECT w.session_id, w.start_s, w.anxiety_index,
         MAX(CASE WHEN r.episode_id IS NULL THEN 0 ELSE 1 END) AS in_rupture
  FROM windows AS w
  JOIN sessions AS s ON s.session_id = w.session_id
  LEFT JOIN ruptures AS r
    ON r.session_id = w.session_id AND r.start_s < w.end_s AND r.end_s > w.start_s
  WHERE w.role = 'client' AND w.anxiety_index IS NOT NULL
    AND w.start_s >= 0 AND w.end_s <= s.duration_s
    AND w.session_id IN (SELECT session_id FROM ruptures)
  GROUP BY w.session_id, w.start_s, w.anxiety_index
) AS t
GROUP BY session_id, CASE WHEN in_rupture = 1 THEN 'inside' ELSE 'outside' END
ORDER BY session_id, windows_in;
