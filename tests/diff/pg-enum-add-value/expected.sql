-- Add value to enum type: "status"
ALTER TYPE "public"."status" ADD VALUE 'banned';
-- Add value to enum type: "status"
ALTER TYPE "public"."status" ADD VALUE 'deleted';
