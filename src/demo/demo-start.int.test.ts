import { describe, expect, inject, it, vi } from 'vitest';
import { runCli } from '../cli/commands.ts';
import { loadConfig } from '../platform/config.ts';
import type { Deps } from '../container.ts';
import { openDatabase } from '../platform/db/db.ts';
import { organisations } from '../schema.ts';
import { DEMO_PASSWORD } from './demo-council.data.ts';
import { demoAtStart, seedDemoCouncilIfEmpty } from './demo-council.seed.ts';
import { parsePublishedPeriod, periodForPublished } from './real-data-reader.ts';
import type { Frequency } from '../kernel/measurement/periods.ts';
import { assembleDeps } from '../container.ts';
import { createDatabase } from '../../test/helpers/postgres-cluster.ts';

/**
 * The demo council's first start, once, on PostgreSQL through `npm run cli`: the load from scratch
 * is the costly part (a quarter of a minute on PGlite), and it is the same code and SQL whichever
 * the database; PGlite loads it from scratch for the test snapshots (test/helpers/database-snapshots.ts,
 * checked in database-snapshots.int.test.ts) whenever the source has changed, as in every CI run.
 */
describe('npm run cli and the demo council at first start', () => {
  const env = (url: string) => ({ NODE_ENV: 'test', DATABASE_URL: url, BASE_URL: 'http://cli.test' });

  it('migrates, seeds an empty database once printing the sign-in details, then does nothing, and refuses unknown commands', async () => {
    const url = await createDatabase(inject('postgresUrl'));
    const printed: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((line: unknown) => void printed.push(String(line)));
    const error = vi.spyOn(console, 'error').mockImplementation((line: unknown) => void printed.push(String(line)));
    try {
      expect(await runCli(['migrate'], env(url))).toBe(0);
      expect(printed.pop()).toBe('Database migrations are up to date.');
      expect(await runCli(['seed-demo'], env(url))).toBe(0);
      // What seedDemoCouncilIfEmpty returned, as the first start prints it.
      const message = printed.pop()!;
      expect(message).toContain('Sign in at http://cli.test/sign-in with the password');
      expect(message).toContain(DEMO_PASSWORD);
      expect(message).toMatch(/rachel\.evans@ashdownvale\.example\s+performance officer/);
      expect(message.split('\n').filter((line) => line.includes('@ashdownvale.example')).length).toBeGreaterThanOrEqual(
        4,
      );
      // Every demo role has an account in the message, the committees and the auditor included.
      for (const role of ['scrutiny committee member', 'audit committee member', 'internal auditor', 'cabinet member'])
        expect(message).toMatch(new RegExp(`@ashdownvale\\.example\\s+${role}`));
      expect(await runCli(['seed-demo'], env(url))).toBe(0);
      expect(printed.pop()).toMatch(/already has an organisation/);
      expect(await runCli(['seed-everything'], env(url))).toBe(1);
      expect(printed).toContain('Unknown command: seed-everything');
      expect(await runCli(['migrate'], { ...env(url), DATABASE_URL: 'mysql://nope' })).toBe(1);
      expect(printed).toContain('Invalid setting DATABASE_URL: must start with postgres:// or postgresql://');
    } finally {
      log.mockRestore();
      error.mockRestore();
    }
    const database = await openDatabase({ url });
    try {
      const config = loadConfig({
        NODE_ENV: 'test',
        BASE_URL: 'http://demo.test:3000',
        SESSION_SECRET: 'x'.repeat(40),
      });
      const clock = () => new Date();
      const deps: Deps = assembleDeps(config, database, clock);
      expect(await seedDemoCouncilIfEmpty(deps)).toBeNull();
      // Every later start in development prints the sign-in details again and loads nothing.
      const again = await demoAtStart(deps);
      expect(again).toContain('The demo council "Ashdown Vale Borough Council" (fictional) is loaded.');
      expect(again).toContain('http://demo.test:3000/sign-in');
      expect(again).toContain(DEMO_PASSWORD);
      expect(again).toMatch(/rachel\.evans@ashdownvale\.example\s+performance officer/);
      expect(await database.db.select().from(organisations)).toHaveLength(1);
      // In production it says nothing: the demo's password is public.
      const production = loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), SEED_DEMO: 'true' });
      expect(await demoAtStart(assembleDeps(production, database, clock))).toBeNull();
    } finally {
      await database.close();
    }
  });
});

describe('published period strings (demo measures)', () => {
  it('reads the real shapes and places them in the measure’s periods', () => {
    const key = (text: string, frequency: Frequency) => {
      const period = periodForPublished(text, frequency);
      return period ? `${period.fyStartYear}/${period.frequency}/${period.index}` : null;
    };
    expect(key('2010/11', 'annual')).toBe('2010/annual/1');
    expect(key('2015-16', 'annual')).toBe('2015/annual/1');
    expect(key('2019', 'annual')).toBe('2019/annual/1'); // calendar 2019 ends in 2019/20
    expect(key('April 2021', 'monthly')).toBe('2021/monthly/1');
    expect(key('January 2022', 'monthly')).toBe('2021/monthly/10');
    expect(key('Jan 2012-Dec 2012', 'annual')).toBe('2012/annual/1');
    expect(key('Apr 2011-Mar 2012', 'annual')).toBe('2011/annual/1');
    expect(key('2021-06-30', 'quarterly')).toBe('2021/quarterly/1');
    expect(key('2020-12-31', 'quarterly')).toBe('2020/quarterly/3');
    // Cannot be placed: pools of several years, a month for an annual measure, nonsense.
    expect(key('2018/19 - 22/23', 'annual')).toBeNull();
    expect(key('2010 - 12', 'annual')).toBeNull();
    expect(key('2010/12', 'annual')).toBeNull();
    expect(key('April 2021', 'annual')).toBeNull();
    expect(key('Smarch 2021', 'monthly')).toBeNull();
    expect(key('2021-02-30', 'quarterly')).toBeNull();
    expect(parsePublishedPeriod('Nov 2015-Nov 2016')).toEqual({ start: '2015-11-01', end: '2016-11-30', months: 13 });
  });
});
