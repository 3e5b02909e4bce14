-- Auto-increment fills existing rows.
ALTER TABLE users ADD COLUMN `id` bigint PRIMARY KEY AUTO_INCREMENT;
