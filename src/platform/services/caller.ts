import type { SignedIn } from '../../kernel/access/index.ts';
import type { Actor } from '../audit/audit.ts';

/** Who is asking, for every service call: the tenant, the person and their grants. */
export type Caller = SignedIn;

export function actorOf(caller: Caller): Actor {
  return { personId: caller.personId, label: caller.name };
}
