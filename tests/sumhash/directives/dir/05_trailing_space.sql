-- atlas:sum ignore 
SELECT 5;
