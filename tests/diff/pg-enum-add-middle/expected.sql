-- Add value to enum type: "status"
ALTER TYPE "public"."status" ADD VALUE 'suspended' AFTER 'active';
