CREATE TABLE "money_budget_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"cost_centre_id" uuid NOT NULL,
	"financial_year_id" uuid NOT NULL,
	"month" smallint NOT NULL,
	"original_budget" bigint NOT NULL,
	"virements" bigint NOT NULL,
	"budget_to_date" bigint NOT NULL,
	"actual_to_date" bigint NOT NULL,
	"previous_forecast" bigint NOT NULL,
	"forecast_before_action" bigint NOT NULL,
	"latest_forecast" bigint NOT NULL,
	"gross_expenditure_forecast" bigint,
	"income_forecast" bigint,
	"explanation" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "money_budget_lines_month" CHECK ("money_budget_lines"."month" between 1 and 12)
);
--> statement-breakpoint
CREATE TABLE "money_cost_centres" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "money_financial_years" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"start_year" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "money_settings" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"amber_over_basis_points" integer NOT NULL,
	"red_over_basis_points" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "money_settings_bands_order" CHECK ("money_settings"."red_over_basis_points" > "money_settings"."amber_over_basis_points")
);
--> statement-breakpoint
ALTER TABLE "money_budget_lines" ADD CONSTRAINT "money_budget_lines_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "money_budget_lines" ADD CONSTRAINT "money_budget_lines_cost_centre_id_money_cost_centres_id_fk" FOREIGN KEY ("cost_centre_id") REFERENCES "public"."money_cost_centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "money_budget_lines" ADD CONSTRAINT "money_budget_lines_financial_year_id_money_financial_years_id_fk" FOREIGN KEY ("financial_year_id") REFERENCES "public"."money_financial_years"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "money_cost_centres" ADD CONSTRAINT "money_cost_centres_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "money_cost_centres" ADD CONSTRAINT "money_cost_centres_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "money_financial_years" ADD CONSTRAINT "money_financial_years_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "money_settings" ADD CONSTRAINT "money_settings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "money_budget_lines_period_key" ON "money_budget_lines" USING btree ("cost_centre_id","financial_year_id","month");--> statement-breakpoint
CREATE INDEX "money_budget_lines_org_period_idx" ON "money_budget_lines" USING btree ("organisation_id","financial_year_id","month");--> statement-breakpoint
CREATE UNIQUE INDEX "money_cost_centres_org_code_key" ON "money_cost_centres" USING btree ("organisation_id","code");--> statement-breakpoint
CREATE INDEX "money_cost_centres_unit_idx" ON "money_cost_centres" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "money_financial_years_org_year_key" ON "money_financial_years" USING btree ("organisation_id","start_year");