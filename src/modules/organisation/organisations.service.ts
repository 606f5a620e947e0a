import { eq, sql } from 'drizzle-orm';
import { phraseText } from '../../kernel/phrase.ts';
import type { OrganisationInput } from './domain/organisation.ts';
import { ok, type Result } from '../../kernel/result.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import { organisations } from '../../platform/tenancy/organisations.schema.ts';
import { people, units } from './data/organisation.schema.ts';
import { roleAssignments } from './data/access.schema.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { hashPassword } from './auth.service.ts';
import { refuse } from '../../platform/services/errors.ts';

/**
 * What a new council needs beyond its own row, root unit and administrator (the default framework),
 * run in the same transaction. A port: later modules fill it in the composition root.
 */
export type SetUpOrganisation = (tx: Db, organisationId: string) => Promise<void>;

export function createOrganisationsService(db: Db, setUpOrganisation: SetUpOrganisation) {
  return {
    async nameOf(organisationId: string): Promise<string | undefined> {
      const [row] = await db
        .select({ name: organisations.name })
        .from(organisations)
        .where(eq(organisations.id, organisationId));
      return row?.name;
    },
    async get(organisationId: string) {
      const [row] = await db.select().from(organisations).where(eq(organisations.id, organisationId));
      return row;
    },
    async isEmpty(): Promise<boolean> {
      const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(organisations);
      return (row?.count ?? 0) === 0;
    },
    /**
     * A new council: the organisation, its top unit, the default framework (which an administrator
     * then changes to fit) and its first administrator, all or nothing.
     */
    async create(input: OrganisationInput): Promise<Result<{ id: string; adminPersonId: string }>> {
      const passwordHash = await hashPassword(input.adminPassword);
      return inTransaction(db, async (tx) => {
        const [existing] = await tx
          .select({ id: organisations.id })
          .from(organisations)
          .where(eq(organisations.slug, input.slug));
        if (existing)
          return refuse('duplicate', phraseText('organisationRefusals.slugTaken', { slug: input.slug }), 'slug');
        const [organisation] = await tx
          .insert(organisations)
          .values({
            slug: input.slug,
            name: input.name,
            type: input.type,
            financialYearStartMonth: input.financialYearStartMonth,
          })
          .returning();
        const organisationId = organisation!.id;
        const [root] = await tx
          .insert(units)
          .values({ organisationId, code: 'COUNCIL', name: input.name, kind: 'council' })
          .returning();
        await setUpOrganisation(tx, organisationId);
        const [admin] = await tx
          .insert(people)
          .values({
            organisationId,
            name: input.adminName,
            email: input.adminEmail,
            unitId: root!.id,
            jobTitle: 'Administrator',
            passwordHash,
          })
          .returning();
        await tx
          .insert(roleAssignments)
          .values({ organisationId, personId: admin!.id, role: 'administrator', unitId: null });
        await recordAudit(tx, {
          organisationId,
          actor: { personId: null, label: phraseText('auditActors.createOrganisationCommand') },
          entityType: 'organisation',
          entityId: organisationId,
          action: 'create',
          newValue: { name: input.name, slug: input.slug, type: input.type, administrator: input.adminEmail },
        });
        return ok({ id: organisationId, adminPersonId: admin!.id });
      });
    },

    async ping(): Promise<boolean> {
      try {
        await db.execute(sql`select 1`);
        return true;
      } catch {
        return false;
      }
    },
  };
}
