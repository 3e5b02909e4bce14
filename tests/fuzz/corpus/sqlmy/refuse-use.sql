-- Refused: USE of another database (unqualified names would move there).
USE other;
