s = "tab\tnl\ncr\rquote\"back\\ e\u00e9 g\U0001F600 $${no} %%{no}"
