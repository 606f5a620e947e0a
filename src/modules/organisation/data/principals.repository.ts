import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../platform/db/db.ts';
import { parsedRows } from '../../../platform/db/rows.ts';

/**
 * Who is calling, read on every signed-in request: so each lookup is one round trip, the person
 * with their current grants aggregated (a grant ended is no grant), instead of a query for the
 * session, one for the person and their grants, and for an administrator two more for the second
 * factor. Raw SQL because the ORM cannot aggregate the grants; it runs on PGlite and PostgreSQL.
 */

const personRow = z.object({
  person_id: z.string(),
  organisation_id: z.string(),
  name: z.string(),
  partner_id: z.string().nullable(),
  status: z.string(),
  /** Each current grant; the role is checked against the known roles by the caller. */
  grants: z.array(z.object({ role: z.string(), unitId: z.string().nullable() })),
});

export type PersonWithGrants = z.output<typeof personRow>;

/** The person (alias `p`) with their current grants: the columns every lookup below selects. */
const PERSON_WITH_GRANTS = sql`
  p.id AS person_id, p.organisation_id, p.name, p.partner_id, p.status,
  (SELECT coalesce(json_agg(json_build_object('role', r.role, 'unitId', r.unit_id)), '[]'::json)
     FROM role_assignments r
    WHERE r.organisation_id = p.organisation_id AND r.person_id = p.id AND r.ended_at IS NULL) AS grants`;

async function first<S extends z.ZodType>(db: Db, schema: S, query: SQL): Promise<z.output<S> | undefined> {
  return parsedRows(schema, await db.execute(query))[0];
}

export function personWithGrants(db: Db, personId: string): Promise<PersonWithGrants | undefined> {
  return first(db, personRow, sql`SELECT ${PERSON_WITH_GRANTS} FROM people p WHERE p.id = ${personId}`);
}

const sessionRow = personRow.extend({
  csrf_token: z.string(),
  /** The council requires administrators to have a second factor (no settings row: it does not). */
  administrators_need_second_factor: z.boolean(),
  /** The person has confirmed a second factor. */
  has_second_factor: z.boolean(),
});

export type SessionRow = z.output<typeof sessionRow>;

/** The unexpired session with this token hash, its person and the second-factor facts; undefined if none. */
export function sessionWithPerson(db: Db, tokenHash: string, now: Date): Promise<SessionRow | undefined> {
  return first(
    db,
    sessionRow,
    sql`
      SELECT s.csrf_token, ${PERSON_WITH_GRANTS},
        coalesce((SELECT g.administrators_need_second_factor FROM sign_in_settings g
                   WHERE g.organisation_id = p.organisation_id), false) AS administrators_need_second_factor,
        EXISTS (SELECT 1 FROM second_factors f
                 WHERE f.organisation_id = p.organisation_id AND f.person_id = p.id
                   AND f.confirmed_at IS NOT NULL) AS has_second_factor
      FROM sessions s
      JOIN people p ON p.organisation_id = s.organisation_id AND p.id = s.person_id
      WHERE s.token_hash = ${tokenHash} AND s.expires_at > ${now.toISOString()}::timestamptz`,
  );
}

const tokenRow = personRow.extend({ scope: z.enum(['read', 'write']) });

/**
 * The working API token with this hash (not revoked, not expired), marked used now, with its
 * owner; undefined if none. The token is marked used whatever its owner's state, as before.
 */
export function usedApiTokenWithPerson(
  db: Db,
  tokenHash: string,
  now: Date,
): Promise<z.output<typeof tokenRow> | undefined> {
  const at = sql`${now.toISOString()}::timestamptz`;
  return first(
    db,
    tokenRow,
    sql`
      WITH used AS (
        UPDATE api_tokens SET last_used_at = ${at}
         WHERE token_hash = ${tokenHash} AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ${at})
        RETURNING organisation_id, person_id, scope
      )
      SELECT used.scope, ${PERSON_WITH_GRANTS}
      FROM used JOIN people p ON p.organisation_id = used.organisation_id AND p.id = used.person_id`,
  );
}
