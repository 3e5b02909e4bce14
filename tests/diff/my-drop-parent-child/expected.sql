-- Drop "posts" table
DROP TABLE `posts`;
-- Drop "users" table
DROP TABLE `users`;
