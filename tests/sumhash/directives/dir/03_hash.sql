# atlas:sum ignore
SELECT 3;
