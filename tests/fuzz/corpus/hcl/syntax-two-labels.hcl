resource "aws_instance" "web" {
  ami = "ami-123"
}
table "public" "t" {
  column "id" { type = int }
}
