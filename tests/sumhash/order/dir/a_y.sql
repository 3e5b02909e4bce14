SELECT 'a_y';
