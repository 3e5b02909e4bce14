SELECT 'B_x';
