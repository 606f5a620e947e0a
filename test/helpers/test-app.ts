import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { inject } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/platform/config.ts';
import type { Deps } from '../../src/container.ts';
import { type Database, openDatabase } from '../../src/platform/db/db.ts';
import { organisations, people, roleAssignments, units } from '../../src/schema.ts';
import type { Role } from '../../src/kernel/access/index.ts';
import type { DeclaredRoute } from '../../src/platform/http/access-control.ts';
import { hash } from '@node-rs/argon2';
import { assembleDeps } from '../../src/container.ts';
import type { DemoCredentials } from '../../src/demo/demo-council.loader.ts';
import { serveAxeScript } from './axe-script.ts';
import { pgliteSnapshot, postgresSnapshot, type SnapshotOptions } from './database-snapshots.ts';
import { refuseUnsaidPhrases } from './unsaid-phrases.ts';

export type DatabaseKind = 'pglite' | 'postgres';

/** What someone can ask of the app: a page, a form post, an API call, each with their session. */
export interface Requests {
  get(url: string): Promise<LightMyRequestResponse>;
  /** A form post as a browser sends it, with the CSRF token added. */
  post(url: string, form?: Record<string, string | string[]>): Promise<LightMyRequestResponse>;
  /** A JSON API call riding on the session (CSRF header added). */
  api(method: InjectOptions['method'], url: string, body?: unknown): Promise<LightMyRequestResponse>;
}

export interface Agent extends Requests {
  personId: string;
  email: string;
  organisationId: string;
  cookie: string;
  csrf: string;
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
  /** What loading the demo council returned, when asked for with `{ demo: true }`; else null. */
  demo: DemoCredentials | null;
  createOrganisation(name: string): Promise<TestOrganisation>;
  /** A new person holding the role (over the unit, or the whole organisation), signed in. */
  as(
    role: Role | null,
    options?: { unitId?: string | null; organisation?: TestOrganisation; partnerId?: string },
  ): Promise<Agent>;
  /** Starts the app on a free loopback port (browser tests), axe-core served beside it, and returns its base URL. */
  listen(): Promise<string>;
  close(): Promise<void>;
}

let counter = 0;
/** Every test person's password. */
export const TEST_PASSWORD = 'correct horse battery staple';
const PASSWORD = TEST_PASSWORD;
let passwordHash: string | undefined;
/**
 * The test people's one password hash, argon2id at the library's lowest cost (1 MiB, one pass): a
 * sign-in reads the cost from the hash, so each of the suite's thousands of sign-ins verifies in
 * half a millisecond instead of sixteen. The production cost (hashPassword's) is checked where the
 * app itself stores a password (security.int.test.ts) and on every demo person's sign-in.
 */
const cheapPasswordHash = () => hash(PASSWORD, { memoryCost: 1024, timeCost: 1, parallelism: 1 });

export function formBody(form: Record<string, string | string[]>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(form)) {
    for (const item of Array.isArray(value) ? value : [value]) params.append(key, item);
  }
  return params.toString();
}

/** Requests to the app carrying the session cookie (none for the public) and its CSRF token. */
export function requestsAs(app: FastifyInstance, cookie: string | null, csrf: string): Requests {
  const headers: { cookie?: string } = cookie ? { cookie } : {};
  return {
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

export interface TestAppOptions {
  /** Now, for the app (and for the demo council's load); the real clock when absent. */
  clock?: () => Date;
  /**
   * Start with the demo council (Ashdown Vale, its people, plans and measures) already loaded, as
   * `loadDemoCouncil` would leave it; `demo` then holds what the load returned (sign in with
   * `demo.password`). Loaded once per run and copied, far quicker than loading it per file.
   */
  demo?: boolean;
}

/**
 * Empty migrated PGlite databases left by files that have finished, emptied again. Starting a PGlite
 * from a dump costs about two seconds of CPU (a 42 MB data folder unpacked into WebAssembly); an
 * emptied one costs a TRUNCATE. The files of a worker run one after another and keep their modules
 * (`isolate: false`), so this list outlives a file and the next one takes from it.
 */
const idlePglite: Database[] = [];
const demoOf = new WeakMap<Database, DemoCredentials | null>();

async function openSnapshot(kind: DatabaseKind, wanted: SnapshotOptions): Promise<Database> {
  const snapshot =
    kind === 'postgres' ? await postgresSnapshot(inject('postgresUrl'), wanted) : await pgliteSnapshot(wanted);
  const database = await openDatabase('url' in snapshot ? { url: snapshot.url } : { loadDataDir: snapshot.dataDir });
  demoOf.set(database, snapshot.demo);
  return database;
}

/**
 * Empties every table (as the migrated snapshot has them: the migrations insert no rows) and keeps
 * the database for the next file; one that cannot be emptied is closed instead.
 */
async function returnToPool(database: Database): Promise<void> {
  try {
    await database.exec(`DO $$
      DECLARE tables text;
      BEGIN
        SELECT string_agg(format('%I.%I', schemaname, tablename), ', ') INTO tables
          FROM pg_tables WHERE schemaname = 'public';
        IF tables IS NOT NULL THEN EXECUTE 'TRUNCATE ' || tables || ' RESTART IDENTITY CASCADE'; END IF;
      END $$;`);
    idlePglite.push(database);
  } catch {
    await database.close();
  }
}

/**
 * The app on its own fresh, migrated database: PGlite in memory, or a new database on the run's
 * PostgreSQL cluster; both copied from a snapshot (test/helpers/database-snapshots.ts).
 */
export async function createTestApp(kind: DatabaseKind = 'pglite', options: TestAppOptions = {}): Promise<TestApp> {
  const wanted = { demo: options.demo ?? false, clock: options.clock };
  const reusable = kind === 'pglite' && !wanted.demo;
  const database = (reusable ? idlePglite.pop() : undefined) ?? (await openSnapshot(kind, wanted));
  const snapshot = { demo: wanted.demo ? demoOf.get(database)! : null };
  const config = loadConfig({ NODE_ENV: 'test', SEED_DEMO: 'false', SESSION_SECRET: 'x'.repeat(40) });
  const clock = options.clock ?? (() => new Date());
  const deps: Deps = assembleDeps(config, database, clock);
  const declaredRoutes: DeclaredRoute[] = [];
  const app = await buildApp(deps, { declaredRoutes });
  refuseUnsaidPhrases(app);
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
    passwordHash ??= await cheapPasswordHash();
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
    return {
      personId: person!.id,
      email,
      organisationId: organisation.id,
      cookie,
      csrf,
      ...requestsAs(app, cookie, csrf),
    };
  }

  return {
    app,
    deps,
    declaredRoutes,
    org,
    demo: snapshot.demo,
    createOrganisation,
    as,
    listen: async () => {
      serveAxeScript(app.server);
      await app.listen({ port: 0, host: '127.0.0.1' });
      const address = app.server.address();
      if (!address || typeof address === 'string') throw new Error('no port');
      return `http://127.0.0.1:${address.port}`;
    },
    close: async () => {
      // A browser keeps connections open after its last page: closing waits for none of them.
      if (app.server.listening) app.server.closeAllConnections();
      await app.close();
      if (reusable) await returnToPool(database);
      else await database.close();
    },
  };
}

/**
 * Which integration files run on which databases. The rule: a file runs on both PGlite and the
 * real PostgreSQL when what it tests goes through SQL whose behaviour could differ between the two
 * engines: repositories and their queries, imports, series triggers, tenancy, line of sight,
 * statuses, locking and concurrency, security, the demo load (`DATABASES`). Tenancy runs on PGlite
 * only: its assertion is about the organisation condition in each query, the same SQL on both. A file that tests
 * page and API behaviour over ordinary reads and writes (forms, redirects, error summaries, what a
 * page lists) runs once, on PGlite (`PAGE_DATABASES`); each such file says so at its top.
 */
export const DATABASES: DatabaseKind[] = ['pglite', 'postgres'];
/** Page and API behaviour that does not depend on the database engine: PGlite only (see above). */
export const PAGE_DATABASES: DatabaseKind[] = ['pglite'];
