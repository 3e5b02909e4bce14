SELECT '2_b';
