CREATE TABLE "session_reminders" (
	"session_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"practice_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "session_reminders_session_id_client_id_starts_at_pk" PRIMARY KEY("session_id","client_id","starts_at")
);
--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "calendar_method" text;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "calendar_body" text;--> statement-breakpoint
ALTER TABLE "practices" ADD COLUMN "reminder_hours_before" integer DEFAULT 24 NOT NULL;--> statement-breakpoint
ALTER TABLE "session_reminders" ADD CONSTRAINT "session_reminders_session_id_supervision_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."supervision_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_reminders" ADD CONSTRAINT "session_reminders_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_reminders" ADD CONSTRAINT "session_reminders_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "session_reminders_client_idx" ON "session_reminders" USING btree ("client_id");--> statement-breakpoint
ALTER TABLE "practices" ADD CONSTRAINT "practices_reminder_hours_before_range" CHECK ("practices"."reminder_hours_before" between 0 and 168);