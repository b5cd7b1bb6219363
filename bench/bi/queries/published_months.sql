-- Months a reader may use (issue 11): every gold table's rows of the month carry the run_id of
-- the month's last SUCCEEDED metrics run. A month a killed metrics run left half-written is not
-- listed until metrics is rerun. Join other queries to this on (month, run_id).
-- One line per gold table of Gold.TABLES (report/Publication checks the same rule in Java).
WITH last_succeeded AS (
  SELECT month, max_by(run_id, ended_at) AS run_id
  FROM runs
  WHERE command = 'metrics' AND status = 'SUCCEEDED'
  GROUP BY month
), gold_runs AS (
  SELECT DISTINCT month, run_id FROM settlement_quality
  UNION ALL SELECT DISTINCT month, run_id FROM settlement_errors
  UNION ALL SELECT DISTINCT month, run_id FROM response_time_events
  UNION ALL SELECT DISTINCT month, run_id FROM response_time_distribution
  UNION ALL SELECT DISTINCT month, run_id FROM sla_events
  UNION ALL SELECT DISTINCT month, run_id FROM sla_compliance
  UNION ALL SELECT DISTINCT month, run_id FROM service_frequency
  UNION ALL SELECT DISTINCT month, run_id FROM recruitment_shortlist
  UNION ALL SELECT DISTINCT month, run_id FROM client_scorecard
  UNION ALL SELECT DISTINCT month, run_id FROM satisfaction
  UNION ALL SELECT DISTINCT month, run_id FROM response_within_limit
  UNION ALL SELECT DISTINCT month, run_id FROM company_trend
)
SELECT l.month, l.run_id
FROM last_succeeded l
WHERE NOT EXISTS (SELECT 1 FROM gold_runs g WHERE g.month = l.month AND g.run_id <> l.run_id)
ORDER BY l.month;
