-- Worst clients this month: most scorecard KPIs missed, then the worst settlement error rates.
-- ${month} is the month to look at, e.g. 2025-10.
SELECT s.client_id,
       count(*) FILTER (WHERE s.status = 'MISSED') AS kpis_missed,
       max(q.headcount_error_rate)                 AS headcount_error_rate,
       max(q.calc_error_rate)                      AS calc_error_rate
FROM client_scorecard s
LEFT JOIN settlement_quality q ON q.client_id = s.client_id AND q.month = s.month
WHERE s.month = '${month}'
GROUP BY s.client_id
ORDER BY kpis_missed DESC, calc_error_rate DESC NULLS LAST, headcount_error_rate DESC NULLS LAST
LIMIT 10;
