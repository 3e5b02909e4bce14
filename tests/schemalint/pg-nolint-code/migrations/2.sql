-- atlas:nolint DS102
DROP TABLE a;
DROP TABLE b;
