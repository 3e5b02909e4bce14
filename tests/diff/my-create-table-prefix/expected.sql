-- Create "t" table
CREATE TABLE `t` (
  `id` int NOT NULL,
  `a` varchar(20) NOT NULL,
  `b` text NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE INDEX `t_a_b` (`a`(4), `b`(8)),
  INDEX `t_b` (`b`(5))
) CHARSET utf8mb4 COLLATE utf8mb4_0900_ai_ci;
