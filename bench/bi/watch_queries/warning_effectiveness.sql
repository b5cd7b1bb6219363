-- Warning effectiveness (SPEC §4.8): per client and month, the breached subjects of sla_events,
-- how many of them were on a watchlist before their deadline (any level but OVERDUE, so the
-- warning came while there was still time), and how early the first such warning came.
WITH breached AS (
  SELECT rule, subject_id, client_id, month, deadline_at
  FROM sla_events
  WHERE status = 'BREACHED' AND rule <> 'INJURY_CLIENT_NOTICE_12H' AND client_id <> '*'
),
first_warning AS (
  SELECT rule, subject_id, min(as_of) AS first_warned_at
  FROM sla_watchlist
  WHERE level <> 'OVERDUE' AND as_of <= deadline_at
  GROUP BY rule, subject_id
)
SELECT b.client_id,
       b.month,
       count(*)                                                        AS breached,
       count(w.first_warned_at)                                        AS warned_before_deadline,
       round(count(w.first_warned_at) / count(*), 4)                   AS warned_share,
       round(min(date_diff('second', w.first_warned_at, b.deadline_at)) / 3600.0, 2)    AS min_hours_ahead,
       round(median(date_diff('second', w.first_warned_at, b.deadline_at)) / 3600.0, 2) AS median_hours_ahead,
       round(max(date_diff('second', w.first_warned_at, b.deadline_at)) / 3600.0, 2)    AS max_hours_ahead
FROM breached b
LEFT JOIN first_warning w ON w.rule = b.rule AND w.subject_id = b.subject_id
GROUP BY b.client_id, b.month
ORDER BY b.month, b.client_id;
