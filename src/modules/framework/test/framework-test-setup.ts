/**
 * Shared setup of the framework's integration tests: an app with the default framework installed,
 * signed in as an administrator, and the API helpers the tests build requests with.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { auditEvents, planTypes } from '../../../schema.ts';
import { installDefaultFramework, type InstalledFramework } from '../data/default-framework.seed.ts';
import { createTestApp, type Agent, type DatabaseKind, type TestApp } from '../../../../test/helpers/test-app.ts';

export interface PlanTypeJson {
  id: string;
  key: string;
  name: string;
  level: number;
  active: boolean;
  parentTypeIds: string[];
  itemTypeIds: string[];
  templateSections: { key: string; title: string; hint: string }[];
  approvalSteps: {
    id: string;
    position: number;
    name: string;
    kind: string;
    role: string | null;
    bodyId: string | null;
    bodyName: string | null;
  }[];
}

export interface FrameworkApp {
  t: TestApp;
  installed: InstalledFramework;
  admin: Agent;
}

/** A fresh app with the default framework installed, and an administrator signed in. */
export async function startFrameworkApp(kind: DatabaseKind): Promise<FrameworkApp> {
  const t = await createTestApp(kind);
  const installed = await t.deps.database.db.transaction(async (tx) => installDefaultFramework(tx as never, t.org.id));
  return { t, installed, admin: await t.as('administrator') };
}

/** The helpers over the app the file started (read when called, so after `beforeAll`). */
export function frameworkHelpers(current: () => FrameworkApp) {
  const db = () => current().t.deps.database.db;
  const auditCount = async () => (await db().select().from(auditEvents)).length;
  const planTypeCount = async (organisationId = current().t.org.id) =>
    (await db().select().from(planTypes).where(eq(planTypes.organisationId, organisationId))).length;

  /** A body for a new plan type, over the API. */
  function newType(overrides: Record<string, unknown> = {}) {
    const { installed } = current();
    return {
      key: `type-${randomUUID().slice(0, 8)}`,
      name: `Type ${randomUUID().slice(0, 8)}`,
      level: 5,
      description: '',
      active: true,
      parentTypeIds: [installed.planTypes['service-plan']],
      itemTypeIds: [installed.itemTypes['action']],
      ...overrides,
    };
  }

  async function getType(id: string): Promise<PlanTypeJson> {
    const response = await current().admin.api('GET', `/api/v1/plan-types/${id}`);
    expect(response.statusCode).toBe(200);
    return response.json<PlanTypeJson>();
  }

  /** PUT body keeping everything of the type as it is, with the overrides. */
  async function putBody(id: string, overrides: Record<string, unknown> = {}) {
    const current = await getType(id);
    return {
      key: current.key,
      name: current.name,
      level: current.level,
      description: '',
      active: current.active,
      parentTypeIds: current.parentTypeIds,
      itemTypeIds: current.itemTypeIds,
      ...overrides,
    };
  }

  return { db, auditCount, planTypeCount, newType, getType, putBody };
}
