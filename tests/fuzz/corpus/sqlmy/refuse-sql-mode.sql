-- Refused: an sql_mode that changes how the rest is read (ANSI_QUOTES).
SET SESSION sql_mode = 'ANSI_QUOTES,STRICT_TRANS_TABLES';
