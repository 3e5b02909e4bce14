--atlas:nolint DS102
DROP TABLE a;
/*atlas:nolint destructive*/
DROP TABLE b;
-- atlas:nolint MF103
DROP TABLE c;
