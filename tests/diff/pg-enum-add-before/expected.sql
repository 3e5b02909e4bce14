-- Add value to enum type: "status"
ALTER TYPE "public"."status" ADD VALUE 'pending' BEFORE 'active';
