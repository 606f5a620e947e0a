/**
 * Separation of duties in plan approval: a step the framework marks "a different person" must be
 * taken by someone who took no earlier step of this approval round and did not submit the plan.
 * The round is what happened since the plan was last submitted (a return to draft starts a new
 * one). The service reads the plan's events; the decision lives here, pure and tested.
 */

/** A plan event as the rule sees it. */
export interface RoundEvent {
  action: string;
  actorPersonId: string | null;
  stepPosition: number | null;
  stepName: string | null;
  /** Set when the step was a governance body's decision recorded by an officer. */
  minuteReference?: string | null;
  at: Date;
}

export interface StepTaken {
  position: number;
  name: string;
  personId: string | null;
  /** A body's decision recorded by this person (rather than approved by them). */
  recorded: boolean;
}

export interface ApprovalRound {
  submittedBy: string | null;
  submittedAt: Date | null;
  stepsTaken: StepTaken[];
}

/** The current approval round from a plan's events, oldest first. */
export function currentRound(events: readonly RoundEvent[]): ApprovalRound {
  let round: ApprovalRound = { submittedBy: null, submittedAt: null, stepsTaken: [] };
  for (const event of events) {
    if (event.action === 'submitted') {
      round = { submittedBy: event.actorPersonId, submittedAt: event.at, stepsTaken: [] };
    } else if (event.action === 'returned') {
      round = { submittedBy: null, submittedAt: null, stepsTaken: [] };
    } else if (event.action === 'step-approved' && event.stepPosition !== null) {
      round.stepsTaken.push({
        position: event.stepPosition,
        name: event.stepName ?? '',
        personId: event.actorPersonId,
        recorded: (event.minuteReference ?? null) !== null,
      });
    }
  }
  return round;
}

export type SeparationRefusal =
  | { reason: 'took-earlier-step'; earlierStep: string; step: string; recorded: boolean }
  | { reason: 'submitted-plan'; step: string };

/**
 * Why this person may not take the step, or null when the rule does not stand in their way (the
 * step does not ask for a different person, or they have taken no part in this round yet).
 * Someone we cannot identify (no person) cannot be shown to be different, so is refused too.
 */
export function separationRefusal(
  step: { name: string; position: number; distinctPerson: boolean },
  personId: string | null,
  round: ApprovalRound,
): SeparationRefusal | null {
  if (!step.distinctPerson) return null;
  const earlier = round.stepsTaken.find(
    (taken) => taken.position < step.position && (personId === null || taken.personId === personId),
  );
  if (earlier)
    return { reason: 'took-earlier-step', earlierStep: earlier.name, step: step.name, recorded: earlier.recorded };
  if (personId === null || round.submittedBy === personId) return { reason: 'submitted-plan', step: step.name };
  return null;
}
