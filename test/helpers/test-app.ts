import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { inject } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/platform/config.ts';
import type { Deps } from '../../src/container.ts';
import { openDatabase } from '../../src/platform/db/db.ts';
import { organisations, people, roleAssignments, units } from '../../src/schema.ts';
import type { Role } from '../../src/kernel/access/index.ts';
import type { DeclaredRoute } from '../../src/platform/http/access-control.ts';
import { hashPassword } from '../../src/modules/organisation/auth.service.ts';
import { assembleDeps } from '../../src/container.ts';
import { createDatabase } from './postgres-cluster.ts';

export type DatabaseKind = 'pglite' | 'postgres';

export interface Agent {
  personId: string;
  email: string;
  organisationId: string;
  cookie: string;
  csrf: string;
  get(url: string): Promise<LightMyRequestResponse>;
  /** A form post as a browser sends it, with the CSRF token added. */
  post(url: string, form?: Record<string, string | string[]>): Promise<LightMyRequestResponse>;
  /** A JSON API call riding on the session (CSRF header added). */
  api(method: InjectOptions['method'], url: string, body?: unknown): Promise<LightMyRequestResponse>;
}

export interface TestOrganisation {
  id: string;
  rootUnitId: string;
}

export interface TestApp {
  app: FastifyInstance;
  deps: Deps;
  declaredRoutes: DeclaredRoute[];
  org: TestOrganisation;
  createOrganisation(name: string): Promise<TestOrganisation>;
  /** A new person holding the role (over the unit, or the whole organisation), signed in. */
  as(
    role: Role | null,
    options?: { unitId?: string | null; organisation?: TestOrganisation; partnerId?: string },
  ): Promise<Agent>;
  /** Starts the app on a free loopback port (browser tests) and returns its base URL. */
  listen(): Promise<string>;
  close(): Promise<void>;
}

let counter = 0;
/** Every test person's password. */
export const TEST_PASSWORD = 'correct horse battery staple';
const PASSWORD = TEST_PASSWORD;
let passwordHash: string | undefined;

export function formBody(form: Record<string, string | string[]>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(form)) {
    for (const item of Array.isArray(value) ? value : [value]) params.append(key, item);
  }
  return params.toString();
}

/**
 * A migrated PGlite dumped once per set of migrations and loaded by each test file: loading a
 * dump takes a fraction of the time of running every migration again.
 */
async function migratedPgliteTemplate(): Promise<Blob> {
  const folder = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'platform', 'db', 'migrations');
  const hash = createHash('sha256');
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.sql')).sort()) {
    hash.update(file).update(readFileSync(path.join(folder, file)));
  }
  const cached = path.join(os.tmpdir(), `golden-thread-pglite-${hash.digest('hex').slice(0, 16)}.tar`);
  if (existsSync(cached)) return new Blob([readFileSync(cached)]);
  const database = await openDatabase({});
  const dump = await database.dump!();
  await database.close();
  const bytes = Buffer.from(await dump.arrayBuffer());
  const temporary = `${cached}.${process.pid}.tmp`;
  writeFileSync(temporary, bytes);
  renameSync(temporary, cached);
  return new Blob([bytes]);
}

/** The app on a fresh, migrated database (PGlite in memory, or a new database on the test cluster). */
export async function createTestApp(
  kind: DatabaseKind = 'pglite',
  options: { clock?: () => Date } = {},
): Promise<TestApp> {
  const url = kind === 'postgres' ? await createDatabase(inject('postgresUrl')) : undefined;
  const database = await openDatabase(url ? { url } : { loadDataDir: await migratedPgliteTemplate() });
  const config = loadConfig({ NODE_ENV: 'test', SEED_DEMO: 'false', SESSION_SECRET: 'x'.repeat(40) });
  const clock = options.clock ?? (() => new Date());
  const deps: Deps = assembleDeps(config, database, clock);
  const declaredRoutes: DeclaredRoute[] = [];
  const app = await buildApp(deps, { declaredRoutes });
  await app.ready();
  const db = database.db;

  async function createOrganisation(name: string): Promise<TestOrganisation> {
    counter += 1;
    const [org] = await db
      .insert(organisations)
      .values({ slug: `org-${counter}-${Date.now()}`, name, type: 'London borough' })
      .returning();
    const [root] = await db
      .insert(units)
      .values({ organisationId: org!.id, code: 'COUNCIL', name, kind: 'council' })
      .returning();
    return { id: org!.id, rootUnitId: root!.id };
  }

  const org = await createOrganisation('Test Borough Council');

  async function signIn(email: string): Promise<{ cookie: string; csrf: string }> {
    const result = await deps.services.auth.signIn(email, PASSWORD);
    if (!result) throw new Error(`could not sign in ${email}`);
    return { cookie: `gt_session=${result.token}`, csrf: result.session.csrfToken };
  }

  async function as(
    role: Role | null,
    opts: { unitId?: string | null; organisation?: TestOrganisation; partnerId?: string } = {},
  ): Promise<Agent> {
    counter += 1;
    const organisation = opts.organisation ?? org;
    passwordHash ??= await hashPassword(PASSWORD);
    const email = `${role ?? 'nobody'}-${counter}@test.example`;
    const [person] = await db
      .insert(people)
      .values({
        organisationId: organisation.id,
        name: `${role ?? 'Nobody'} ${counter}`,
        email,
        passwordHash,
        unitId: organisation.rootUnitId,
        partnerId: opts.partnerId ?? null,
      })
      .returning();
    if (role) {
      await db
        .insert(roleAssignments)
        .values({ organisationId: organisation.id, personId: person!.id, role, unitId: opts.unitId ?? null });
    }
    const { cookie, csrf } = await signIn(email);
    const headers = { cookie };
    return {
      personId: person!.id,
      email,
      organisationId: organisation.id,
      cookie,
      csrf,
      get: (url) => app.inject({ method: 'GET', url, headers }),
      post: (url, form = {}) =>
        app.inject({
          method: 'POST',
          url,
          headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
          payload: formBody({ _csrf: csrf, ...form }),
        }),
      api: (method, url, body) =>
        app.inject({
          method,
          url,
          headers: {
            ...headers,
            'x-csrf-token': csrf,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
        }),
    };
  }

  return {
    app,
    deps,
    declaredRoutes,
    org,
    createOrganisation,
    as,
    listen: async () => {
      await app.listen({ port: 0, host: '127.0.0.1' });
      const address = app.server.address();
      if (!address || typeof address === 'string') throw new Error('no port');
      return `http://127.0.0.1:${address.port}`;
    },
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/** Runs the same suite on PGlite and on the real PostgreSQL cluster. */
export const DATABASES: DatabaseKind[] = ['pglite', 'postgres'];
