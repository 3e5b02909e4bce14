-- Add value to enum type: "status"
ALTER TYPE "public"."status" ADD VALUE 'draft' BEFORE 'active';
-- Add value to enum type: "status"
ALTER TYPE "public"."status" ADD VALUE 'pending' AFTER 'draft';
-- Add value to enum type: "status"
ALTER TYPE "public"."status" ADD VALUE 'suspended' AFTER 'active';
-- Add value to enum type: "status"
ALTER TYPE "public"."status" ADD VALUE 'paused' AFTER 'suspended';
-- Add value to enum type: "status"
ALTER TYPE "public"."status" ADD VALUE 'archived';
-- Add value to enum type: "status"
ALTER TYPE "public"."status" ADD VALUE 'deleted';
