-- atlas:nolint

DROP TABLE c;
