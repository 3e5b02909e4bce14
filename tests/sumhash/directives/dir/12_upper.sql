-- atlas:sum IGNORE
SELECT 12;
