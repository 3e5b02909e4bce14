-- Modify "t" table
ALTER TABLE `t` DROP PRIMARY KEY, ADD PRIMARY KEY (`id`, `code`);
