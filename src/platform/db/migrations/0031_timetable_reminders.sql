CREATE TABLE "timetable_reminders" (
	"organisation_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"person_id" uuid NOT NULL,
	"reminded_on" date NOT NULL,
	CONSTRAINT "timetable_reminders_meeting_id_kind_person_id_pk" PRIMARY KEY("meeting_id","kind","person_id")
);
--> statement-breakpoint
ALTER TABLE "timetable_reminders" ADD CONSTRAINT "timetable_reminders_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timetable_reminders" ADD CONSTRAINT "timetable_reminders_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timetable_reminders" ADD CONSTRAINT "timetable_reminders_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;