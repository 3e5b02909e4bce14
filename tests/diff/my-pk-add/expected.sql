-- Modify "t" table
ALTER TABLE `t` ADD PRIMARY KEY (`id`);
