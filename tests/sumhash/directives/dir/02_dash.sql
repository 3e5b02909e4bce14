--atlas:sum ignore
SELECT 2;
