CREATE TABLE "forecast_choices" (
	"measure_id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"period_key" text NOT NULL,
	"inputs_key" text NOT NULL,
	"choice" jsonb NOT NULL,
	"chosen_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "risk_links" DROP CONSTRAINT "risk_links_item_id_plan_items_id_fk";
--> statement-breakpoint
ALTER TABLE "risk_links" DROP CONSTRAINT "risk_links_measure_id_measures_id_fk";
--> statement-breakpoint
ALTER TABLE "risk_links" ADD COLUMN "action_id" uuid;--> statement-breakpoint
ALTER TABLE "forecast_choices" ADD CONSTRAINT "forecast_choices_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forecast_choices" ADD CONSTRAINT "forecast_choices_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_links" ADD CONSTRAINT "risk_links_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_links" ADD CONSTRAINT "risk_links_item_id_plan_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."plan_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_links" ADD CONSTRAINT "risk_links_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "risk_links_item_idx" ON "risk_links" USING btree ("organisation_id","item_id");--> statement-breakpoint
CREATE INDEX "risk_links_measure_idx" ON "risk_links" USING btree ("organisation_id","measure_id");--> statement-breakpoint
CREATE INDEX "risk_links_action_idx" ON "risk_links" USING btree ("organisation_id","action_id");