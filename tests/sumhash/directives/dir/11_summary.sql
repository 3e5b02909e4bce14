-- atlas:summary ignore
SELECT 11;
