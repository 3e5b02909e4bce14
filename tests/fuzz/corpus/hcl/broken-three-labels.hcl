a "b" "c" "d" {
}
