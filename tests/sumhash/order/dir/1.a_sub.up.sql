SELECT '1.a_sub.up';
