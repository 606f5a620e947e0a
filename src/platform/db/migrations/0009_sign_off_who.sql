ALTER TABLE "collection_rules" ADD COLUMN "verify_who" text DEFAULT 'permission' NOT NULL;--> statement-breakpoint
ALTER TABLE "collection_rules" ADD COLUMN "verify_role" text;--> statement-breakpoint
ALTER TABLE "collection_rules" ADD COLUMN "verify_body_id" uuid;--> statement-breakpoint
ALTER TABLE "collection_rules" ADD COLUMN "approve_who" text DEFAULT 'permission' NOT NULL;--> statement-breakpoint
ALTER TABLE "collection_rules" ADD COLUMN "approve_role" text;--> statement-breakpoint
ALTER TABLE "collection_rules" ADD COLUMN "approve_body_id" uuid;--> statement-breakpoint
ALTER TABLE "collection_rules" ADD CONSTRAINT "collection_rules_verify_body_id_governance_bodies_id_fk" FOREIGN KEY ("verify_body_id") REFERENCES "public"."governance_bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collection_rules" ADD CONSTRAINT "collection_rules_approve_body_id_governance_bodies_id_fk" FOREIGN KEY ("approve_body_id") REFERENCES "public"."governance_bodies"("id") ON DELETE no action ON UPDATE no action;