-- Company-wide p90 response time per metric, month by month (the '*' rows).
SELECT metric, month, n, n_open, round(p90_hours, 2) AS p90_hours
FROM response_time_distribution
WHERE client_id = '*'
ORDER BY metric, month;
