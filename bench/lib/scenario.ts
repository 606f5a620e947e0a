import type { BenchContext } from './context.ts';

/** A benchmark: named, run once per `npm run bench`, returning named measurements (ms, counts). */
export interface Scenario {
  name: string;
  description: string;
  run(ctx: BenchContext): Promise<Record<string, number>>;
}
