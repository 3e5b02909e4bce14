function "f" {
    lang = PLpgSQL
  return = int
      as = <<-SQL
        BEGIN
          RETURN 1 ;
        END
      SQL
  x = 1
}
