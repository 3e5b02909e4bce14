café = 1
naïve-name = 2
_under_score = 3
