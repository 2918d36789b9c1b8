CREATE TABLE "client_background_audit_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"actor_id" uuid,
	"action" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "background_author_id" uuid;--> statement-breakpoint
ALTER TABLE "evaluations" ADD COLUMN "recorded_by" uuid;--> statement-breakpoint
-- Until now only the contract's supervisor could enter evaluations: they recorded every existing one.
UPDATE "evaluations" SET "recorded_by" = coalesce("respondent_user_id", (SELECT "supervisor_id" FROM "contracts" WHERE "contracts"."id" = "evaluations"."contract_id"));--> statement-breakpoint
ALTER TABLE "evaluations" ALTER COLUMN "recorded_by" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "client_background_audit_log" ADD CONSTRAINT "client_background_audit_log_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_background_audit_log" ADD CONSTRAINT "client_background_audit_log_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_background_audit_log" ADD CONSTRAINT "client_background_audit_log_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "client_background_audit_log_client_idx" ON "client_background_audit_log" USING btree ("client_id","created_at");--> statement-breakpoint
CREATE INDEX "client_background_audit_log_practice_idx" ON "client_background_audit_log" USING btree ("practice_id","created_at");--> statement-breakpoint
ALTER TABLE "clients" ADD CONSTRAINT "clients_background_author_id_users_id_fk" FOREIGN KEY ("background_author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;