locals {
ids = [
[1, 2],
[
3,
4,
],
]
obj = {
a = {
b = [
"c",
]
}
}
pairs = [{
k = "x"
}, {
k = "y"
}]
}
