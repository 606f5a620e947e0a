/**
 * The sign-off work queue: the values waiting for this person to verify or approve — only those
 * they may take the next step on under the council's rule and separation of duties — oldest
 * first.
 */
import { parsePeriodKey, periodLabel } from '../../kernel/measurement/index.ts';
import { createVersionedCache } from '../../platform/data-version/versioned-cache.ts';
import { viewerAccessKey } from '../../platform/data-version/viewer-key.ts';
import type { Caller } from '../../platform/services/caller.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import * as signOffRepo from './data/sign-off.repository.ts';
import { mayTakeSomeSignOffStep, mayTakeStep, type SignOffStep } from './domain/sign-off-who.ts';
import { availableValueActions, type ValueActor } from './domain/workflow.ts';

export interface QueueItem {
  valueId: string;
  measureId: string;
  code: string;
  title: string;
  periodKey: string;
  periodLabel: string;
  step: SignOffStep;
  value: number | null;
  unit: string;
  decimalPlaces: number;
  /** When the value was submitted (verify step) or verified (approve step). */
  waitingSince: string;
  enteredByName: string | null;
  /** The breakdown category the value is for (signed off on its own); null for the whole measure. */
  breakdown: { id: string; dimension: string; label: string } | null;
}

export interface SignOffQueue {
  counts: Record<SignOffStep, number>;
  /** Oldest first. */
  items: QueueItem[];
}

const labelOf = (key: string) => {
  const parsed = parsePeriodKey(key);
  return parsed.ok ? periodLabel(parsed.value) : key;
};

/** People whose navigation answer each app process keeps: more than sign in to one process at once. */
export const NAVIGATION_ANSWERS_KEPT = 5_000;

export function createSignOffQueueService({ db }: Pick<ServiceDeps, 'db'>) {
  // Asked on every page (the navigation), and changed only by a write (the rule, the person's
  // roles, units and bodies), so kept per person against the council's data version: one read of
  // the version instead of the rule and the person's facts.
  const navigationAnswers = createVersionedCache<boolean>({ maxEntries: NAVIGATION_ANSWERS_KEPT });

  async function decideMayTakeSomeStep(caller: Caller): Promise<boolean> {
    const org = caller.organisationId;
    const settings = await signOffRepo.signOffSettingsFor(db, org);
    const fromGrants = { caller, namedVerifier: false, unitHead: false, bodyIds: [] };
    if (mayTakeSomeSignOffStep(settings.chain, settings.who, fromGrants)) return true;
    const facts = await signOffRepo.personSignOffFacts(db, org, caller.personId);
    return mayTakeSomeSignOffStep(settings.chain, settings.who, { caller, ...facts });
  }

  return {
    /** What waits for this person: a constant number of queries, however many measures wait. */
    async queue(caller: Caller): Promise<SignOffQueue> {
      const org = caller.organisationId;
      const [settings, waiting] = await Promise.all([
        signOffRepo.signOffSettingsFor(db, org),
        signOffRepo.waitingValues(db, org),
      ]);
      const needsBodies = settings.who.verify.who === 'body' || settings.who.approve.who === 'body';
      const bodyIds = needsBodies ? await signOffRepo.bodyIdsOfMember(db, org, caller.personId) : [];
      const items: QueueItem[] = [];
      for (const row of waiting) {
        const facts = {
          caller,
          unitAncestry: row.unitAncestry,
          unitHeads: row.unitHeads,
          verifierPersonId: row.verifierPersonId,
          bodyIds,
        };
        const step: SignOffStep =
          settings.chain === 'verify-then-approve' && row.status === 'submitted' ? 'verify' : 'approve';
        const actor: ValueActor = {
          canEnter: false,
          canReopen: false,
          canVerify: step === 'verify' && mayTakeStep('verify', settings.who.verify, facts),
          canApprove: step === 'approve' && mayTakeStep('approve', settings.who.approve, facts),
          enteredIt: row.enteredBy === caller.personId,
          verifiedIt: row.verifiedBy === caller.personId,
        };
        // The workflow's own answer, so the queue lists exactly what the value's page lets them do.
        if (!availableValueActions(row.status, actor, settings.chain).includes(step)) continue;
        items.push({
          valueId: row.valueId,
          measureId: row.measureId,
          code: row.code,
          title: row.title,
          periodKey: row.periodKey,
          periodLabel: labelOf(row.periodKey),
          step,
          value: row.value,
          unit: row.unit,
          decimalPlaces: row.decimalPlaces,
          waitingSince: row.waitingSince,
          enteredByName: row.enteredByName,
          breakdown: row.breakdown,
        });
      }
      return {
        counts: {
          verify: items.filter((item) => item.step === 'verify').length,
          approve: items.filter((item) => item.step === 'approve').length,
        },
        items,
      };
    },

    /**
     * Whether the person may take some sign-off step on some measure under the council's rules
     * (who sees Sign-off in the navigation): the rule, then, only when their grants do not
     * already answer, one query for the council-wide facts — never a query per measure.
     */
    mayTakeSomeStep(caller: Caller): Promise<boolean> {
      const key = `may-sign-off|${caller.personId}|${viewerAccessKey(caller)}`;
      return navigationAnswers.get(db, caller.organisationId, key, () => decideMayTakeSomeStep(caller));
    },
  };
}
