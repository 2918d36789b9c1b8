ALTER TABLE "practices" ADD COLUMN "contact_email" text;--> statement-breakpoint
ALTER TABLE "practices" ADD COLUMN "contact_phone" text;