CREATE TABLE "money_borrowing_years" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"start_year" integer NOT NULL,
	"capital_financing_requirement" bigint NOT NULL,
	"external_borrowing" bigint NOT NULL,
	"operational_boundary" bigint NOT NULL,
	"authorised_limit" bigint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "money_borrowing_limit_order" CHECK ("money_borrowing_years"."authorised_limit" >= "money_borrowing_years"."operational_boundary")
);
--> statement-breakpoint
CREATE TABLE "money_capital_scheme_years" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"scheme_id" uuid NOT NULL,
	"start_year" integer NOT NULL,
	"budget" bigint NOT NULL,
	"spend_to_date" bigint NOT NULL,
	"forecast" bigint NOT NULL,
	"slippage" bigint NOT NULL,
	"slippage_reason" text DEFAULT '' NOT NULL,
	"borrowing" bigint NOT NULL,
	"grants" bigint NOT NULL,
	"receipts" bigint NOT NULL,
	"revenue_contributions" bigint NOT NULL,
	"explanation" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "money_capital_schemes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "money_cost_centre_plan_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"cost_centre_id" uuid NOT NULL,
	"plan_item_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "money_mtfs_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"first_year" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "money_mtfs_years" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"start_year" integer NOT NULL,
	"funding" bigint NOT NULL,
	"base_spending" bigint NOT NULL,
	"pressures" bigint NOT NULL,
	"planned_reserve_use" bigint NOT NULL,
	"assumptions" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "money_reserve_years" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"reserve_id" uuid NOT NULL,
	"start_year" integer NOT NULL,
	"opening_balance" bigint NOT NULL,
	"contributions" bigint NOT NULL,
	"planned_use" bigint NOT NULL,
	"forecast_use" bigint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "money_reserves" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"purpose" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "money_reserves_kind" CHECK ("money_reserves"."kind" in ('general', 'earmarked'))
);
--> statement-breakpoint
CREATE TABLE "money_saving_years" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"saving_id" uuid NOT NULL,
	"start_year" integer NOT NULL,
	"target" bigint NOT NULL,
	"delivered" bigint NOT NULL,
	"forecast" bigint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "money_savings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"title" text NOT NULL,
	"owner" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"rag" text NOT NULL,
	"plan_item_id" uuid,
	"action_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "money_savings_rag" CHECK ("money_savings"."rag" in ('green', 'amber', 'red'))
);
--> statement-breakpoint
ALTER TABLE "money_cost_centres" ADD COLUMN "retired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "money_borrowing_years" ADD CONSTRAINT "money_borrowing_years_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "money_capital_scheme_years" ADD CONSTRAINT "money_capital_scheme_years_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "money_capital_scheme_years" ADD CONSTRAINT "money_capital_scheme_years_scheme_id_money_capital_schemes_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."money_capital_schemes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "money_capital_schemes" ADD CONSTRAINT "money_capital_schemes_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "money_capital_schemes" ADD CONSTRAINT "money_capital_schemes_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "money_cost_centre_plan_links" ADD CONSTRAINT "money_cost_centre_plan_links_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "money_cost_centre_plan_links" ADD CONSTRAINT "money_cost_centre_plan_links_cost_centre_id_money_cost_centres_id_fk" FOREIGN KEY ("cost_centre_id") REFERENCES "public"."money_cost_centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "money_cost_centre_plan_links" ADD CONSTRAINT "money_cost_centre_plan_links_plan_item_id_plan_items_id_fk" FOREIGN KEY ("plan_item_id") REFERENCES "public"."plan_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "money_mtfs_versions" ADD CONSTRAINT "money_mtfs_versions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "money_mtfs_years" ADD CONSTRAINT "money_mtfs_years_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "money_mtfs_years" ADD CONSTRAINT "money_mtfs_years_version_id_money_mtfs_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."money_mtfs_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "money_reserve_years" ADD CONSTRAINT "money_reserve_years_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "money_reserve_years" ADD CONSTRAINT "money_reserve_years_reserve_id_money_reserves_id_fk" FOREIGN KEY ("reserve_id") REFERENCES "public"."money_reserves"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "money_reserves" ADD CONSTRAINT "money_reserves_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "money_saving_years" ADD CONSTRAINT "money_saving_years_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "money_saving_years" ADD CONSTRAINT "money_saving_years_saving_id_money_savings_id_fk" FOREIGN KEY ("saving_id") REFERENCES "public"."money_savings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "money_savings" ADD CONSTRAINT "money_savings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "money_savings" ADD CONSTRAINT "money_savings_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "money_savings" ADD CONSTRAINT "money_savings_plan_item_id_plan_items_id_fk" FOREIGN KEY ("plan_item_id") REFERENCES "public"."plan_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "money_savings" ADD CONSTRAINT "money_savings_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "money_borrowing_years_key" ON "money_borrowing_years" USING btree ("organisation_id","start_year");--> statement-breakpoint
CREATE UNIQUE INDEX "money_capital_scheme_years_key" ON "money_capital_scheme_years" USING btree ("scheme_id","start_year");--> statement-breakpoint
CREATE INDEX "money_capital_scheme_years_org_idx" ON "money_capital_scheme_years" USING btree ("organisation_id","start_year");--> statement-breakpoint
CREATE UNIQUE INDEX "money_capital_schemes_org_code_key" ON "money_capital_schemes" USING btree ("organisation_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "money_cost_centre_plan_links_key" ON "money_cost_centre_plan_links" USING btree ("cost_centre_id","plan_item_id");--> statement-breakpoint
CREATE INDEX "money_cost_centre_plan_links_item_idx" ON "money_cost_centre_plan_links" USING btree ("plan_item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "money_mtfs_versions_org_name_key" ON "money_mtfs_versions" USING btree ("organisation_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "money_mtfs_years_key" ON "money_mtfs_years" USING btree ("version_id","start_year");--> statement-breakpoint
CREATE UNIQUE INDEX "money_reserve_years_key" ON "money_reserve_years" USING btree ("reserve_id","start_year");--> statement-breakpoint
CREATE UNIQUE INDEX "money_reserves_org_name_key" ON "money_reserves" USING btree ("organisation_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "money_saving_years_key" ON "money_saving_years" USING btree ("saving_id","start_year");--> statement-breakpoint
CREATE INDEX "money_saving_years_org_idx" ON "money_saving_years" USING btree ("organisation_id","start_year");--> statement-breakpoint
CREATE UNIQUE INDEX "money_savings_org_reference_key" ON "money_savings" USING btree ("organisation_id","reference");