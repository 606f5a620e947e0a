/**
 * The demo council's plans as the app makes them: items with their partners and contribution links,
 * the approval history on the data's dates by the people who take each step, and later versions
 * (amendments and roll-forwards) copied and changed as the plans service does. Used by
 * demo-council.loader.ts inside its transaction.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Role } from '../kernel/access/index.ts';
import { addDays } from '../kernel/calendar-days.ts';
import { effectiveFrom } from '../modules/plans/domain/period.ts';
import type { Db } from '../platform/db/db.ts';
import type { PlanTypeDetail } from '../modules/framework/data/framework.repository.ts';
import { copyPlanContents } from '../modules/plans/data/plan-versions.repository.ts';
import { contributionLinks, planEvents, planItemPartners, planItems, plans } from '../modules/plans/index.ts';
import { type DemoApproval, type DemoCouncil, type DemoItem, type DemoPlanVersion } from './demo-council.data.ts';
import { DemoCouncilError } from './demo-council.error.ts';

export type PlanRow = typeof plans.$inferInsert & { id: string };
type ItemRow = typeof planItems.$inferInsert & { id: string };
type LinkRow = typeof contributionLinks.$inferInsert;
export type EventRow = typeof planEvents.$inferInsert;

export interface VersionContext {
  planRows: PlanRow[];
  events: EventRow[];
  items: ItemBuilder;
  typeOf: (key: string, where: string) => PlanTypeDetail;
  planId: (key: string, where: string) => string;
  personId: (key: string, where: string) => string;
  approvers: Approvers;
  council: DemoCouncil;
}

/**
 * A new version made as the app makes one (plans service + copyPlanContents): a new plan row in the
 * same lineage, the items copied with their partners and links, then the version's own changes.
 * An approved amendment supersedes the version it follows.
 */
export async function addVersion(
  tx: Db,
  organisationId: string,
  version: DemoPlanVersion,
  context: VersionContext,
): Promise<void> {
  const where = `version ${version.key}`;
  const sourceId = context.planId(version.of, where);
  const source = context.planRows.find((row) => row.id === sourceId);
  const sourcePlan = context.council.plans.find((plan) => plan.key === version.of);
  if (!source || !sourcePlan) {
    throw new DemoCouncilError(`Demo data: ${where} follows ${version.of}, which is not an original plan`);
  }
  const type = context.typeOf(sourcePlan.type, where);
  const id = context.planId(version.key, 'versions');
  const lineage = context.planRows.filter((row) => row.lineageId === source.lineageId);
  const number = Math.max(...lineage.map((row) => row.version ?? 1)) + 1;
  const periodStart = version.periodStart ?? source.periodStart;
  const createdAt = timeOn(version.created, 0);
  const row: PlanRow = {
    id,
    organisationId,
    lineageId: source.lineageId,
    version: number,
    versionKind: version.kind,
    versionReason: version.reason,
    previousVersionId: source.id,
    planTypeId: source.planTypeId,
    parentPlanId: source.parentPlanId ?? null,
    title: version.title ?? source.title,
    periodStart,
    periodEnd: version.periodEnd ?? source.periodEnd,
    owningUnitId: source.owningUnitId,
    ownerPersonId: source.ownerPersonId ?? null,
    sections: checkedSections({ ...(source.sections ?? {}), ...(version.sections ?? {}) }, type, version.key),
    status: 'draft',
    createdAt,
    updatedAt: createdAt,
  };
  await tx.insert(plans).values(row);
  context.planRows.push(row);
  await copyPlanContents(tx, organisationId, source.id, id);

  const owner = context.personId(sourcePlan.owner, where);
  const started = version.kind === 'amendment' ? 'Amendment' : 'Roll forward';
  const because = `: ${version.reason}`;
  context.events.push(
    {
      ...at(organisationId, id, version.created, 1, owner, ''),
      action: version.kind === 'amendment' ? 'amendment-started' : 'roll-forward-started',
      comment: `${started} of version ${source.version ?? 1}${because}`,
    },
    {
      ...at(organisationId, source.id, version.created, 1, owner, ''),
      action: version.kind === 'amendment' ? 'amended' : 'rolled-forward',
      comment: `Version ${number} started${because}`,
    },
  );

  // The version's own changes, made while it is a draft.
  const copies = await tx
    .select({ id: planItems.id, code: planItems.code })
    .from(planItems)
    .where(and(eq(planItems.organisationId, organisationId), eq(planItems.planId, id)));
  const copyIds = new Map(copies.map((copy) => [copy.code, copy.id]));
  context.items.registerCopies(version.key, copyIds);
  for (const [code, title] of Object.entries(version.retitle ?? {})) {
    const updated = await tx
      .update(planItems)
      .set({ title })
      .where(and(eq(planItems.planId, id), eq(planItems.code, code)))
      .returning({ id: planItems.id });
    if (updated.length !== 1)
      throw new DemoCouncilError(`Demo data: ${where} retitles ${code}, which ${version.of} lacks`);
  }
  if (version.addItems && version.addItems.length > 0) {
    for (const addition of version.addItems) {
      const parentId = addition.parent === null ? null : copyIds.get(addition.parent);
      if (parentId === undefined) {
        throw new DemoCouncilError(`Demo data: ${where} adds an item under ${addition.parent}, which it lacks`);
      }
      context.items.addPlan(version.key, id, type, [addition.item], parentId, copies.length);
    }
    await context.items.write(tx);
  }

  if (!version.approval) return;
  const approved = approvalHistory(
    organisationId,
    id,
    sourcePlan.owner,
    sourcePlan.unit,
    version.approval,
    type,
    context.approvers,
    version.key,
  );
  const from = effectiveFrom(approved.date, periodStart);
  context.events.push(...approved.events, {
    ...approvedEvent(organisationId, id, approved.at, approved.lastActor),
    comment: `In force from ${from}`,
  });
  await tx
    .update(plans)
    .set({ status: 'approved', approvedAt: approved.at, effectiveFrom: from, updatedAt: approved.at })
    .where(eq(plans.id, id));
  if (version.kind !== 'amendment') return;
  // The approved amendment replaces the version in force.
  await tx
    .update(plans)
    .set({ status: 'superseded', effectiveTo: from, updatedAt: approved.at })
    .where(eq(plans.id, source.id));
  source.status = 'superseded';
  context.events.push({
    ...approvedEvent(organisationId, source.id, new Date(approved.at.getTime() + 60_000), approved.lastActor),
    action: 'superseded',
    comment: `Superseded by version ${number}`,
  });
}

/** Plan items, their partners and links, collected per plan and written in bulk. */
export class ItemBuilder {
  private readonly ids = new Map<string, string>();
  private rows: ItemRow[] = [];
  private partnerRows: (typeof planItemPartners.$inferInsert)[] = [];
  private pendingLinks: { fromId: string; to: string; kind: LinkRow['kind']; where: string }[] = [];
  count = 0;
  linkCount = 0;

  constructor(
    private readonly organisationId: string,
    private readonly itemTypeIds: Record<string, string>,
    private readonly personId: (key: string, where: string) => string,
    private readonly unitId: (code: string, where: string) => string,
    private readonly partnerId: (key: string, where: string) => string,
  ) {}

  /** Items already in the database (copies made for a new version), so links can refer to them. */
  registerCopies(planKey: string, codes: Map<string, string>): void {
    for (const [code, id] of codes) this.ids.set(`${planKey}:${code}`, id);
  }

  addPlan(
    planKey: string,
    planId: string,
    type: PlanTypeDetail,
    items: DemoItem[],
    parentId: string | null = null,
    firstPosition = 0,
  ): void {
    const walk = (list: DemoItem[], parent: string | null, offset: number) => {
      list.forEach((item, index) => {
        const where = `item ${planKey}:${item.code}`;
        const ref = `${planKey}:${item.code}`;
        if (this.ids.has(ref)) throw new DemoCouncilError(`Demo data: two items are called ${ref}`);
        const itemTypeId = this.itemTypeIds[item.type];
        if (!itemTypeId || !type.itemTypeIds.includes(itemTypeId)) {
          throw new DemoCouncilError(`Demo data: ${where} is a ${item.type}, which a ${type.name} cannot hold`);
        }
        const links = item.links ?? [];
        if (parent === null && type.level > 1 && links.length === 0) {
          throw new DemoCouncilError(`Demo data: ${where} has no parent and contributes to nothing`);
        }
        const id = randomUUID();
        this.ids.set(ref, id);
        this.rows.push({
          id,
          organisationId: this.organisationId,
          planId,
          parentItemId: parent,
          itemTypeId,
          code: item.code,
          title: item.title,
          description: item.description ?? '',
          ownerPersonId: item.owner === undefined ? null : this.personId(item.owner, where),
          ownerUnitId: item.unit === undefined ? null : this.unitId(item.unit, where),
          throughPartnership: (item.partners ?? []).length > 0,
          position: offset + index,
        });
        for (const partner of item.partners ?? []) {
          this.partnerRows.push({
            organisationId: this.organisationId,
            itemId: id,
            partnerId: this.partnerId(partner, where),
          });
        }
        for (const link of links) this.pendingLinks.push({ fromId: id, to: link.to, kind: link.kind, where });
        walk(item.children ?? [], id, 0);
      });
    };
    walk(items, parentId, firstPosition);
  }

  /** Writes what has been added since the last write; links may point at any item known so far. */
  async write(tx: Db): Promise<void> {
    const links: LinkRow[] = this.pendingLinks.map((link) => {
      const toItemId = this.ids.get(link.to);
      if (!toItemId)
        throw new DemoCouncilError(`Demo data: ${link.where} contributes to ${link.to}, which does not exist`);
      return { organisationId: this.organisationId, fromItemId: link.fromId, toItemId, kind: link.kind };
    });
    if (this.rows.length > 0) await tx.insert(planItems).values(this.rows);
    if (this.partnerRows.length > 0) await tx.insert(planItemPartners).values(this.partnerRows);
    if (links.length > 0) await tx.insert(contributionLinks).values(links);
    this.count += this.rows.length;
    this.linkCount += links.length;
    this.rows = [];
    this.partnerRows = [];
    this.pendingLinks = [];
  }
}

/** Who takes each kind of approval step: the owner, the nearest holder of a role, a body's chair. */
export class Approvers {
  private readonly parents = new Map<string, string | null>();
  private readonly holders = new Map<string, string[]>();
  private readonly members = new Map<string, string[]>();

  constructor(
    council: DemoCouncil,
    private readonly bodyIds: Record<string, string>,
    readonly person: (key: string, where: string) => string,
  ) {
    for (const unit of council.units) this.parents.set(unit.code, unit.parent);
    for (const person of council.people) {
      for (const grant of person.roles) {
        const key = `${grant.role}@${grant.unit ?? ''}`;
        this.holders.set(key, [...(this.holders.get(key) ?? []), person.key]);
      }
    }
    const order = { chair: 0, 'vice-chair': 1, member: 2 } as const;
    const sorted = [...council.memberships].sort((a, b) => order[a.role] - order[b.role]);
    for (const membership of sorted) {
      const bodyId = this.bodyIds[membership.body];
      if (bodyId) this.members.set(bodyId, [...(this.members.get(bodyId) ?? []), membership.person]);
    }
  }

  /** Someone other than the owner holding the role at the unit or above (grants inherit downwards). */
  holderOf(role: Role, unit: string, owner: string, where: string): string {
    const scopes: string[] = [];
    for (let code: string | null | undefined = unit; code; code = this.parents.get(code)) scopes.push(code);
    scopes.push('');
    for (const scope of scopes) {
      const holder = (this.holders.get(`${role}@${scope}`) ?? []).find((key) => key !== owner);
      if (holder) return this.person(holder, where);
    }
    throw new DemoCouncilError(
      `Demo data: nobody but the owner holds the ${role} role over ${unit} to approve ${where}`,
    );
  }

  /** The body's chair (or first member) records its decision. */
  memberOf(bodyId: string, where: string): string {
    const member = this.members.get(bodyId)?.[0];
    if (!member) throw new DemoCouncilError(`Demo data: the body approving ${where} has no members`);
    return this.person(member, where);
  }
}

/** submitted → each approval step → approved, on the data's dates, by the people who take them. */
export function approvalHistory(
  organisationId: string,
  planId: string,
  ownerKey: string,
  unit: string,
  approval: DemoApproval,
  type: PlanTypeDetail,
  approvers: Approvers,
  where: string,
): { events: EventRow[]; at: Date; date: string; lastActor: string } {
  const steps = [...type.approvalSteps].sort((a, b) => a.position - b.position);
  if (approval.steps.length > steps.length) {
    throw new DemoCouncilError(
      `Demo data: plan ${where} gives ${approval.steps.length} approval dates but a ${type.name} has ${steps.length} steps`,
    );
  }
  const ownerId = approvers.person(ownerKey, where);
  const events: EventRow[] = [{ ...at(organisationId, planId, approval.submitted, 1, ownerId, 'submitted') }];
  let date = approval.submitted;
  let lastActor = ownerId;
  steps.forEach((step, index) => {
    date = approval.steps[index] ?? addDays(date, 7);
    const actor =
      step.kind === 'owner'
        ? ownerId
        : step.kind === 'role' && step.role
          ? approvers.holderOf(step.role, unit, ownerKey, where)
          : step.bodyId
            ? approvers.memberOf(step.bodyId, where)
            : ownerId;
    lastActor = actor;
    events.push({
      ...at(organisationId, planId, date, 2 + index, actor, 'step-approved'),
      stepPosition: step.position,
      stepName: step.name,
      comment: step.kind === 'body' ? `Agreed at the meeting of ${step.bodyName ?? 'the body'}` : '',
      // A body's step records the body's decision: the meeting's date and its minute.
      ...(step.kind === 'body' ? { decisionDate: date, minuteReference: `Minute ${2 + index} of ${date}` } : {}),
    });
  });
  const last = events[events.length - 1]!.at as Date;
  return { events, at: new Date(last.getTime() + 60_000), date, lastActor };
}

export function approvedEvent(organisationId: string, planId: string, when: Date, actor: string): EventRow {
  return { organisationId, planId, at: when, actorPersonId: actor, action: 'approved', comment: '' };
}

/** 09:00 UTC on the date plus `slot` quarter-hours, so that same-day events keep their order. */
export function timeOn(date: string, slot: number): Date {
  const when = new Date(Date.parse(`${date}T09:00:00Z`) + slot * 15 * 60_000);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(when.getTime())) {
    throw new DemoCouncilError(`Demo data: "${date}" is not a date`);
  }
  return when;
}

export function at(
  organisationId: string,
  planId: string,
  date: string,
  slot: number,
  actor: string | null,
  action: string,
): EventRow & { at: Date } {
  return { organisationId, planId, at: timeOn(date, slot), actorPersonId: actor, action, comment: '' };
}

export function checkedSections(
  sections: Record<string, string>,
  type: PlanTypeDetail,
  where: string,
): Record<string, string> {
  const known = new Set(type.templateSections.map((section) => section.key));
  for (const key of Object.keys(sections)) {
    if (!known.has(key))
      throw new DemoCouncilError(`Demo data: plan ${where} fills section "${key}", which a ${type.name} lacks`);
  }
  return sections;
}
