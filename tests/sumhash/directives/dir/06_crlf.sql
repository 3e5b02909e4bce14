-- atlas:sum ignore
SELECT 6;
