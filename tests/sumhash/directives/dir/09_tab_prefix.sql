	-- atlas:sum ignore
SELECT 9;
