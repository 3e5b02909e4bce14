SELECT 7;
-- atlas:sum ignore
