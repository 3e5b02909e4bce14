-- atlas:sum ignored
SELECT 10;
