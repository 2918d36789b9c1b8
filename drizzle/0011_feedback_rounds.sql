CREATE TABLE "feedback_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"answered" boolean DEFAULT false NOT NULL,
	CONSTRAINT "feedback_invitations_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "feedback_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"kind" text NOT NULL,
	"starter_key" text,
	"prompt_encrypted" text,
	CONSTRAINT "feedback_questions_one_prompt" CHECK (("feedback_questions"."starter_key" is null) <> ("feedback_questions"."prompt_encrypted" is null))
);
--> statement-breakpoint
CREATE TABLE "feedback_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"created_by" uuid NOT NULL,
	"title_encrypted" text NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"shared_link_encrypted" text,
	"shared_token_hash" text,
	"response_count" integer DEFAULT 0 NOT NULL,
	"shared_with_supervisor_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "feedback_rounds_shared_token_hash_unique" UNIQUE("shared_token_hash")
);
--> statement-breakpoint
CREATE TABLE "feedback_scale_tallies" (
	"practice_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"question_id" uuid NOT NULL,
	"value" smallint NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "feedback_scale_tallies_question_id_value_pk" PRIMARY KEY("question_id","value"),
	CONSTRAINT "feedback_scale_tallies_value" CHECK ("feedback_scale_tallies"."value" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "feedback_text_answers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"practice_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"question_id" uuid NOT NULL,
	"text_encrypted" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "practice_feedback_settings" (
	"practice_id" uuid PRIMARY KEY NOT NULL,
	"min_answers" smallint DEFAULT 3 NOT NULL,
	CONSTRAINT "practice_feedback_settings_min" CHECK ("practice_feedback_settings"."min_answers" >= 3)
);
--> statement-breakpoint
ALTER TABLE "feedback_invitations" ADD CONSTRAINT "feedback_invitations_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_invitations" ADD CONSTRAINT "feedback_invitations_round_id_feedback_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."feedback_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_questions" ADD CONSTRAINT "feedback_questions_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_questions" ADD CONSTRAINT "feedback_questions_round_id_feedback_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."feedback_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_rounds" ADD CONSTRAINT "feedback_rounds_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_rounds" ADD CONSTRAINT "feedback_rounds_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_rounds" ADD CONSTRAINT "feedback_rounds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_scale_tallies" ADD CONSTRAINT "feedback_scale_tallies_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_scale_tallies" ADD CONSTRAINT "feedback_scale_tallies_round_id_feedback_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."feedback_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_scale_tallies" ADD CONSTRAINT "feedback_scale_tallies_question_id_feedback_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."feedback_questions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_text_answers" ADD CONSTRAINT "feedback_text_answers_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_text_answers" ADD CONSTRAINT "feedback_text_answers_round_id_feedback_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."feedback_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_text_answers" ADD CONSTRAINT "feedback_text_answers_question_id_feedback_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."feedback_questions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_feedback_settings" ADD CONSTRAINT "practice_feedback_settings_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "feedback_invitations_round_idx" ON "feedback_invitations" USING btree ("round_id");--> statement-breakpoint
CREATE INDEX "feedback_questions_round_idx" ON "feedback_questions" USING btree ("round_id","position");--> statement-breakpoint
CREATE INDEX "feedback_rounds_client_idx" ON "feedback_rounds" USING btree ("practice_id","client_id");--> statement-breakpoint
CREATE INDEX "feedback_text_answers_question_idx" ON "feedback_text_answers" USING btree ("question_id","id");