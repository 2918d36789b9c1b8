CREATE TABLE "practice_settings_audit_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"actor_id" uuid,
	"setting" text NOT NULL,
	"changed_fields" text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "practices" ADD COLUMN "legal_name" text;--> statement-breakpoint
ALTER TABLE "practices" ADD COLUMN "street_address" text;--> statement-breakpoint
ALTER TABLE "practices" ADD COLUMN "postal_code" text;--> statement-breakpoint
ALTER TABLE "practices" ADD COLUMN "city" text;--> statement-breakpoint
ALTER TABLE "practices" ADD COLUMN "business_id" text;--> statement-breakpoint
ALTER TABLE "practices" ADD COLUMN "vat_number" text;--> statement-breakpoint
ALTER TABLE "practices" ADD COLUMN "iban" text;--> statement-breakpoint
ALTER TABLE "practices" ADD COLUMN "payment_term_days" integer DEFAULT 14 NOT NULL;--> statement-breakpoint
ALTER TABLE "practices" ADD COLUMN "next_invoice_number" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "practice_settings_audit_log" ADD CONSTRAINT "practice_settings_audit_log_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_settings_audit_log" ADD CONSTRAINT "practice_settings_audit_log_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "practice_settings_audit_log_practice_idx" ON "practice_settings_audit_log" USING btree ("practice_id","created_at");--> statement-breakpoint
ALTER TABLE "practices" ADD CONSTRAINT "practices_payment_term_days_range" CHECK ("practices"."payment_term_days" between 0 and 90);--> statement-breakpoint
ALTER TABLE "practices" ADD CONSTRAINT "practices_next_invoice_number_positive" CHECK ("practices"."next_invoice_number" >= 1);