/**
 * The app's own PostgreSQL role, separate from the role that owns the tables (docs/database-roles.md).
 * The owner runs the migrations; the app role may read and write the tables but only read and add
 * to the audit trail: without ownership it cannot TRUNCATE, ALTER (disable the append-only or the
 * hash-chain trigger), UPDATE or DELETE audit_events, nor replace the functions the chain relies on.
 */

const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * The statements that give `role` what the app needs, run by the owner after each migration
 * (new tables are covered by the default privileges too). Idempotent.
 */
export function appRoleGrants(role: string): string[] {
  if (!ROLE_NAME.test(role)) {
    throw new Error(`The role name ${role} is not a plain PostgreSQL name (lower-case letters, digits and _)`);
  }
  return [
    `GRANT USAGE ON SCHEMA public TO ${role}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${role}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${role}`,
    // The audit trail: read and append only.
    `REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_events FROM ${role}`,
    `REVOKE TRUNCATE, TRIGGER ON ALL TABLES IN SCHEMA public FROM ${role}`,
  ];
}
