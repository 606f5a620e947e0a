import type { Role } from '../../../kernel/access/index.ts';

/** An administrator's rule: people whose token carries this claim value hold this role (over a unit, or the council). */
export interface ClaimMapping {
  claimValue: string;
  role: Role;
  unitId: string | null;
}

export interface Grant {
  role: Role;
  unitId: string | null;
}

/**
 * The values of one claim in an ID token. Entra ID and most providers send groups and roles as an
 * array of strings; some send a single string. Anything else carries no value.
 */
export function claimValues(claims: Record<string, unknown>, claim: string): string[] {
  const value = claims[claim];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return [];
}

const grantKey = (grant: Grant) => `${grant.role}|${grant.unitId ?? ''}`;

/** The roles a person's claim values give them under the mappings: each once, in mapping order. */
export function grantsFor(values: readonly string[], mappings: readonly ClaimMapping[]): Grant[] {
  const held = new Set(values);
  const grants = new Map<string, Grant>();
  for (const mapping of mappings) {
    if (!held.has(mapping.claimValue)) continue;
    const grant = { role: mapping.role, unitId: mapping.unitId };
    grants.set(grantKey(grant), grant);
  }
  return [...grants.values()];
}

/**
 * What to change so a person holds exactly the wanted grants: the provider is the source of truth
 * for a single sign-on account, so grants it no longer gives end and new ones begin.
 */
export function grantChanges<T extends Grant>(
  current: readonly T[],
  wanted: readonly Grant[],
): { end: T[]; begin: Grant[] } {
  const wantedKeys = new Set(wanted.map(grantKey));
  const currentKeys = new Set(current.map(grantKey));
  return {
    end: current.filter((grant) => !wantedKeys.has(grantKey(grant))),
    begin: wanted.filter((grant) => !currentKeys.has(grantKey(grant))),
  };
}

/** The e-mail address and name to keep for a person, from the standard claims (Entra ID's UPN when it sends no e-mail). */
export function profileFrom(claims: Record<string, unknown>): { email: string; name: string } | null {
  const text = (key: string) => {
    const value = claims[key];
    return typeof value === 'string' ? value.trim() : '';
  };
  const email = text('email') || text('preferred_username') || text('upn');
  if (!email.includes('@')) return null;
  const name = text('name') || [text('given_name'), text('family_name')].filter(Boolean).join(' ') || email;
  return { email, name: name.slice(0, 200) };
}
