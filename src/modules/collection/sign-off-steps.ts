/**
 * Who may take the verify and approve steps of a measure's values, under the council's rule, and
 * refusals that name that rule. Used by the collection service (entry page, API, transitions) and
 * the sign-off queue, so the flags, the refusals and the queue agree.
 */
import { rolePhrase } from '../../kernel/access/index.ts';
import { phrase, phraseText, type Phrase } from '../../kernel/phrase.ts';
import type { Db } from '../../platform/db/db.ts';
import type { Caller } from '../../platform/services/caller.ts';
import * as signOffRepo from './data/sign-off.repository.ts';
import { mayTakeStep, type SignOffStep, type WhoRule } from './domain/sign-off-who.ts';
import type { SignOffChain, ValueAction, ValueStatus, WorkflowError } from './domain/workflow.ts';

export interface StepRights {
  /** The measure's unit first, then each unit above it. */
  ancestry: string[];
  canVerify: boolean;
  canApprove: boolean;
}

/** The person's sign-off rights on a measure's values (three small reads, whatever the rule). */
export async function stepRightsFor(
  db: Db,
  caller: Caller,
  measure: { ownerUnitId: string | null; verifierPersonId: string | null },
  /** The council's sign-off settings when the caller has read them already (the entry page). */
  settingsRead: Promise<signOffRepo.SignOffSettings> = signOffRepo.signOffSettingsFor(db, caller.organisationId),
): Promise<StepRights> {
  const org = caller.organisationId;
  const [settings, chain] = await Promise.all([
    settingsRead,
    signOffRepo.unitChainWithHeads(db, org, measure.ownerUnitId),
  ]);
  const needsBodies = settings.who.verify.who === 'body' || settings.who.approve.who === 'body';
  const bodyIds = needsBodies ? await signOffRepo.bodyIdsOfMember(db, org, caller.personId) : [];
  const facts = {
    caller,
    unitAncestry: chain.ancestry,
    unitHeads: chain.heads,
    verifierPersonId: measure.verifierPersonId,
    bodyIds,
  };
  return {
    ancestry: chain.ancestry,
    canVerify: mayTakeStep('verify', settings.who.verify, facts),
    canApprove: mayTakeStep('approve', settings.who.approve, facts),
  };
}

/** What a sign-off action does, as a verb inside a sentence ("Only … may return this value"). */
export const actionVerb = (action: ValueAction): Phrase => phrase(`signOffQueue.actionVerbs.${action}`);

/** Who takes a step, as one word: "verifies", "approves". */
export const doesStep = (step: SignOffStep): Phrase =>
  phrase(step === 'verify' ? 'signOffQueue.verifies' : 'signOffQueue.approves');

/** The rule as a phrase: "the head of the measure’s unit", "a member of Audit Committee". */
export function whoPhrase(step: SignOffStep, rule: WhoRule, bodies: readonly { id: string; name: string }[]): Phrase {
  switch (rule.who) {
    case 'permission':
      return step === 'verify'
        ? phrase('signOffQueue.whoPermissionVerify')
        : phrase('signOffQueue.whoPermission', { verb: actionVerb(step) });
    case 'role':
      return phrase('signOffQueue.whoRole', { role: rule.role ? rolePhrase(rule.role) : '' });
    case 'unit-head':
      return phrase('signOffQueue.whoUnitHead');
    case 'measure-verifier':
      return phrase('signOffQueue.whoMeasureVerifier');
    case 'body':
      return phrase('signOffQueue.whoBody', { body: bodies.find((body) => body.id === rule.bodyId)?.name ?? '' });
  }
}

/** The step a sign-off action takes, or (returning) the step the value is waiting for. */
export function stepOf(action: ValueAction, status: ValueStatus | null, chain: SignOffChain): SignOffStep | null {
  if (action === 'verify') return 'verify';
  if (action === 'approve' || action === 'publish') return 'approve';
  if (action === 'return') return status === 'submitted' && chain === 'verify-then-approve' ? 'verify' : 'approve';
  return null;
}

/**
 * A refusal because the person may not take the step, reworded to name the council's rule
 * ("Only the head of the measure’s unit may verify this value: …"); any other refusal unchanged.
 */
export async function namingTheRule(
  db: Db,
  organisationId: string,
  action: ValueAction,
  status: ValueStatus | null,
  error: WorkflowError,
): Promise<WorkflowError> {
  if (error.code !== 'forbidden' || error.rule) return error;
  const settings = await signOffRepo.signOffSettingsFor(db, organisationId);
  const step = stepOf(action, status, settings.chain);
  if (!step) return error;
  const rule = settings.who[step];
  const bodies = rule.who === 'body' ? await signOffRepo.bodiesOf(db, organisationId) : [];
  return {
    ...error,
    message: phraseText('signOffQueue.refused', {
      who: whoPhrase(step, rule, bodies),
      action: actionVerb(action),
      doesStep: doesStep(step),
    }),
  };
}
