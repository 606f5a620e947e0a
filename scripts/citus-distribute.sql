-- Distributing Golden Thread over a Citus cluster by council (docs/scaling.md §3, issue #21).
--
-- UNTESTED: Citus cannot be installed on the machines this project is built and tested on, so
-- this script has never run. It is what the schema was made ready for (migrations 0035 and 0037,
-- checked by src/schema-distribution.test.ts); read docs/scaling.md §3 before running it, on a
-- copy first.
--
-- Before it, on the coordinator, with every migration applied (npm run migrate):
--   CREATE EXTENSION citus;  and the workers added (citus_add_node).
-- What Citus asks of the schema, the test enforces: every foreign key between council tables is
-- composite with organisation_id, and every primary key, unique constraint and unique index of a
-- council table includes organisation_id (a table keyed by id has (id, organisation_id),
-- docs/decisions/0018-distributable-keys.md), so no key needs changing here.
--
-- organisations is distributed by id (a council's own id); every other table that has
-- organisation_id is distributed by it and co-located with organisations, so one council's rows
-- live on one worker. Tables are listed so that a table comes after the tables its keys point at.
-- scheduled_jobs, sign_in_throttles and rate_limit_windows stay local tables on the coordinator.
BEGIN;
SELECT create_distributed_table('organisations', 'id');
SELECT create_distributed_table('plan_types', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('units', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('partners', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('people', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('plans', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('actions', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('action_assignees', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('action_escalations', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('action_events', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('item_types', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('plan_items', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('action_item_links', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('measures', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('action_measure_links', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('action_milestones', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('action_updates', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('governance_bodies', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('meetings', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('agenda_items', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('agenda_item_papers', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('api_tokens', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('approval_steps', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('audit_events', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('background_jobs', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('collection_rules', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('committee_settings', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('contribution_links', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('delivery_settings', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('forecast_choices', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('governance_body_members', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('improvement_plan_requests', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('improvement_plans', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('improvement_plan_decisions', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('improvement_plan_events', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('improvement_plan_settings', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('report_definitions', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('issued_reports', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('measure_assignees', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('measure_breakdowns', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('measure_item_links', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('measure_series', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('measure_statuses', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('measure_targets', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('measure_values', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('measure_value_events', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('member_requests', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('money_borrowing_years', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('money_cost_centres', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('money_financial_years', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('money_budget_lines', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('money_capital_schemes', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('money_capital_reprofiles', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('money_capital_scheme_years', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('money_cost_centre_plan_links', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('money_mtfs_versions', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('money_mtfs_years', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('money_reserves', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('money_reserve_years', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('money_savings', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('money_saving_years', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('money_settings', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('non_working_days', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('password_links', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('performance_settings', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('period_closures', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('period_locks', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('plan_events', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('plan_item_partners', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('plan_type_item_types', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('plan_type_parents', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('portfolios', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('portfolio_units', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('programmes', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('projects', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('project_items', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('project_stages', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('project_milestones', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('project_updates', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('recommendation_reports', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('recommendations', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('recommendation_due_date_revisions', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('recommendation_history', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('recommendation_notifications', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('recommendation_settings', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('recovery_codes', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('reminders_sent', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('report_files', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('report_revisions', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('report_settings', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('risk_registers', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('risks', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('risk_matrices', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('risk_assessments', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('risk_categories', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('risk_controls', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('risk_events', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('risk_links', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('risk_review_reminders', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('role_assignments', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('second_factors', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('sessions', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('sign_in_settings', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('single_sign_on_identities', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('single_sign_on_mappings', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('single_sign_on_providers', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('spc_rebases', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('statutory_returns', 'organisation_id', colocate_with => 'organisations');
SELECT create_distributed_table('timetable_reminders', 'organisation_id', colocate_with => 'organisations');
COMMIT;
