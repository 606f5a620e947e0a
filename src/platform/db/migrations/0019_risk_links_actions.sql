ALTER TABLE "risk_links" ADD COLUMN "action_id" uuid;--> statement-breakpoint
ALTER TABLE "risk_links" ADD CONSTRAINT "risk_links_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "risk_links_item_idx" ON "risk_links" USING btree ("organisation_id","item_id");--> statement-breakpoint
CREATE INDEX "risk_links_measure_idx" ON "risk_links" USING btree ("organisation_id","measure_id");--> statement-breakpoint
CREATE INDEX "risk_links_action_idx" ON "risk_links" USING btree ("organisation_id","action_id");