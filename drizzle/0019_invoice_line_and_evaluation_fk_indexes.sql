CREATE INDEX "invoice_lines_session_idx" ON "invoice_lines" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "invoice_lines_contract_idx" ON "invoice_lines" USING btree ("contract_id");--> statement-breakpoint
CREATE INDEX "evaluations_session_idx" ON "evaluations" USING btree ("session_id");