ALTER TABLE "session_changes" ADD COLUMN "previous_status" text;--> statement-breakpoint
ALTER TABLE "session_changes" ADD COLUMN "new_status" text;--> statement-breakpoint
ALTER TABLE "supervision_sessions" ADD COLUMN "cancelled_by" text;--> statement-breakpoint
ALTER TABLE "supervision_sessions" ADD COLUMN "cancellation_reason" text;--> statement-breakpoint
ALTER TABLE "supervision_sessions" ADD COLUMN "charge_waived_reason" text;--> statement-breakpoint
ALTER TABLE "supervision_sessions" ADD COLUMN "extra" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "supervision_sessions" ADD COLUMN "invoiced_at" timestamp with time zone;--> statement-breakpoint
-- Duplicates from double submits: keep each author's latest evaluation of a kind.
DELETE FROM "evaluations" e USING "evaluations" newer
WHERE e."contract_id" = newer."contract_id" AND e."kind" = newer."kind"
  AND e."respondent" = newer."respondent"
  AND e."respondent_user_id" IS NOT DISTINCT FROM newer."respondent_user_id"
  AND e."respondent_client_id" IS NOT DISTINCT FROM newer."respondent_client_id"
  AND (e."created_at", e."id") < (newer."created_at", newer."id");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluations_supervisor_once_idx" ON "evaluations" USING btree ("contract_id","kind","respondent_user_id") WHERE respondent = 'supervisor';--> statement-breakpoint
CREATE UNIQUE INDEX "evaluations_supervisee_once_idx" ON "evaluations" USING btree ("contract_id","kind","respondent_client_id") WHERE respondent = 'supervisee';