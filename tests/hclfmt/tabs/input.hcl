table "t" {
	schema = schema.s
	column "name" {
		null	=	true
		type    =	varchar(64)
		comment = "a	tab stays" 	# and	here
	}
}
