CREATE TABLE "money_capital_reprofiles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"scheme_id" uuid NOT NULL,
	"from_year" integer NOT NULL,
	"to_year" integer NOT NULL,
	"amount" bigint NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_by_name" text NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_by_name" text,
	"decision_reason" text DEFAULT '' NOT NULL,
	"decided_at" timestamp with time zone,
	CONSTRAINT "money_capital_reprofiles_later" CHECK ("money_capital_reprofiles"."to_year" > "money_capital_reprofiles"."from_year"),
	CONSTRAINT "money_capital_reprofiles_amount" CHECK ("money_capital_reprofiles"."amount" > 0),
	CONSTRAINT "money_capital_reprofiles_status" CHECK ("money_capital_reprofiles"."status" in ('pending', 'approved', 'rejected'))
);
--> statement-breakpoint
ALTER TABLE "money_capital_reprofiles" ADD CONSTRAINT "money_capital_reprofiles_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "money_capital_reprofiles" ADD CONSTRAINT "money_capital_reprofiles_scheme_id_money_capital_schemes_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."money_capital_schemes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "money_capital_reprofiles_scheme_idx" ON "money_capital_reprofiles" USING btree ("organisation_id","scheme_id");