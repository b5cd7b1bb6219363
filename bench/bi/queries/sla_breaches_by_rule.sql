-- Time-limit compliance per rule this month, worst first (company-wide '*' rows).
SELECT rule, evaluated, met, breached, pending, round(compliance_rate, 4) AS compliance_rate
FROM sla_compliance
WHERE client_id = '*' AND month = '${month}'
ORDER BY compliance_rate ASC NULLS LAST;
