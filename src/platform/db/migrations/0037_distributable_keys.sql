-- Primary keys and unique constraints that Citus can distribute (docs/decisions/0018, issue #21).
-- Every primary key, unique constraint and unique index of a council's table now includes
-- organisation_id. A table keyed by id gets (id, organisation_id): id first, so a look-up by id
-- alone still uses the index; and it has the same columns as (organisation_id, id), which the
-- composite foreign keys point at, so the separate unique <table>_organisation_id_id_key goes.
-- Those foreign keys depend on that constraint's index, so they are dropped first and made again,
-- unchanged, at the end (drizzle-kit's statements are in between; it cannot name a column's own
-- primary key, which is PostgreSQL's <table>_pkey here).
ALTER TABLE "action_assignees" DROP CONSTRAINT "action_assignees_action_id_fk";--> statement-breakpoint
ALTER TABLE "action_assignees" DROP CONSTRAINT "action_assignees_person_id_fk";--> statement-breakpoint
ALTER TABLE "action_escalations" DROP CONSTRAINT "action_escalations_action_id_fk";--> statement-breakpoint
ALTER TABLE "action_escalations" DROP CONSTRAINT "action_escalations_decided_by_person_id_fk";--> statement-breakpoint
ALTER TABLE "action_escalations" DROP CONSTRAINT "action_escalations_escalation_owner_person_id_fk";--> statement-breakpoint
ALTER TABLE "action_events" DROP CONSTRAINT "action_events_action_id_fk";--> statement-breakpoint
ALTER TABLE "action_events" DROP CONSTRAINT "action_events_by_person_id_fk";--> statement-breakpoint
ALTER TABLE "action_item_links" DROP CONSTRAINT "action_item_links_action_id_fk";--> statement-breakpoint
ALTER TABLE "action_item_links" DROP CONSTRAINT "action_item_links_item_id_fk";--> statement-breakpoint
ALTER TABLE "action_measure_links" DROP CONSTRAINT "action_measure_links_action_id_fk";--> statement-breakpoint
ALTER TABLE "action_measure_links" DROP CONSTRAINT "action_measure_links_measure_id_fk";--> statement-breakpoint
ALTER TABLE "action_milestones" DROP CONSTRAINT "action_milestones_action_id_fk";--> statement-breakpoint
ALTER TABLE "action_updates" DROP CONSTRAINT "action_updates_action_id_fk";--> statement-breakpoint
ALTER TABLE "action_updates" DROP CONSTRAINT "action_updates_by_person_id_fk";--> statement-breakpoint
ALTER TABLE "actions" DROP CONSTRAINT "actions_escalation_owner_person_id_fk";--> statement-breakpoint
ALTER TABLE "actions" DROP CONSTRAINT "actions_owner_person_id_fk";--> statement-breakpoint
ALTER TABLE "actions" DROP CONSTRAINT "actions_plan_id_fk";--> statement-breakpoint
ALTER TABLE "agenda_item_papers" DROP CONSTRAINT "agenda_item_papers_agenda_item_id_fk";--> statement-breakpoint
ALTER TABLE "agenda_item_papers" DROP CONSTRAINT "agenda_item_papers_uploaded_by_person_id_fk";--> statement-breakpoint
ALTER TABLE "agenda_items" DROP CONSTRAINT "agenda_items_decided_by_person_id_fk";--> statement-breakpoint
ALTER TABLE "agenda_items" DROP CONSTRAINT "agenda_items_lead_officer_person_id_fk";--> statement-breakpoint
ALTER TABLE "agenda_items" DROP CONSTRAINT "agenda_items_meeting_id_fk";--> statement-breakpoint
ALTER TABLE "agenda_items" DROP CONSTRAINT "agenda_items_referred_from_item_id_fk";--> statement-breakpoint
ALTER TABLE "api_tokens" DROP CONSTRAINT "api_tokens_person_id_fk";--> statement-breakpoint
ALTER TABLE "approval_steps" DROP CONSTRAINT "approval_steps_body_id_fk";--> statement-breakpoint
ALTER TABLE "approval_steps" DROP CONSTRAINT "approval_steps_plan_type_id_fk";--> statement-breakpoint
ALTER TABLE "collection_rules" DROP CONSTRAINT "collection_rules_approve_body_id_fk";--> statement-breakpoint
ALTER TABLE "collection_rules" DROP CONSTRAINT "collection_rules_updated_by_fk";--> statement-breakpoint
ALTER TABLE "collection_rules" DROP CONSTRAINT "collection_rules_verify_body_id_fk";--> statement-breakpoint
ALTER TABLE "contribution_links" DROP CONSTRAINT "contribution_links_from_item_id_fk";--> statement-breakpoint
ALTER TABLE "contribution_links" DROP CONSTRAINT "contribution_links_to_item_id_fk";--> statement-breakpoint
ALTER TABLE "delivery_settings" DROP CONSTRAINT "delivery_settings_updated_by_fk";--> statement-breakpoint
ALTER TABLE "forecast_choices" DROP CONSTRAINT "forecast_choices_measure_id_fk";--> statement-breakpoint
ALTER TABLE "governance_body_members" DROP CONSTRAINT "governance_body_members_body_id_fk";--> statement-breakpoint
ALTER TABLE "governance_body_members" DROP CONSTRAINT "governance_body_members_person_id_fk";--> statement-breakpoint
ALTER TABLE "improvement_plan_decisions" DROP CONSTRAINT "improvement_plan_decisions_body_id_fk";--> statement-breakpoint
ALTER TABLE "improvement_plan_decisions" DROP CONSTRAINT "improvement_plan_decisions_plan_id_fk";--> statement-breakpoint
ALTER TABLE "improvement_plan_decisions" DROP CONSTRAINT "improvement_plan_decisions_recorded_by_person_id_fk";--> statement-breakpoint
ALTER TABLE "improvement_plan_events" DROP CONSTRAINT "improvement_plan_events_person_id_fk";--> statement-breakpoint
ALTER TABLE "improvement_plan_events" DROP CONSTRAINT "improvement_plan_events_plan_id_fk";--> statement-breakpoint
ALTER TABLE "improvement_plan_requests" DROP CONSTRAINT "improvement_plan_requests_measure_id_fk";--> statement-breakpoint
ALTER TABLE "improvement_plan_requests" DROP CONSTRAINT "improvement_plan_requests_owner_person_id_fk";--> statement-breakpoint
ALTER TABLE "improvement_plan_settings" DROP CONSTRAINT "improvement_plan_settings_panel_body_id_fk";--> statement-breakpoint
ALTER TABLE "improvement_plans" DROP CONSTRAINT "improvement_plans_measure_id_fk";--> statement-breakpoint
ALTER TABLE "improvement_plans" DROP CONSTRAINT "improvement_plans_owner_person_id_fk";--> statement-breakpoint
ALTER TABLE "improvement_plans" DROP CONSTRAINT "improvement_plans_request_id_fk";--> statement-breakpoint
ALTER TABLE "issued_reports" DROP CONSTRAINT "issued_reports_definition_id_fk";--> statement-breakpoint
ALTER TABLE "measure_assignees" DROP CONSTRAINT "measure_assignees_added_by_fk";--> statement-breakpoint
ALTER TABLE "measure_assignees" DROP CONSTRAINT "measure_assignees_measure_id_fk";--> statement-breakpoint
ALTER TABLE "measure_assignees" DROP CONSTRAINT "measure_assignees_person_id_fk";--> statement-breakpoint
ALTER TABLE "measure_breakdowns" DROP CONSTRAINT "measure_breakdowns_measure_id_fk";--> statement-breakpoint
ALTER TABLE "measure_item_links" DROP CONSTRAINT "measure_item_links_added_by_fk";--> statement-breakpoint
ALTER TABLE "measure_item_links" DROP CONSTRAINT "measure_item_links_item_id_fk";--> statement-breakpoint
ALTER TABLE "measure_item_links" DROP CONSTRAINT "measure_item_links_measure_id_fk";--> statement-breakpoint
ALTER TABLE "measure_series" DROP CONSTRAINT "measure_series_measure_id_fk";--> statement-breakpoint
ALTER TABLE "measure_statuses" DROP CONSTRAINT "measure_statuses_breakdown_id_fk";--> statement-breakpoint
ALTER TABLE "measure_statuses" DROP CONSTRAINT "measure_statuses_measure_id_fk";--> statement-breakpoint
ALTER TABLE "measure_targets" DROP CONSTRAINT "measure_targets_breakdown_id_fk";--> statement-breakpoint
ALTER TABLE "measure_targets" DROP CONSTRAINT "measure_targets_measure_id_fk";--> statement-breakpoint
ALTER TABLE "measure_targets" DROP CONSTRAINT "measure_targets_set_by_fk";--> statement-breakpoint
ALTER TABLE "measure_targets" DROP CONSTRAINT "measure_targets_superseded_by_fk";--> statement-breakpoint
ALTER TABLE "measure_value_events" DROP CONSTRAINT "measure_value_events_actor_person_id_fk";--> statement-breakpoint
ALTER TABLE "measure_value_events" DROP CONSTRAINT "measure_value_events_measure_id_fk";--> statement-breakpoint
ALTER TABLE "measure_value_events" DROP CONSTRAINT "measure_value_events_value_id_fk";--> statement-breakpoint
ALTER TABLE "measure_values" DROP CONSTRAINT "measure_values_breakdown_id_fk";--> statement-breakpoint
ALTER TABLE "measure_values" DROP CONSTRAINT "measure_values_entered_by_fk";--> statement-breakpoint
ALTER TABLE "measure_values" DROP CONSTRAINT "measure_values_measure_id_fk";--> statement-breakpoint
ALTER TABLE "measure_values" DROP CONSTRAINT "measure_values_updated_by_fk";--> statement-breakpoint
ALTER TABLE "measures" DROP CONSTRAINT "measures_owner_person_id_fk";--> statement-breakpoint
ALTER TABLE "measures" DROP CONSTRAINT "measures_owner_unit_id_fk";--> statement-breakpoint
ALTER TABLE "measures" DROP CONSTRAINT "measures_verifier_person_id_fk";--> statement-breakpoint
ALTER TABLE "meetings" DROP CONSTRAINT "meetings_body_id_fk";--> statement-breakpoint
ALTER TABLE "member_requests" DROP CONSTRAINT "member_requests_addressee_person_id_fk";--> statement-breakpoint
ALTER TABLE "member_requests" DROP CONSTRAINT "member_requests_agenda_item_id_fk";--> statement-breakpoint
ALTER TABLE "member_requests" DROP CONSTRAINT "member_requests_answered_by_person_id_fk";--> statement-breakpoint
ALTER TABLE "member_requests" DROP CONSTRAINT "member_requests_meeting_id_fk";--> statement-breakpoint
ALTER TABLE "member_requests" DROP CONSTRAINT "member_requests_raised_by_person_id_fk";--> statement-breakpoint
ALTER TABLE "money_budget_lines" DROP CONSTRAINT "money_budget_lines_cost_centre_id_fk";--> statement-breakpoint
ALTER TABLE "money_budget_lines" DROP CONSTRAINT "money_budget_lines_financial_year_id_fk";--> statement-breakpoint
ALTER TABLE "money_capital_reprofiles" DROP CONSTRAINT "money_capital_reprofiles_scheme_id_fk";--> statement-breakpoint
ALTER TABLE "money_capital_scheme_years" DROP CONSTRAINT "money_capital_scheme_years_scheme_id_fk";--> statement-breakpoint
ALTER TABLE "money_capital_schemes" DROP CONSTRAINT "money_capital_schemes_unit_id_fk";--> statement-breakpoint
ALTER TABLE "money_cost_centre_plan_links" DROP CONSTRAINT "money_cost_centre_plan_links_cost_centre_id_fk";--> statement-breakpoint
ALTER TABLE "money_cost_centre_plan_links" DROP CONSTRAINT "money_cost_centre_plan_links_plan_item_id_fk";--> statement-breakpoint
ALTER TABLE "money_cost_centres" DROP CONSTRAINT "money_cost_centres_unit_id_fk";--> statement-breakpoint
ALTER TABLE "money_mtfs_years" DROP CONSTRAINT "money_mtfs_years_version_id_fk";--> statement-breakpoint
ALTER TABLE "money_reserve_years" DROP CONSTRAINT "money_reserve_years_reserve_id_fk";--> statement-breakpoint
ALTER TABLE "money_saving_years" DROP CONSTRAINT "money_saving_years_saving_id_fk";--> statement-breakpoint
ALTER TABLE "money_savings" DROP CONSTRAINT "money_savings_action_id_fk";--> statement-breakpoint
ALTER TABLE "money_savings" DROP CONSTRAINT "money_savings_plan_item_id_fk";--> statement-breakpoint
ALTER TABLE "money_savings" DROP CONSTRAINT "money_savings_unit_id_fk";--> statement-breakpoint
ALTER TABLE "password_links" DROP CONSTRAINT "password_links_created_by_fk";--> statement-breakpoint
ALTER TABLE "password_links" DROP CONSTRAINT "password_links_person_id_fk";--> statement-breakpoint
ALTER TABLE "people" DROP CONSTRAINT "people_line_manager_id_fk";--> statement-breakpoint
ALTER TABLE "people" DROP CONSTRAINT "people_partner_id_fk";--> statement-breakpoint
ALTER TABLE "people" DROP CONSTRAINT "people_unit_id_fk";--> statement-breakpoint
ALTER TABLE "performance_settings" DROP CONSTRAINT "performance_settings_updated_by_fk";--> statement-breakpoint
ALTER TABLE "period_closures" DROP CONSTRAINT "period_closures_closed_by_fk";--> statement-breakpoint
ALTER TABLE "period_closures" DROP CONSTRAINT "period_closures_reopened_by_fk";--> statement-breakpoint
ALTER TABLE "period_locks" DROP CONSTRAINT "period_locks_locked_by_fk";--> statement-breakpoint
ALTER TABLE "period_locks" DROP CONSTRAINT "period_locks_measure_id_fk";--> statement-breakpoint
ALTER TABLE "period_locks" DROP CONSTRAINT "period_locks_reopened_by_fk";--> statement-breakpoint
ALTER TABLE "plan_events" DROP CONSTRAINT "plan_events_actor_person_id_fk";--> statement-breakpoint
ALTER TABLE "plan_events" DROP CONSTRAINT "plan_events_plan_id_fk";--> statement-breakpoint
ALTER TABLE "plan_item_partners" DROP CONSTRAINT "plan_item_partners_item_id_fk";--> statement-breakpoint
ALTER TABLE "plan_item_partners" DROP CONSTRAINT "plan_item_partners_partner_id_fk";--> statement-breakpoint
ALTER TABLE "plan_items" DROP CONSTRAINT "plan_items_item_type_id_fk";--> statement-breakpoint
ALTER TABLE "plan_items" DROP CONSTRAINT "plan_items_owner_person_id_fk";--> statement-breakpoint
ALTER TABLE "plan_items" DROP CONSTRAINT "plan_items_owner_unit_id_fk";--> statement-breakpoint
ALTER TABLE "plan_items" DROP CONSTRAINT "plan_items_parent_item_id_fk";--> statement-breakpoint
ALTER TABLE "plan_items" DROP CONSTRAINT "plan_items_plan_id_fk";--> statement-breakpoint
ALTER TABLE "plan_items" DROP CONSTRAINT "plan_items_previous_item_id_fk";--> statement-breakpoint
ALTER TABLE "plan_type_item_types" DROP CONSTRAINT "plan_type_item_types_item_type_id_fk";--> statement-breakpoint
ALTER TABLE "plan_type_item_types" DROP CONSTRAINT "plan_type_item_types_plan_type_id_fk";--> statement-breakpoint
ALTER TABLE "plan_type_parents" DROP CONSTRAINT "plan_type_parents_parent_plan_type_id_fk";--> statement-breakpoint
ALTER TABLE "plan_type_parents" DROP CONSTRAINT "plan_type_parents_plan_type_id_fk";--> statement-breakpoint
ALTER TABLE "plans" DROP CONSTRAINT "plans_owner_person_id_fk";--> statement-breakpoint
ALTER TABLE "plans" DROP CONSTRAINT "plans_owning_unit_id_fk";--> statement-breakpoint
ALTER TABLE "plans" DROP CONSTRAINT "plans_parent_plan_id_fk";--> statement-breakpoint
ALTER TABLE "plans" DROP CONSTRAINT "plans_plan_type_id_fk";--> statement-breakpoint
ALTER TABLE "plans" DROP CONSTRAINT "plans_previous_version_id_fk";--> statement-breakpoint
ALTER TABLE "portfolio_units" DROP CONSTRAINT "portfolio_units_portfolio_id_fk";--> statement-breakpoint
ALTER TABLE "portfolio_units" DROP CONSTRAINT "portfolio_units_unit_id_fk";--> statement-breakpoint
ALTER TABLE "portfolios" DROP CONSTRAINT "portfolios_holder_person_id_fk";--> statement-breakpoint
ALTER TABLE "programmes" DROP CONSTRAINT "programmes_manager_person_id_fk";--> statement-breakpoint
ALTER TABLE "programmes" DROP CONSTRAINT "programmes_sponsor_person_id_fk";--> statement-breakpoint
ALTER TABLE "programmes" DROP CONSTRAINT "programmes_unit_id_fk";--> statement-breakpoint
ALTER TABLE "project_items" DROP CONSTRAINT "project_items_item_id_fk";--> statement-breakpoint
ALTER TABLE "project_items" DROP CONSTRAINT "project_items_project_id_fk";--> statement-breakpoint
ALTER TABLE "project_milestones" DROP CONSTRAINT "project_milestones_project_id_fk";--> statement-breakpoint
ALTER TABLE "project_milestones" DROP CONSTRAINT "project_milestones_stage_id_fk";--> statement-breakpoint
ALTER TABLE "project_stages" DROP CONSTRAINT "project_stages_project_id_fk";--> statement-breakpoint
ALTER TABLE "project_updates" DROP CONSTRAINT "project_updates_author_person_id_fk";--> statement-breakpoint
ALTER TABLE "project_updates" DROP CONSTRAINT "project_updates_project_id_fk";--> statement-breakpoint
ALTER TABLE "projects" DROP CONSTRAINT "projects_board_id_fk";--> statement-breakpoint
ALTER TABLE "projects" DROP CONSTRAINT "projects_manager_person_id_fk";--> statement-breakpoint
ALTER TABLE "projects" DROP CONSTRAINT "projects_plan_id_fk";--> statement-breakpoint
ALTER TABLE "projects" DROP CONSTRAINT "projects_programme_id_fk";--> statement-breakpoint
ALTER TABLE "projects" DROP CONSTRAINT "projects_sponsor_person_id_fk";--> statement-breakpoint
ALTER TABLE "projects" DROP CONSTRAINT "projects_unit_id_fk";--> statement-breakpoint
ALTER TABLE "recommendation_due_date_revisions" DROP CONSTRAINT "recommendation_due_date_revisions_body_id_fk";--> statement-breakpoint
ALTER TABLE "recommendation_due_date_revisions" DROP CONSTRAINT "recommendation_due_date_revisions_recommendation_id_fk";--> statement-breakpoint
ALTER TABLE "recommendation_history" DROP CONSTRAINT "recommendation_history_recommendation_id_fk";--> statement-breakpoint
ALTER TABLE "recommendation_notifications" DROP CONSTRAINT "recommendation_notifications_person_id_fk";--> statement-breakpoint
ALTER TABLE "recommendation_notifications" DROP CONSTRAINT "recommendation_notifications_recommendation_id_fk";--> statement-breakpoint
ALTER TABLE "recommendations" DROP CONSTRAINT "recommendations_owner_person_id_fk";--> statement-breakpoint
ALTER TABLE "recommendations" DROP CONSTRAINT "recommendations_report_id_fk";--> statement-breakpoint
ALTER TABLE "recommendations" DROP CONSTRAINT "recommendations_unit_id_fk";--> statement-breakpoint
ALTER TABLE "recovery_codes" DROP CONSTRAINT "recovery_codes_person_id_fk";--> statement-breakpoint
ALTER TABLE "reminders_sent" DROP CONSTRAINT "reminders_sent_measure_id_fk";--> statement-breakpoint
ALTER TABLE "reminders_sent" DROP CONSTRAINT "reminders_sent_person_id_fk";--> statement-breakpoint
ALTER TABLE "report_files" DROP CONSTRAINT "report_files_report_id_fk";--> statement-breakpoint
ALTER TABLE "report_revisions" DROP CONSTRAINT "report_revisions_issued_by_person_id_fk";--> statement-breakpoint
ALTER TABLE "report_revisions" DROP CONSTRAINT "report_revisions_report_id_fk";--> statement-breakpoint
ALTER TABLE "report_settings" DROP CONSTRAINT "report_settings_updated_by_fk";--> statement-breakpoint
ALTER TABLE "risk_assessments" DROP CONSTRAINT "risk_assessments_assessed_by_fk";--> statement-breakpoint
ALTER TABLE "risk_assessments" DROP CONSTRAINT "risk_assessments_matrix_id_fk";--> statement-breakpoint
ALTER TABLE "risk_assessments" DROP CONSTRAINT "risk_assessments_risk_id_fk";--> statement-breakpoint
ALTER TABLE "risk_controls" DROP CONSTRAINT "risk_controls_owner_person_id_fk";--> statement-breakpoint
ALTER TABLE "risk_controls" DROP CONSTRAINT "risk_controls_risk_id_fk";--> statement-breakpoint
ALTER TABLE "risk_events" DROP CONSTRAINT "risk_events_by_person_id_fk";--> statement-breakpoint
ALTER TABLE "risk_events" DROP CONSTRAINT "risk_events_from_register_id_fk";--> statement-breakpoint
ALTER TABLE "risk_events" DROP CONSTRAINT "risk_events_risk_id_fk";--> statement-breakpoint
ALTER TABLE "risk_events" DROP CONSTRAINT "risk_events_to_register_id_fk";--> statement-breakpoint
ALTER TABLE "risk_links" DROP CONSTRAINT "risk_links_action_id_fk";--> statement-breakpoint
ALTER TABLE "risk_links" DROP CONSTRAINT "risk_links_item_id_fk";--> statement-breakpoint
ALTER TABLE "risk_links" DROP CONSTRAINT "risk_links_measure_id_fk";--> statement-breakpoint
ALTER TABLE "risk_links" DROP CONSTRAINT "risk_links_risk_id_fk";--> statement-breakpoint
ALTER TABLE "risk_matrices" DROP CONSTRAINT "risk_matrices_created_by_fk";--> statement-breakpoint
ALTER TABLE "risk_registers" DROP CONSTRAINT "risk_registers_owner_person_id_fk";--> statement-breakpoint
ALTER TABLE "risk_registers" DROP CONSTRAINT "risk_registers_unit_id_fk";--> statement-breakpoint
ALTER TABLE "risk_review_reminders" DROP CONSTRAINT "risk_review_reminders_risk_id_fk";--> statement-breakpoint
ALTER TABLE "risks" DROP CONSTRAINT "risks_owner_person_id_fk";--> statement-breakpoint
ALTER TABLE "risks" DROP CONSTRAINT "risks_register_id_fk";--> statement-breakpoint
ALTER TABLE "role_assignments" DROP CONSTRAINT "role_assignments_granted_by_fk";--> statement-breakpoint
ALTER TABLE "role_assignments" DROP CONSTRAINT "role_assignments_partner_id_fk";--> statement-breakpoint
ALTER TABLE "role_assignments" DROP CONSTRAINT "role_assignments_person_id_fk";--> statement-breakpoint
ALTER TABLE "role_assignments" DROP CONSTRAINT "role_assignments_unit_id_fk";--> statement-breakpoint
ALTER TABLE "second_factors" DROP CONSTRAINT "second_factors_person_id_fk";--> statement-breakpoint
ALTER TABLE "sessions" DROP CONSTRAINT "sessions_person_id_fk";--> statement-breakpoint
ALTER TABLE "single_sign_on_identities" DROP CONSTRAINT "single_sign_on_identities_person_id_fk";--> statement-breakpoint
ALTER TABLE "single_sign_on_mappings" DROP CONSTRAINT "single_sign_on_mappings_unit_id_fk";--> statement-breakpoint
ALTER TABLE "spc_rebases" DROP CONSTRAINT "spc_rebases_created_by_fk";--> statement-breakpoint
ALTER TABLE "spc_rebases" DROP CONSTRAINT "spc_rebases_measure_id_fk";--> statement-breakpoint
ALTER TABLE "statutory_returns" DROP CONSTRAINT "statutory_returns_owner_person_id_fk";--> statement-breakpoint
ALTER TABLE "timetable_reminders" DROP CONSTRAINT "timetable_reminders_meeting_id_fk";--> statement-breakpoint
ALTER TABLE "timetable_reminders" DROP CONSTRAINT "timetable_reminders_person_id_fk";--> statement-breakpoint
ALTER TABLE "units" DROP CONSTRAINT "units_parent_id_fk";--> statement-breakpoint
ALTER TABLE "partners" DROP CONSTRAINT "partners_organisation_id_id_key";--> statement-breakpoint
ALTER TABLE "people" DROP CONSTRAINT "people_organisation_id_id_key";--> statement-breakpoint
ALTER TABLE "portfolios" DROP CONSTRAINT "portfolios_organisation_id_id_key";--> statement-breakpoint
ALTER TABLE "units" DROP CONSTRAINT "units_organisation_id_id_key";--> statement-breakpoint
ALTER TABLE "governance_bodies" DROP CONSTRAINT "governance_bodies_organisation_id_id_key";--> statement-breakpoint
ALTER TABLE "item_types" DROP CONSTRAINT "item_types_organisation_id_id_key";--> statement-breakpoint
ALTER TABLE "plan_types" DROP CONSTRAINT "plan_types_organisation_id_id_key";--> statement-breakpoint
ALTER TABLE "plan_items" DROP CONSTRAINT "plan_items_organisation_id_id_key";--> statement-breakpoint
ALTER TABLE "plans" DROP CONSTRAINT "plans_organisation_id_id_key";--> statement-breakpoint
ALTER TABLE "measure_breakdowns" DROP CONSTRAINT "measure_breakdowns_organisation_id_id_key";--> statement-breakpoint
ALTER TABLE "measure_statuses" DROP CONSTRAINT "measure_statuses_key";--> statement-breakpoint
ALTER TABLE "measure_targets" DROP CONSTRAINT "measure_targets_organisation_id_id_key";--> statement-breakpoint
ALTER TABLE "measure_values" DROP CONSTRAINT "measure_values_organisation_id_id_key";--> statement-breakpoint
ALTER TABLE "measure_values" DROP CONSTRAINT "measure_values_key";--> statement-breakpoint
ALTER TABLE "measures" DROP CONSTRAINT "measures_organisation_id_id_key";--> statement-breakpoint
ALTER TABLE "recommendation_reports" DROP CONSTRAINT "recommendation_reports_organisation_id_id_key";--> statement-breakpoint
ALTER TABLE "recommendations" DROP CONSTRAINT "recommendations_organisation_id_id_key";--> statement-breakpoint
ALTER TABLE "money_cost_centres" DROP CONSTRAINT "money_cost_centres_organisation_id_id_key";--> statement-breakpoint
ALTER TABLE "money_financial_years" DROP CONSTRAINT "money_financial_years_organisation_id_id_key";--> statement-breakpoint
ALTER TABLE "money_capital_schemes" DROP CONSTRAINT "money_capital_schemes_organisation_id_id_key";--> statement-breakpoint
ALTER TABLE "money_mtfs_versions" DROP CONSTRAINT "money_mtfs_versions_organisation_id_id_key";--> statement-breakpoint
ALTER TABLE "money_reserves" DROP CONSTRAINT "money_reserves_organisation_id_id_key";--> statement-breakpoint
ALTER TABLE "money_savings" DROP CONSTRAINT "money_savings_organisation_id_id_key";--> statement-breakpoint
ALTER TABLE "improvement_plan_requests" DROP CONSTRAINT "improvement_plan_requests_organisation_id_id_key";--> statement-breakpoint
ALTER TABLE "improvement_plans" DROP CONSTRAINT "improvement_plans_organisation_id_id_key";--> statement-breakpoint
ALTER TABLE "programmes" DROP CONSTRAINT "programmes_organisation_id_id_key";--> statement-breakpoint
ALTER TABLE "project_stages" DROP CONSTRAINT "project_stages_organisation_id_id_key";--> statement-breakpoint
ALTER TABLE "projects" DROP CONSTRAINT "projects_organisation_id_id_key";--> statement-breakpoint
ALTER TABLE "actions" DROP CONSTRAINT "actions_organisation_id_id_key";--> statement-breakpoint
ALTER TABLE "risk_matrices" DROP CONSTRAINT "risk_matrices_organisation_id_id_key";--> statement-breakpoint
ALTER TABLE "risk_registers" DROP CONSTRAINT "risk_registers_organisation_id_id_key";--> statement-breakpoint
ALTER TABLE "risks" DROP CONSTRAINT "risks_organisation_id_id_key";--> statement-breakpoint
ALTER TABLE "issued_reports" DROP CONSTRAINT "issued_reports_organisation_id_id_key";--> statement-breakpoint
ALTER TABLE "issued_reports" DROP CONSTRAINT "issued_reports_key";--> statement-breakpoint
ALTER TABLE "report_definitions" DROP CONSTRAINT "report_definitions_organisation_id_id_key";--> statement-breakpoint
ALTER TABLE "report_files" DROP CONSTRAINT "report_files_key";--> statement-breakpoint
ALTER TABLE "report_revisions" DROP CONSTRAINT "report_revisions_key";--> statement-breakpoint
ALTER TABLE "agenda_items" DROP CONSTRAINT "agenda_items_organisation_id_id_key";--> statement-breakpoint
ALTER TABLE "meetings" DROP CONSTRAINT "meetings_organisation_id_id_key";--> statement-breakpoint
ALTER TABLE "single_sign_on_identities" DROP CONSTRAINT "single_sign_on_identities_person_id_unique";--> statement-breakpoint
DROP INDEX "api_tokens_hash_key";--> statement-breakpoint
DROP INDEX "password_links_hash_key";--> statement-breakpoint
DROP INDEX "sessions_id_key";--> statement-breakpoint
DROP INDEX "approval_steps_type_position";--> statement-breakpoint
DROP INDEX "contribution_links_pair_key";--> statement-breakpoint
DROP INDEX "plan_items_plan_code_key";--> statement-breakpoint
DROP INDEX "plans_lineage_version_key";--> statement-breakpoint
DROP INDEX "measure_breakdowns_key";--> statement-breakpoint
DROP INDEX "measure_targets_current_key";--> statement-breakpoint
DROP INDEX "reminders_sent_key";--> statement-breakpoint
DROP INDEX "spc_rebases_key";--> statement-breakpoint
DROP INDEX "recommendation_notifications_once_key";--> statement-breakpoint
DROP INDEX "money_budget_lines_period_key";--> statement-breakpoint
DROP INDEX "money_capital_scheme_years_key";--> statement-breakpoint
DROP INDEX "money_cost_centre_plan_links_key";--> statement-breakpoint
DROP INDEX "money_mtfs_years_key";--> statement-breakpoint
DROP INDEX "money_reserve_years_key";--> statement-breakpoint
DROP INDEX "money_saving_years_key";--> statement-breakpoint
DROP INDEX "project_stages_position_key";--> statement-breakpoint
DROP INDEX "action_escalations_open_key";--> statement-breakpoint
ALTER TABLE "portfolio_units" DROP CONSTRAINT "portfolio_units_portfolio_id_unit_id_pk";--> statement-breakpoint
ALTER TABLE "governance_body_members" DROP CONSTRAINT "governance_body_members_body_id_person_id_pk";--> statement-breakpoint
ALTER TABLE "plan_type_item_types" DROP CONSTRAINT "plan_type_item_types_plan_type_id_item_type_id_pk";--> statement-breakpoint
ALTER TABLE "plan_type_parents" DROP CONSTRAINT "plan_type_parents_plan_type_id_parent_plan_type_id_pk";--> statement-breakpoint
ALTER TABLE "plan_item_partners" DROP CONSTRAINT "plan_item_partners_item_id_partner_id_pk";--> statement-breakpoint
ALTER TABLE "measure_assignees" DROP CONSTRAINT "measure_assignees_measure_id_person_id_pk";--> statement-breakpoint
ALTER TABLE "measure_item_links" DROP CONSTRAINT "measure_item_links_measure_id_item_id_pk";--> statement-breakpoint
ALTER TABLE "project_items" DROP CONSTRAINT "project_items_project_id_item_id_pk";--> statement-breakpoint
ALTER TABLE "action_assignees" DROP CONSTRAINT "action_assignees_action_id_person_id_pk";--> statement-breakpoint
ALTER TABLE "action_item_links" DROP CONSTRAINT "action_item_links_action_id_item_id_pk";--> statement-breakpoint
ALTER TABLE "action_measure_links" DROP CONSTRAINT "action_measure_links_action_id_measure_id_pk";--> statement-breakpoint
ALTER TABLE "risk_review_reminders" DROP CONSTRAINT "risk_review_reminders_risk_id_review_due_on_pk";--> statement-breakpoint
ALTER TABLE "timetable_reminders" DROP CONSTRAINT "timetable_reminders_meeting_id_kind_person_id_pk";--> statement-breakpoint
ALTER TABLE "audit_events" DROP CONSTRAINT "audit_events_pkey";--> statement-breakpoint
ALTER TABLE "background_jobs" DROP CONSTRAINT "background_jobs_pkey";--> statement-breakpoint
ALTER TABLE "partners" DROP CONSTRAINT "partners_pkey";--> statement-breakpoint
ALTER TABLE "people" DROP CONSTRAINT "people_pkey";--> statement-breakpoint
ALTER TABLE "portfolios" DROP CONSTRAINT "portfolios_pkey";--> statement-breakpoint
ALTER TABLE "units" DROP CONSTRAINT "units_pkey";--> statement-breakpoint
ALTER TABLE "governance_bodies" DROP CONSTRAINT "governance_bodies_pkey";--> statement-breakpoint
ALTER TABLE "api_tokens" DROP CONSTRAINT "api_tokens_pkey";--> statement-breakpoint
ALTER TABLE "password_links" DROP CONSTRAINT "password_links_pkey";--> statement-breakpoint
ALTER TABLE "role_assignments" DROP CONSTRAINT "role_assignments_pkey";--> statement-breakpoint
ALTER TABLE "sessions" DROP CONSTRAINT "sessions_pkey";--> statement-breakpoint
ALTER TABLE "recovery_codes" DROP CONSTRAINT "recovery_codes_pkey";--> statement-breakpoint
ALTER TABLE "second_factors" DROP CONSTRAINT "second_factors_pkey";--> statement-breakpoint
ALTER TABLE "approval_steps" DROP CONSTRAINT "approval_steps_pkey";--> statement-breakpoint
ALTER TABLE "item_types" DROP CONSTRAINT "item_types_pkey";--> statement-breakpoint
ALTER TABLE "plan_types" DROP CONSTRAINT "plan_types_pkey";--> statement-breakpoint
ALTER TABLE "contribution_links" DROP CONSTRAINT "contribution_links_pkey";--> statement-breakpoint
ALTER TABLE "plan_events" DROP CONSTRAINT "plan_events_pkey";--> statement-breakpoint
ALTER TABLE "plan_items" DROP CONSTRAINT "plan_items_pkey";--> statement-breakpoint
ALTER TABLE "plans" DROP CONSTRAINT "plans_pkey";--> statement-breakpoint
ALTER TABLE "measure_breakdowns" DROP CONSTRAINT "measure_breakdowns_pkey";--> statement-breakpoint
ALTER TABLE "measure_statuses" DROP CONSTRAINT "measure_statuses_pkey";--> statement-breakpoint
ALTER TABLE "measure_targets" DROP CONSTRAINT "measure_targets_pkey";--> statement-breakpoint
ALTER TABLE "measure_value_events" DROP CONSTRAINT "measure_value_events_pkey";--> statement-breakpoint
ALTER TABLE "measure_values" DROP CONSTRAINT "measure_values_pkey";--> statement-breakpoint
ALTER TABLE "measures" DROP CONSTRAINT "measures_pkey";--> statement-breakpoint
ALTER TABLE "period_locks" DROP CONSTRAINT "period_locks_pkey";--> statement-breakpoint
ALTER TABLE "reminders_sent" DROP CONSTRAINT "reminders_sent_pkey";--> statement-breakpoint
ALTER TABLE "spc_rebases" DROP CONSTRAINT "spc_rebases_pkey";--> statement-breakpoint
ALTER TABLE "forecast_choices" DROP CONSTRAINT "forecast_choices_pkey";--> statement-breakpoint
ALTER TABLE "measure_series" DROP CONSTRAINT "measure_series_pkey";--> statement-breakpoint
ALTER TABLE "period_closures" DROP CONSTRAINT "period_closures_pkey";--> statement-breakpoint
ALTER TABLE "recommendation_due_date_revisions" DROP CONSTRAINT "recommendation_due_date_revisions_pkey";--> statement-breakpoint
ALTER TABLE "recommendation_history" DROP CONSTRAINT "recommendation_history_pkey";--> statement-breakpoint
ALTER TABLE "recommendation_notifications" DROP CONSTRAINT "recommendation_notifications_pkey";--> statement-breakpoint
ALTER TABLE "recommendation_reports" DROP CONSTRAINT "recommendation_reports_pkey";--> statement-breakpoint
ALTER TABLE "recommendations" DROP CONSTRAINT "recommendations_pkey";--> statement-breakpoint
ALTER TABLE "money_budget_lines" DROP CONSTRAINT "money_budget_lines_pkey";--> statement-breakpoint
ALTER TABLE "money_cost_centres" DROP CONSTRAINT "money_cost_centres_pkey";--> statement-breakpoint
ALTER TABLE "money_financial_years" DROP CONSTRAINT "money_financial_years_pkey";--> statement-breakpoint
ALTER TABLE "money_borrowing_years" DROP CONSTRAINT "money_borrowing_years_pkey";--> statement-breakpoint
ALTER TABLE "money_capital_reprofiles" DROP CONSTRAINT "money_capital_reprofiles_pkey";--> statement-breakpoint
ALTER TABLE "money_capital_scheme_years" DROP CONSTRAINT "money_capital_scheme_years_pkey";--> statement-breakpoint
ALTER TABLE "money_capital_schemes" DROP CONSTRAINT "money_capital_schemes_pkey";--> statement-breakpoint
ALTER TABLE "money_cost_centre_plan_links" DROP CONSTRAINT "money_cost_centre_plan_links_pkey";--> statement-breakpoint
ALTER TABLE "money_mtfs_versions" DROP CONSTRAINT "money_mtfs_versions_pkey";--> statement-breakpoint
ALTER TABLE "money_mtfs_years" DROP CONSTRAINT "money_mtfs_years_pkey";--> statement-breakpoint
ALTER TABLE "money_reserve_years" DROP CONSTRAINT "money_reserve_years_pkey";--> statement-breakpoint
ALTER TABLE "money_reserves" DROP CONSTRAINT "money_reserves_pkey";--> statement-breakpoint
ALTER TABLE "money_saving_years" DROP CONSTRAINT "money_saving_years_pkey";--> statement-breakpoint
ALTER TABLE "money_savings" DROP CONSTRAINT "money_savings_pkey";--> statement-breakpoint
ALTER TABLE "improvement_plan_decisions" DROP CONSTRAINT "improvement_plan_decisions_pkey";--> statement-breakpoint
ALTER TABLE "improvement_plan_events" DROP CONSTRAINT "improvement_plan_events_pkey";--> statement-breakpoint
ALTER TABLE "improvement_plan_requests" DROP CONSTRAINT "improvement_plan_requests_pkey";--> statement-breakpoint
ALTER TABLE "improvement_plans" DROP CONSTRAINT "improvement_plans_pkey";--> statement-breakpoint
ALTER TABLE "programmes" DROP CONSTRAINT "programmes_pkey";--> statement-breakpoint
ALTER TABLE "project_milestones" DROP CONSTRAINT "project_milestones_pkey";--> statement-breakpoint
ALTER TABLE "project_stages" DROP CONSTRAINT "project_stages_pkey";--> statement-breakpoint
ALTER TABLE "project_updates" DROP CONSTRAINT "project_updates_pkey";--> statement-breakpoint
ALTER TABLE "projects" DROP CONSTRAINT "projects_pkey";--> statement-breakpoint
ALTER TABLE "action_escalations" DROP CONSTRAINT "action_escalations_pkey";--> statement-breakpoint
ALTER TABLE "action_events" DROP CONSTRAINT "action_events_pkey";--> statement-breakpoint
ALTER TABLE "action_milestones" DROP CONSTRAINT "action_milestones_pkey";--> statement-breakpoint
ALTER TABLE "action_updates" DROP CONSTRAINT "action_updates_pkey";--> statement-breakpoint
ALTER TABLE "actions" DROP CONSTRAINT "actions_pkey";--> statement-breakpoint
ALTER TABLE "risk_assessments" DROP CONSTRAINT "risk_assessments_pkey";--> statement-breakpoint
ALTER TABLE "risk_controls" DROP CONSTRAINT "risk_controls_pkey";--> statement-breakpoint
ALTER TABLE "risk_events" DROP CONSTRAINT "risk_events_pkey";--> statement-breakpoint
ALTER TABLE "risk_links" DROP CONSTRAINT "risk_links_pkey";--> statement-breakpoint
ALTER TABLE "risk_matrices" DROP CONSTRAINT "risk_matrices_pkey";--> statement-breakpoint
ALTER TABLE "risk_registers" DROP CONSTRAINT "risk_registers_pkey";--> statement-breakpoint
ALTER TABLE "risks" DROP CONSTRAINT "risks_pkey";--> statement-breakpoint
ALTER TABLE "issued_reports" DROP CONSTRAINT "issued_reports_pkey";--> statement-breakpoint
ALTER TABLE "report_definitions" DROP CONSTRAINT "report_definitions_pkey";--> statement-breakpoint
ALTER TABLE "report_files" DROP CONSTRAINT "report_files_pkey";--> statement-breakpoint
ALTER TABLE "report_revisions" DROP CONSTRAINT "report_revisions_pkey";--> statement-breakpoint
ALTER TABLE "agenda_item_papers" DROP CONSTRAINT "agenda_item_papers_pkey";--> statement-breakpoint
ALTER TABLE "agenda_items" DROP CONSTRAINT "agenda_items_pkey";--> statement-breakpoint
ALTER TABLE "meetings" DROP CONSTRAINT "meetings_pkey";--> statement-breakpoint
ALTER TABLE "member_requests" DROP CONSTRAINT "member_requests_pkey";--> statement-breakpoint
ALTER TABLE "statutory_returns" DROP CONSTRAINT "statutory_returns_pkey";--> statement-breakpoint
ALTER TABLE "single_sign_on_identities" DROP CONSTRAINT "single_sign_on_identities_pkey";--> statement-breakpoint
ALTER TABLE "single_sign_on_mappings" DROP CONSTRAINT "single_sign_on_mappings_pkey";--> statement-breakpoint
ALTER TABLE "single_sign_on_providers" DROP CONSTRAINT "single_sign_on_providers_pkey";--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "background_jobs" ADD CONSTRAINT "background_jobs_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "partners" ADD CONSTRAINT "partners_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "portfolio_units" ADD CONSTRAINT "portfolio_units_portfolio_id_unit_id_organisation_id_pk" PRIMARY KEY("portfolio_id","unit_id","organisation_id");--> statement-breakpoint
ALTER TABLE "portfolios" ADD CONSTRAINT "portfolios_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "governance_bodies" ADD CONSTRAINT "governance_bodies_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "governance_body_members" ADD CONSTRAINT "governance_body_members_body_id_person_id_organisation_id_pk" PRIMARY KEY("body_id","person_id","organisation_id");--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "password_links" ADD CONSTRAINT "password_links_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_token_hash_organisation_id_pk" PRIMARY KEY("token_hash","organisation_id");--> statement-breakpoint
ALTER TABLE "recovery_codes" ADD CONSTRAINT "recovery_codes_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "second_factors" ADD CONSTRAINT "second_factors_person_id_organisation_id_pk" PRIMARY KEY("person_id","organisation_id");--> statement-breakpoint
ALTER TABLE "approval_steps" ADD CONSTRAINT "approval_steps_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "item_types" ADD CONSTRAINT "item_types_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "plan_type_item_types" ADD CONSTRAINT "plan_type_item_types_pkey" PRIMARY KEY("plan_type_id","item_type_id","organisation_id");--> statement-breakpoint
ALTER TABLE "plan_type_parents" ADD CONSTRAINT "plan_type_parents_pkey" PRIMARY KEY("plan_type_id","parent_plan_type_id","organisation_id");--> statement-breakpoint
ALTER TABLE "plan_types" ADD CONSTRAINT "plan_types_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "contribution_links" ADD CONSTRAINT "contribution_links_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "plan_events" ADD CONSTRAINT "plan_events_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "plan_item_partners" ADD CONSTRAINT "plan_item_partners_item_id_partner_id_organisation_id_pk" PRIMARY KEY("item_id","partner_id","organisation_id");--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "measure_assignees" ADD CONSTRAINT "measure_assignees_measure_id_person_id_organisation_id_pk" PRIMARY KEY("measure_id","person_id","organisation_id");--> statement-breakpoint
ALTER TABLE "measure_breakdowns" ADD CONSTRAINT "measure_breakdowns_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "measure_item_links" ADD CONSTRAINT "measure_item_links_measure_id_item_id_organisation_id_pk" PRIMARY KEY("measure_id","item_id","organisation_id");--> statement-breakpoint
ALTER TABLE "measure_statuses" ADD CONSTRAINT "measure_statuses_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "measure_targets" ADD CONSTRAINT "measure_targets_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "measure_value_events" ADD CONSTRAINT "measure_value_events_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "measure_values" ADD CONSTRAINT "measure_values_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "period_locks" ADD CONSTRAINT "period_locks_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "reminders_sent" ADD CONSTRAINT "reminders_sent_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "spc_rebases" ADD CONSTRAINT "spc_rebases_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "forecast_choices" ADD CONSTRAINT "forecast_choices_measure_id_organisation_id_pk" PRIMARY KEY("measure_id","organisation_id");--> statement-breakpoint
ALTER TABLE "measure_series" ADD CONSTRAINT "measure_series_measure_id_organisation_id_pk" PRIMARY KEY("measure_id","organisation_id");--> statement-breakpoint
ALTER TABLE "period_closures" ADD CONSTRAINT "period_closures_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "recommendation_due_date_revisions" ADD CONSTRAINT "recommendation_due_date_revisions_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "recommendation_history" ADD CONSTRAINT "recommendation_history_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "recommendation_notifications" ADD CONSTRAINT "recommendation_notifications_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "recommendation_reports" ADD CONSTRAINT "recommendation_reports_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "money_budget_lines" ADD CONSTRAINT "money_budget_lines_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "money_cost_centres" ADD CONSTRAINT "money_cost_centres_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "money_financial_years" ADD CONSTRAINT "money_financial_years_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "money_borrowing_years" ADD CONSTRAINT "money_borrowing_years_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "money_capital_reprofiles" ADD CONSTRAINT "money_capital_reprofiles_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "money_capital_scheme_years" ADD CONSTRAINT "money_capital_scheme_years_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "money_capital_schemes" ADD CONSTRAINT "money_capital_schemes_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "money_cost_centre_plan_links" ADD CONSTRAINT "money_cost_centre_plan_links_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "money_mtfs_versions" ADD CONSTRAINT "money_mtfs_versions_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "money_mtfs_years" ADD CONSTRAINT "money_mtfs_years_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "money_reserve_years" ADD CONSTRAINT "money_reserve_years_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "money_reserves" ADD CONSTRAINT "money_reserves_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "money_saving_years" ADD CONSTRAINT "money_saving_years_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "money_savings" ADD CONSTRAINT "money_savings_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "improvement_plan_decisions" ADD CONSTRAINT "improvement_plan_decisions_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "improvement_plan_events" ADD CONSTRAINT "improvement_plan_events_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "improvement_plan_requests" ADD CONSTRAINT "improvement_plan_requests_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "improvement_plans" ADD CONSTRAINT "improvement_plans_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "project_items" ADD CONSTRAINT "project_items_project_id_item_id_organisation_id_pk" PRIMARY KEY("project_id","item_id","organisation_id");--> statement-breakpoint
ALTER TABLE "project_milestones" ADD CONSTRAINT "project_milestones_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "project_stages" ADD CONSTRAINT "project_stages_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "project_updates" ADD CONSTRAINT "project_updates_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "action_assignees" ADD CONSTRAINT "action_assignees_action_id_person_id_organisation_id_pk" PRIMARY KEY("action_id","person_id","organisation_id");--> statement-breakpoint
ALTER TABLE "action_escalations" ADD CONSTRAINT "action_escalations_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "action_events" ADD CONSTRAINT "action_events_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "action_item_links" ADD CONSTRAINT "action_item_links_action_id_item_id_organisation_id_pk" PRIMARY KEY("action_id","item_id","organisation_id");--> statement-breakpoint
ALTER TABLE "action_measure_links" ADD CONSTRAINT "action_measure_links_action_id_measure_id_organisation_id_pk" PRIMARY KEY("action_id","measure_id","organisation_id");--> statement-breakpoint
ALTER TABLE "action_milestones" ADD CONSTRAINT "action_milestones_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "action_updates" ADD CONSTRAINT "action_updates_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "risk_assessments" ADD CONSTRAINT "risk_assessments_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "risk_controls" ADD CONSTRAINT "risk_controls_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "risk_events" ADD CONSTRAINT "risk_events_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "risk_links" ADD CONSTRAINT "risk_links_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "risk_matrices" ADD CONSTRAINT "risk_matrices_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "risk_registers" ADD CONSTRAINT "risk_registers_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "risk_review_reminders" ADD CONSTRAINT "risk_review_reminders_risk_id_review_due_on_organisation_id_pk" PRIMARY KEY("risk_id","review_due_on","organisation_id");--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "issued_reports" ADD CONSTRAINT "issued_reports_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "report_definitions" ADD CONSTRAINT "report_definitions_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "report_files" ADD CONSTRAINT "report_files_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "report_revisions" ADD CONSTRAINT "report_revisions_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "agenda_item_papers" ADD CONSTRAINT "agenda_item_papers_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "member_requests" ADD CONSTRAINT "member_requests_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "statutory_returns" ADD CONSTRAINT "statutory_returns_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "timetable_reminders" ADD CONSTRAINT "timetable_reminders_pkey" PRIMARY KEY("meeting_id","kind","person_id","organisation_id");--> statement-breakpoint
ALTER TABLE "single_sign_on_identities" ADD CONSTRAINT "single_sign_on_identities_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "single_sign_on_mappings" ADD CONSTRAINT "single_sign_on_mappings_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
ALTER TABLE "single_sign_on_providers" ADD CONSTRAINT "single_sign_on_providers_id_organisation_id_pk" PRIMARY KEY("id","organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "api_tokens_hash_key" ON "api_tokens" USING btree ("token_hash","organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "password_links_hash_key" ON "password_links" USING btree ("token_hash","organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sessions_id_key" ON "sessions" USING btree ("id","organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "approval_steps_type_position" ON "approval_steps" USING btree ("plan_type_id","position","organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "contribution_links_pair_key" ON "contribution_links" USING btree ("from_item_id","to_item_id","organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_items_plan_code_key" ON "plan_items" USING btree ("plan_id",lower("code"),"organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plans_lineage_version_key" ON "plans" USING btree ("lineage_id","version","organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "measure_breakdowns_key" ON "measure_breakdowns" USING btree ("measure_id",lower("dimension"),lower("code"),"organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "measure_targets_current_key" ON "measure_targets" USING btree ("measure_id",coalesce("breakdown_id", '00000000-0000-0000-0000-000000000000'::uuid),"kind","financial_year",coalesce("period_key", ''),"organisation_id") WHERE "measure_targets"."superseded_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "reminders_sent_key" ON "reminders_sent" USING btree ("measure_id","period_key","person_id","kind","organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "spc_rebases_key" ON "spc_rebases" USING btree ("measure_id","period_key","organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "recommendation_notifications_once_key" ON "recommendation_notifications" USING btree ("recommendation_id","kind","due_date","organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "money_budget_lines_period_key" ON "money_budget_lines" USING btree ("cost_centre_id","financial_year_id","month","organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "money_capital_scheme_years_key" ON "money_capital_scheme_years" USING btree ("scheme_id","start_year","organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "money_cost_centre_plan_links_key" ON "money_cost_centre_plan_links" USING btree ("cost_centre_id","plan_item_id","organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "money_mtfs_years_key" ON "money_mtfs_years" USING btree ("version_id","start_year","organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "money_reserve_years_key" ON "money_reserve_years" USING btree ("reserve_id","start_year","organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "money_saving_years_key" ON "money_saving_years" USING btree ("saving_id","start_year","organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "project_stages_position_key" ON "project_stages" USING btree ("project_id","position","organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "action_escalations_open_key" ON "action_escalations" USING btree ("action_id","organisation_id") WHERE "action_escalations"."decision" is null;--> statement-breakpoint
ALTER TABLE "measure_statuses" ADD CONSTRAINT "measure_statuses_key" UNIQUE NULLS NOT DISTINCT("measure_id","period_key","breakdown_id","organisation_id");--> statement-breakpoint
ALTER TABLE "measure_values" ADD CONSTRAINT "measure_values_key" UNIQUE NULLS NOT DISTINCT("measure_id","period_key","breakdown_id","organisation_id");--> statement-breakpoint
ALTER TABLE "issued_reports" ADD CONSTRAINT "issued_reports_key" UNIQUE("definition_id","period_key","organisation_id");--> statement-breakpoint
ALTER TABLE "report_files" ADD CONSTRAINT "report_files_key" UNIQUE("report_id","revision","format","organisation_id");--> statement-breakpoint
ALTER TABLE "report_revisions" ADD CONSTRAINT "report_revisions_key" UNIQUE("report_id","revision","organisation_id");--> statement-breakpoint
ALTER TABLE "single_sign_on_identities" ADD CONSTRAINT "single_sign_on_identities_person_id_unique" UNIQUE("person_id","organisation_id");--> statement-breakpoint
ALTER TABLE "action_assignees" ADD CONSTRAINT "action_assignees_action_id_fk" FOREIGN KEY ("organisation_id","action_id") REFERENCES "public"."actions"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_assignees" ADD CONSTRAINT "action_assignees_person_id_fk" FOREIGN KEY ("organisation_id","person_id") REFERENCES "public"."people"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_escalations" ADD CONSTRAINT "action_escalations_action_id_fk" FOREIGN KEY ("organisation_id","action_id") REFERENCES "public"."actions"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_escalations" ADD CONSTRAINT "action_escalations_decided_by_person_id_fk" FOREIGN KEY ("organisation_id","decided_by_person_id") REFERENCES "public"."people"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_escalations" ADD CONSTRAINT "action_escalations_escalation_owner_person_id_fk" FOREIGN KEY ("organisation_id","escalation_owner_person_id") REFERENCES "public"."people"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_events" ADD CONSTRAINT "action_events_action_id_fk" FOREIGN KEY ("organisation_id","action_id") REFERENCES "public"."actions"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_events" ADD CONSTRAINT "action_events_by_person_id_fk" FOREIGN KEY ("organisation_id","by_person_id") REFERENCES "public"."people"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_item_links" ADD CONSTRAINT "action_item_links_action_id_fk" FOREIGN KEY ("organisation_id","action_id") REFERENCES "public"."actions"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_item_links" ADD CONSTRAINT "action_item_links_item_id_fk" FOREIGN KEY ("organisation_id","item_id") REFERENCES "public"."plan_items"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_measure_links" ADD CONSTRAINT "action_measure_links_action_id_fk" FOREIGN KEY ("organisation_id","action_id") REFERENCES "public"."actions"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_measure_links" ADD CONSTRAINT "action_measure_links_measure_id_fk" FOREIGN KEY ("organisation_id","measure_id") REFERENCES "public"."measures"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_milestones" ADD CONSTRAINT "action_milestones_action_id_fk" FOREIGN KEY ("organisation_id","action_id") REFERENCES "public"."actions"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_updates" ADD CONSTRAINT "action_updates_action_id_fk" FOREIGN KEY ("organisation_id","action_id") REFERENCES "public"."actions"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_updates" ADD CONSTRAINT "action_updates_by_person_id_fk" FOREIGN KEY ("organisation_id","by_person_id") REFERENCES "public"."people"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_escalation_owner_person_id_fk" FOREIGN KEY ("organisation_id","escalation_owner_person_id") REFERENCES "public"."people"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_owner_person_id_fk" FOREIGN KEY ("organisation_id","owner_person_id") REFERENCES "public"."people"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_plan_id_fk" FOREIGN KEY ("organisation_id","plan_id") REFERENCES "public"."plans"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_item_papers" ADD CONSTRAINT "agenda_item_papers_agenda_item_id_fk" FOREIGN KEY ("organisation_id","agenda_item_id") REFERENCES "public"."agenda_items"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_item_papers" ADD CONSTRAINT "agenda_item_papers_uploaded_by_person_id_fk" FOREIGN KEY ("organisation_id","uploaded_by_person_id") REFERENCES "public"."people"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_decided_by_person_id_fk" FOREIGN KEY ("organisation_id","decided_by_person_id") REFERENCES "public"."people"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_lead_officer_person_id_fk" FOREIGN KEY ("organisation_id","lead_officer_person_id") REFERENCES "public"."people"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_meeting_id_fk" FOREIGN KEY ("organisation_id","meeting_id") REFERENCES "public"."meetings"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_referred_from_item_id_fk" FOREIGN KEY ("organisation_id","referred_from_item_id") REFERENCES "public"."agenda_items"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_person_id_fk" FOREIGN KEY ("organisation_id","person_id") REFERENCES "public"."people"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_steps" ADD CONSTRAINT "approval_steps_body_id_fk" FOREIGN KEY ("organisation_id","body_id") REFERENCES "public"."governance_bodies"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_steps" ADD CONSTRAINT "approval_steps_plan_type_id_fk" FOREIGN KEY ("organisation_id","plan_type_id") REFERENCES "public"."plan_types"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collection_rules" ADD CONSTRAINT "collection_rules_approve_body_id_fk" FOREIGN KEY ("organisation_id","approve_body_id") REFERENCES "public"."governance_bodies"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collection_rules" ADD CONSTRAINT "collection_rules_updated_by_fk" FOREIGN KEY ("organisation_id","updated_by") REFERENCES "public"."people"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collection_rules" ADD CONSTRAINT "collection_rules_verify_body_id_fk" FOREIGN KEY ("organisation_id","verify_body_id") REFERENCES "public"."governance_bodies"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contribution_links" ADD CONSTRAINT "contribution_links_from_item_id_fk" FOREIGN KEY ("organisation_id","from_item_id") REFERENCES "public"."plan_items"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contribution_links" ADD CONSTRAINT "contribution_links_to_item_id_fk" FOREIGN KEY ("organisation_id","to_item_id") REFERENCES "public"."plan_items"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_settings" ADD CONSTRAINT "delivery_settings_updated_by_fk" FOREIGN KEY ("organisation_id","updated_by") REFERENCES "public"."people"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forecast_choices" ADD CONSTRAINT "forecast_choices_measure_id_fk" FOREIGN KEY ("organisation_id","measure_id") REFERENCES "public"."measures"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_body_members" ADD CONSTRAINT "governance_body_members_body_id_fk" FOREIGN KEY ("organisation_id","body_id") REFERENCES "public"."governance_bodies"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_body_members" ADD CONSTRAINT "governance_body_members_person_id_fk" FOREIGN KEY ("organisation_id","person_id") REFERENCES "public"."people"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_plan_decisions" ADD CONSTRAINT "improvement_plan_decisions_body_id_fk" FOREIGN KEY ("organisation_id","body_id") REFERENCES "public"."governance_bodies"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_plan_decisions" ADD CONSTRAINT "improvement_plan_decisions_plan_id_fk" FOREIGN KEY ("organisation_id","plan_id") REFERENCES "public"."improvement_plans"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_plan_decisions" ADD CONSTRAINT "improvement_plan_decisions_recorded_by_person_id_fk" FOREIGN KEY ("organisation_id","recorded_by_person_id") REFERENCES "public"."people"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_plan_events" ADD CONSTRAINT "improvement_plan_events_person_id_fk" FOREIGN KEY ("organisation_id","person_id") REFERENCES "public"."people"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_plan_events" ADD CONSTRAINT "improvement_plan_events_plan_id_fk" FOREIGN KEY ("organisation_id","plan_id") REFERENCES "public"."improvement_plans"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_plan_requests" ADD CONSTRAINT "improvement_plan_requests_measure_id_fk" FOREIGN KEY ("organisation_id","measure_id") REFERENCES "public"."measures"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_plan_requests" ADD CONSTRAINT "improvement_plan_requests_owner_person_id_fk" FOREIGN KEY ("organisation_id","owner_person_id") REFERENCES "public"."people"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_plan_settings" ADD CONSTRAINT "improvement_plan_settings_panel_body_id_fk" FOREIGN KEY ("organisation_id","panel_body_id") REFERENCES "public"."governance_bodies"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_plans" ADD CONSTRAINT "improvement_plans_measure_id_fk" FOREIGN KEY ("organisation_id","measure_id") REFERENCES "public"."measures"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_plans" ADD CONSTRAINT "improvement_plans_owner_person_id_fk" FOREIGN KEY ("organisation_id","owner_person_id") REFERENCES "public"."people"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_plans" ADD CONSTRAINT "improvement_plans_request_id_fk" FOREIGN KEY ("organisation_id","request_id") REFERENCES "public"."improvement_plan_requests"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "issued_reports" ADD CONSTRAINT "issued_reports_definition_id_fk" FOREIGN KEY ("organisation_id","definition_id") REFERENCES "public"."report_definitions"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_assignees" ADD CONSTRAINT "measure_assignees_added_by_fk" FOREIGN KEY ("organisation_id","added_by") REFERENCES "public"."people"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_assignees" ADD CONSTRAINT "measure_assignees_measure_id_fk" FOREIGN KEY ("organisation_id","measure_id") REFERENCES "public"."measures"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_assignees" ADD CONSTRAINT "measure_assignees_person_id_fk" FOREIGN KEY ("organisation_id","person_id") REFERENCES "public"."people"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_breakdowns" ADD CONSTRAINT "measure_breakdowns_measure_id_fk" FOREIGN KEY ("organisation_id","measure_id") REFERENCES "public"."measures"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_item_links" ADD CONSTRAINT "measure_item_links_added_by_fk" FOREIGN KEY ("organisation_id","added_by") REFERENCES "public"."people"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_item_links" ADD CONSTRAINT "measure_item_links_item_id_fk" FOREIGN KEY ("organisation_id","item_id") REFERENCES "public"."plan_items"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_item_links" ADD CONSTRAINT "measure_item_links_measure_id_fk" FOREIGN KEY ("organisation_id","measure_id") REFERENCES "public"."measures"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_series" ADD CONSTRAINT "measure_series_measure_id_fk" FOREIGN KEY ("organisation_id","measure_id") REFERENCES "public"."measures"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_statuses" ADD CONSTRAINT "measure_statuses_breakdown_id_fk" FOREIGN KEY ("organisation_id","breakdown_id") REFERENCES "public"."measure_breakdowns"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_statuses" ADD CONSTRAINT "measure_statuses_measure_id_fk" FOREIGN KEY ("organisation_id","measure_id") REFERENCES "public"."measures"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_targets" ADD CONSTRAINT "measure_targets_breakdown_id_fk" FOREIGN KEY ("organisation_id","breakdown_id") REFERENCES "public"."measure_breakdowns"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_targets" ADD CONSTRAINT "measure_targets_measure_id_fk" FOREIGN KEY ("organisation_id","measure_id") REFERENCES "public"."measures"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_targets" ADD CONSTRAINT "measure_targets_set_by_fk" FOREIGN KEY ("organisation_id","set_by") REFERENCES "public"."people"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_targets" ADD CONSTRAINT "measure_targets_superseded_by_fk" FOREIGN KEY ("organisation_id","superseded_by") REFERENCES "public"."measure_targets"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_value_events" ADD CONSTRAINT "measure_value_events_actor_person_id_fk" FOREIGN KEY ("organisation_id","actor_person_id") REFERENCES "public"."people"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_value_events" ADD CONSTRAINT "measure_value_events_measure_id_fk" FOREIGN KEY ("organisation_id","measure_id") REFERENCES "public"."measures"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_value_events" ADD CONSTRAINT "measure_value_events_value_id_fk" FOREIGN KEY ("organisation_id","value_id") REFERENCES "public"."measure_values"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_values" ADD CONSTRAINT "measure_values_breakdown_id_fk" FOREIGN KEY ("organisation_id","breakdown_id") REFERENCES "public"."measure_breakdowns"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_values" ADD CONSTRAINT "measure_values_entered_by_fk" FOREIGN KEY ("organisation_id","entered_by") REFERENCES "public"."people"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_values" ADD CONSTRAINT "measure_values_measure_id_fk" FOREIGN KEY ("organisation_id","measure_id") REFERENCES "public"."measures"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_values" ADD CONSTRAINT "measure_values_updated_by_fk" FOREIGN KEY ("organisation_id","updated_by") REFERENCES "public"."people"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_owner_person_id_fk" FOREIGN KEY ("organisation_id","owner_person_id") REFERENCES "public"."people"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_owner_unit_id_fk" FOREIGN KEY ("organisation_id","owner_unit_id") REFERENCES "public"."units"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_verifier_person_id_fk" FOREIGN KEY ("organisation_id","verifier_person_id") REFERENCES "public"."people"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_body_id_fk" FOREIGN KEY ("organisation_id","body_id") REFERENCES "public"."governance_bodies"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_requests" ADD CONSTRAINT "member_requests_addressee_person_id_fk" FOREIGN KEY ("organisation_id","addressee_person_id") REFERENCES "public"."people"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_requests" ADD CONSTRAINT "member_requests_agenda_item_id_fk" FOREIGN KEY ("organisation_id","agenda_item_id") REFERENCES "public"."agenda_items"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_requests" ADD CONSTRAINT "member_requests_answered_by_person_id_fk" FOREIGN KEY ("organisation_id","answered_by_person_id") REFERENCES "public"."people"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_requests" ADD CONSTRAINT "member_requests_meeting_id_fk" FOREIGN KEY ("organisation_id","meeting_id") REFERENCES "public"."meetings"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_requests" ADD CONSTRAINT "member_requests_raised_by_person_id_fk" FOREIGN KEY ("organisation_id","raised_by_person_id") REFERENCES "public"."people"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "money_budget_lines" ADD CONSTRAINT "money_budget_lines_cost_centre_id_fk" FOREIGN KEY ("organisation_id","cost_centre_id") REFERENCES "public"."money_cost_centres"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "money_budget_lines" ADD CONSTRAINT "money_budget_lines_financial_year_id_fk" FOREIGN KEY ("organisation_id","financial_year_id") REFERENCES "public"."money_financial_years"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "money_capital_reprofiles" ADD CONSTRAINT "money_capital_reprofiles_scheme_id_fk" FOREIGN KEY ("organisation_id","scheme_id") REFERENCES "public"."money_capital_schemes"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "money_capital_scheme_years" ADD CONSTRAINT "money_capital_scheme_years_scheme_id_fk" FOREIGN KEY ("organisation_id","scheme_id") REFERENCES "public"."money_capital_schemes"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "money_capital_schemes" ADD CONSTRAINT "money_capital_schemes_unit_id_fk" FOREIGN KEY ("organisation_id","unit_id") REFERENCES "public"."units"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "money_cost_centre_plan_links" ADD CONSTRAINT "money_cost_centre_plan_links_cost_centre_id_fk" FOREIGN KEY ("organisation_id","cost_centre_id") REFERENCES "public"."money_cost_centres"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "money_cost_centre_plan_links" ADD CONSTRAINT "money_cost_centre_plan_links_plan_item_id_fk" FOREIGN KEY ("organisation_id","plan_item_id") REFERENCES "public"."plan_items"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "money_cost_centres" ADD CONSTRAINT "money_cost_centres_unit_id_fk" FOREIGN KEY ("organisation_id","unit_id") REFERENCES "public"."units"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "money_mtfs_years" ADD CONSTRAINT "money_mtfs_years_version_id_fk" FOREIGN KEY ("organisation_id","version_id") REFERENCES "public"."money_mtfs_versions"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "money_reserve_years" ADD CONSTRAINT "money_reserve_years_reserve_id_fk" FOREIGN KEY ("organisation_id","reserve_id") REFERENCES "public"."money_reserves"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "money_saving_years" ADD CONSTRAINT "money_saving_years_saving_id_fk" FOREIGN KEY ("organisation_id","saving_id") REFERENCES "public"."money_savings"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "money_savings" ADD CONSTRAINT "money_savings_action_id_fk" FOREIGN KEY ("organisation_id","action_id") REFERENCES "public"."actions"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "money_savings" ADD CONSTRAINT "money_savings_plan_item_id_fk" FOREIGN KEY ("organisation_id","plan_item_id") REFERENCES "public"."plan_items"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "money_savings" ADD CONSTRAINT "money_savings_unit_id_fk" FOREIGN KEY ("organisation_id","unit_id") REFERENCES "public"."units"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "password_links" ADD CONSTRAINT "password_links_created_by_fk" FOREIGN KEY ("organisation_id","created_by") REFERENCES "public"."people"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "password_links" ADD CONSTRAINT "password_links_person_id_fk" FOREIGN KEY ("organisation_id","person_id") REFERENCES "public"."people"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_line_manager_id_fk" FOREIGN KEY ("organisation_id","line_manager_id") REFERENCES "public"."people"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_partner_id_fk" FOREIGN KEY ("organisation_id","partner_id") REFERENCES "public"."partners"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_unit_id_fk" FOREIGN KEY ("organisation_id","unit_id") REFERENCES "public"."units"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "performance_settings" ADD CONSTRAINT "performance_settings_updated_by_fk" FOREIGN KEY ("organisation_id","updated_by") REFERENCES "public"."people"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "period_closures" ADD CONSTRAINT "period_closures_closed_by_fk" FOREIGN KEY ("organisation_id","closed_by") REFERENCES "public"."people"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "period_closures" ADD CONSTRAINT "period_closures_reopened_by_fk" FOREIGN KEY ("organisation_id","reopened_by") REFERENCES "public"."people"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "period_locks" ADD CONSTRAINT "period_locks_locked_by_fk" FOREIGN KEY ("organisation_id","locked_by") REFERENCES "public"."people"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "period_locks" ADD CONSTRAINT "period_locks_measure_id_fk" FOREIGN KEY ("organisation_id","measure_id") REFERENCES "public"."measures"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "period_locks" ADD CONSTRAINT "period_locks_reopened_by_fk" FOREIGN KEY ("organisation_id","reopened_by") REFERENCES "public"."people"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_events" ADD CONSTRAINT "plan_events_actor_person_id_fk" FOREIGN KEY ("organisation_id","actor_person_id") REFERENCES "public"."people"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_events" ADD CONSTRAINT "plan_events_plan_id_fk" FOREIGN KEY ("organisation_id","plan_id") REFERENCES "public"."plans"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_item_partners" ADD CONSTRAINT "plan_item_partners_item_id_fk" FOREIGN KEY ("organisation_id","item_id") REFERENCES "public"."plan_items"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_item_partners" ADD CONSTRAINT "plan_item_partners_partner_id_fk" FOREIGN KEY ("organisation_id","partner_id") REFERENCES "public"."partners"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_item_type_id_fk" FOREIGN KEY ("organisation_id","item_type_id") REFERENCES "public"."item_types"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_owner_person_id_fk" FOREIGN KEY ("organisation_id","owner_person_id") REFERENCES "public"."people"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_owner_unit_id_fk" FOREIGN KEY ("organisation_id","owner_unit_id") REFERENCES "public"."units"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_parent_item_id_fk" FOREIGN KEY ("organisation_id","parent_item_id") REFERENCES "public"."plan_items"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_plan_id_fk" FOREIGN KEY ("organisation_id","plan_id") REFERENCES "public"."plans"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_previous_item_id_fk" FOREIGN KEY ("organisation_id","previous_item_id") REFERENCES "public"."plan_items"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_type_item_types" ADD CONSTRAINT "plan_type_item_types_item_type_id_fk" FOREIGN KEY ("organisation_id","item_type_id") REFERENCES "public"."item_types"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_type_item_types" ADD CONSTRAINT "plan_type_item_types_plan_type_id_fk" FOREIGN KEY ("organisation_id","plan_type_id") REFERENCES "public"."plan_types"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_type_parents" ADD CONSTRAINT "plan_type_parents_parent_plan_type_id_fk" FOREIGN KEY ("organisation_id","parent_plan_type_id") REFERENCES "public"."plan_types"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_type_parents" ADD CONSTRAINT "plan_type_parents_plan_type_id_fk" FOREIGN KEY ("organisation_id","plan_type_id") REFERENCES "public"."plan_types"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_owner_person_id_fk" FOREIGN KEY ("organisation_id","owner_person_id") REFERENCES "public"."people"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_owning_unit_id_fk" FOREIGN KEY ("organisation_id","owning_unit_id") REFERENCES "public"."units"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_parent_plan_id_fk" FOREIGN KEY ("organisation_id","parent_plan_id") REFERENCES "public"."plans"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_plan_type_id_fk" FOREIGN KEY ("organisation_id","plan_type_id") REFERENCES "public"."plan_types"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_previous_version_id_fk" FOREIGN KEY ("organisation_id","previous_version_id") REFERENCES "public"."plans"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_units" ADD CONSTRAINT "portfolio_units_portfolio_id_fk" FOREIGN KEY ("organisation_id","portfolio_id") REFERENCES "public"."portfolios"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_units" ADD CONSTRAINT "portfolio_units_unit_id_fk" FOREIGN KEY ("organisation_id","unit_id") REFERENCES "public"."units"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolios" ADD CONSTRAINT "portfolios_holder_person_id_fk" FOREIGN KEY ("organisation_id","holder_person_id") REFERENCES "public"."people"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_manager_person_id_fk" FOREIGN KEY ("organisation_id","manager_person_id") REFERENCES "public"."people"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_sponsor_person_id_fk" FOREIGN KEY ("organisation_id","sponsor_person_id") REFERENCES "public"."people"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_unit_id_fk" FOREIGN KEY ("organisation_id","unit_id") REFERENCES "public"."units"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_items" ADD CONSTRAINT "project_items_item_id_fk" FOREIGN KEY ("organisation_id","item_id") REFERENCES "public"."plan_items"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_items" ADD CONSTRAINT "project_items_project_id_fk" FOREIGN KEY ("organisation_id","project_id") REFERENCES "public"."projects"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_milestones" ADD CONSTRAINT "project_milestones_project_id_fk" FOREIGN KEY ("organisation_id","project_id") REFERENCES "public"."projects"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_milestones" ADD CONSTRAINT "project_milestones_stage_id_fk" FOREIGN KEY ("organisation_id","stage_id") REFERENCES "public"."project_stages"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_stages" ADD CONSTRAINT "project_stages_project_id_fk" FOREIGN KEY ("organisation_id","project_id") REFERENCES "public"."projects"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_updates" ADD CONSTRAINT "project_updates_author_person_id_fk" FOREIGN KEY ("organisation_id","author_person_id") REFERENCES "public"."people"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_updates" ADD CONSTRAINT "project_updates_project_id_fk" FOREIGN KEY ("organisation_id","project_id") REFERENCES "public"."projects"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_board_id_fk" FOREIGN KEY ("organisation_id","board_id") REFERENCES "public"."governance_bodies"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_manager_person_id_fk" FOREIGN KEY ("organisation_id","manager_person_id") REFERENCES "public"."people"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_plan_id_fk" FOREIGN KEY ("organisation_id","plan_id") REFERENCES "public"."plans"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_programme_id_fk" FOREIGN KEY ("organisation_id","programme_id") REFERENCES "public"."programmes"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_sponsor_person_id_fk" FOREIGN KEY ("organisation_id","sponsor_person_id") REFERENCES "public"."people"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_unit_id_fk" FOREIGN KEY ("organisation_id","unit_id") REFERENCES "public"."units"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_due_date_revisions" ADD CONSTRAINT "recommendation_due_date_revisions_body_id_fk" FOREIGN KEY ("organisation_id","body_id") REFERENCES "public"."governance_bodies"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_due_date_revisions" ADD CONSTRAINT "recommendation_due_date_revisions_recommendation_id_fk" FOREIGN KEY ("organisation_id","recommendation_id") REFERENCES "public"."recommendations"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_history" ADD CONSTRAINT "recommendation_history_recommendation_id_fk" FOREIGN KEY ("organisation_id","recommendation_id") REFERENCES "public"."recommendations"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_notifications" ADD CONSTRAINT "recommendation_notifications_person_id_fk" FOREIGN KEY ("organisation_id","person_id") REFERENCES "public"."people"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_notifications" ADD CONSTRAINT "recommendation_notifications_recommendation_id_fk" FOREIGN KEY ("organisation_id","recommendation_id") REFERENCES "public"."recommendations"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_owner_person_id_fk" FOREIGN KEY ("organisation_id","owner_person_id") REFERENCES "public"."people"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_report_id_fk" FOREIGN KEY ("organisation_id","report_id") REFERENCES "public"."recommendation_reports"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_unit_id_fk" FOREIGN KEY ("organisation_id","unit_id") REFERENCES "public"."units"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recovery_codes" ADD CONSTRAINT "recovery_codes_person_id_fk" FOREIGN KEY ("organisation_id","person_id") REFERENCES "public"."people"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminders_sent" ADD CONSTRAINT "reminders_sent_measure_id_fk" FOREIGN KEY ("organisation_id","measure_id") REFERENCES "public"."measures"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminders_sent" ADD CONSTRAINT "reminders_sent_person_id_fk" FOREIGN KEY ("organisation_id","person_id") REFERENCES "public"."people"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_files" ADD CONSTRAINT "report_files_report_id_fk" FOREIGN KEY ("organisation_id","report_id") REFERENCES "public"."issued_reports"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_revisions" ADD CONSTRAINT "report_revisions_issued_by_person_id_fk" FOREIGN KEY ("organisation_id","issued_by_person_id") REFERENCES "public"."people"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_revisions" ADD CONSTRAINT "report_revisions_report_id_fk" FOREIGN KEY ("organisation_id","report_id") REFERENCES "public"."issued_reports"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_settings" ADD CONSTRAINT "report_settings_updated_by_fk" FOREIGN KEY ("organisation_id","updated_by") REFERENCES "public"."people"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessments" ADD CONSTRAINT "risk_assessments_assessed_by_fk" FOREIGN KEY ("organisation_id","assessed_by") REFERENCES "public"."people"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessments" ADD CONSTRAINT "risk_assessments_matrix_id_fk" FOREIGN KEY ("organisation_id","matrix_id") REFERENCES "public"."risk_matrices"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessments" ADD CONSTRAINT "risk_assessments_risk_id_fk" FOREIGN KEY ("organisation_id","risk_id") REFERENCES "public"."risks"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_controls" ADD CONSTRAINT "risk_controls_owner_person_id_fk" FOREIGN KEY ("organisation_id","owner_person_id") REFERENCES "public"."people"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_controls" ADD CONSTRAINT "risk_controls_risk_id_fk" FOREIGN KEY ("organisation_id","risk_id") REFERENCES "public"."risks"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_events" ADD CONSTRAINT "risk_events_by_person_id_fk" FOREIGN KEY ("organisation_id","by_person_id") REFERENCES "public"."people"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_events" ADD CONSTRAINT "risk_events_from_register_id_fk" FOREIGN KEY ("organisation_id","from_register_id") REFERENCES "public"."risk_registers"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_events" ADD CONSTRAINT "risk_events_risk_id_fk" FOREIGN KEY ("organisation_id","risk_id") REFERENCES "public"."risks"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_events" ADD CONSTRAINT "risk_events_to_register_id_fk" FOREIGN KEY ("organisation_id","to_register_id") REFERENCES "public"."risk_registers"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_links" ADD CONSTRAINT "risk_links_action_id_fk" FOREIGN KEY ("organisation_id","action_id") REFERENCES "public"."actions"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_links" ADD CONSTRAINT "risk_links_item_id_fk" FOREIGN KEY ("organisation_id","item_id") REFERENCES "public"."plan_items"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_links" ADD CONSTRAINT "risk_links_measure_id_fk" FOREIGN KEY ("organisation_id","measure_id") REFERENCES "public"."measures"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_links" ADD CONSTRAINT "risk_links_risk_id_fk" FOREIGN KEY ("organisation_id","risk_id") REFERENCES "public"."risks"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_matrices" ADD CONSTRAINT "risk_matrices_created_by_fk" FOREIGN KEY ("organisation_id","created_by") REFERENCES "public"."people"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_registers" ADD CONSTRAINT "risk_registers_owner_person_id_fk" FOREIGN KEY ("organisation_id","owner_person_id") REFERENCES "public"."people"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_registers" ADD CONSTRAINT "risk_registers_unit_id_fk" FOREIGN KEY ("organisation_id","unit_id") REFERENCES "public"."units"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_review_reminders" ADD CONSTRAINT "risk_review_reminders_risk_id_fk" FOREIGN KEY ("organisation_id","risk_id") REFERENCES "public"."risks"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_owner_person_id_fk" FOREIGN KEY ("organisation_id","owner_person_id") REFERENCES "public"."people"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_register_id_fk" FOREIGN KEY ("organisation_id","register_id") REFERENCES "public"."risk_registers"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_granted_by_fk" FOREIGN KEY ("organisation_id","granted_by") REFERENCES "public"."people"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_partner_id_fk" FOREIGN KEY ("organisation_id","partner_id") REFERENCES "public"."partners"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_person_id_fk" FOREIGN KEY ("organisation_id","person_id") REFERENCES "public"."people"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_unit_id_fk" FOREIGN KEY ("organisation_id","unit_id") REFERENCES "public"."units"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "second_factors" ADD CONSTRAINT "second_factors_person_id_fk" FOREIGN KEY ("organisation_id","person_id") REFERENCES "public"."people"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_person_id_fk" FOREIGN KEY ("organisation_id","person_id") REFERENCES "public"."people"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "single_sign_on_identities" ADD CONSTRAINT "single_sign_on_identities_person_id_fk" FOREIGN KEY ("organisation_id","person_id") REFERENCES "public"."people"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "single_sign_on_mappings" ADD CONSTRAINT "single_sign_on_mappings_unit_id_fk" FOREIGN KEY ("organisation_id","unit_id") REFERENCES "public"."units"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spc_rebases" ADD CONSTRAINT "spc_rebases_created_by_fk" FOREIGN KEY ("organisation_id","created_by") REFERENCES "public"."people"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spc_rebases" ADD CONSTRAINT "spc_rebases_measure_id_fk" FOREIGN KEY ("organisation_id","measure_id") REFERENCES "public"."measures"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statutory_returns" ADD CONSTRAINT "statutory_returns_owner_person_id_fk" FOREIGN KEY ("organisation_id","owner_person_id") REFERENCES "public"."people"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timetable_reminders" ADD CONSTRAINT "timetable_reminders_meeting_id_fk" FOREIGN KEY ("organisation_id","meeting_id") REFERENCES "public"."meetings"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timetable_reminders" ADD CONSTRAINT "timetable_reminders_person_id_fk" FOREIGN KEY ("organisation_id","person_id") REFERENCES "public"."people"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_parent_id_fk" FOREIGN KEY ("organisation_id","parent_id") REFERENCES "public"."units"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- The packed series (migration 0004) is upserted on its new key.
CREATE OR REPLACE FUNCTION measure_series_refresh(ids uuid[]) RETURNS void AS $$
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN
    RETURN;
  END IF;
  DELETE FROM measure_series s
   WHERE s.measure_id = ANY(ids)
     AND NOT EXISTS (SELECT 1 FROM measure_values v WHERE v.measure_id = s.measure_id AND v.breakdown_id IS NULL);
  INSERT INTO measure_series (measure_id, organisation_id, period_keys, vals, nums, dens, statuses)
  SELECT v.measure_id, v.organisation_id,
         string_agg(v.period_key, ','),
         string_agg(coalesce(v.value::text, ''), ','),
         string_agg(coalesce(v.numerator::text, ''), ','),
         string_agg(coalesce(v.denominator::text, ''), ','),
         string_agg(v.status, ',')
    FROM measure_values v
   WHERE v.measure_id = ANY(ids) AND v.breakdown_id IS NULL
   GROUP BY v.measure_id, v.organisation_id
  ON CONFLICT (measure_id, organisation_id) DO UPDATE
    SET period_keys = excluded.period_keys, vals = excluded.vals, nums = excluded.nums, dens = excluded.dens,
        statuses = excluded.statuses;
END;
$$ LANGUAGE plpgsql;
