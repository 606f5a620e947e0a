import type { Caller } from '../services/caller.ts';

/**
 * What about the person asking can change a view built for them, as part of a cache key: their
 * grants (roles and where they hold them, which decide what they may open) and their partnership
 * (a partner sees only what is shared with it). Two people with the same grants in the same
 * partnership (or none) are shown the same view; anything about one person alone (a "mine"
 * view) must add the person to the key itself.
 */
export function viewerAccessKey(caller: Caller): string {
  const grants = caller.grants.map((grant) => `${grant.role}@${grant.unitId ?? '*'}`).sort();
  return `${caller.partnerId ?? '-'}|${grants.join(',')}`;
}
