/**
 * Remembering each measure's forecast choice. The rolling back-test that chooses the method and
 * sizes its error is most of the engine's time, and its answer depends only on its inputs: the
 * measure's official history, the horizons still to forecast, the bounds, the rule and the
 * interval level. So the choice is stored with a key made from those inputs, and chosen again
 * only when the key changes (a new or corrected official value, a new period, a changed range).
 * A remembered choice refits only the chosen method, so its forecast is the one choosing again
 * would give, figure for figure.
 */
import type { BackTestNeed } from './forecast-backtest.ts';
import { choose, fittedRuns, type Chosen, type Histories } from './forecast-choice.ts';
import type { DenseSeries, ModelMethod } from './forecast-methods.ts';

/** What a choice leaves to remember: everything but the fitted runs, which are cheap to refit. */
export interface RememberedChoice {
  method: ModelMethod;
  basis: 'back-test' | 'short-history';
  spread: number | null;
  origins: number;
  meanAbsoluteError: Partial<Record<ModelMethod, number>>;
  /** The chance of meeting the target is taken from naive's outturn (forecast-choice.ts). */
  probabilityFromNaive: boolean;
}

/** Where a measure's choices are kept between runs: the engine asks, and tells what it chose. */
export interface ForecastChoiceMemory {
  recall(inputsKey: string): RememberedChoice | undefined;
  remember(inputsKey: string, choice: RememberedChoice): void;
}

/** Two 32-bit FNV-1a hashes (different offsets) of a series' exact bits: 64 bits against collisions. */
function hashSeries(series: DenseSeries | null): string {
  if (series === null) return '-';
  const words = new Uint32Array(series.values.buffer, series.values.byteOffset, series.values.length * 2);
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ words.length;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    a = Math.imul(a ^ w, 0x01000193) >>> 0;
    b = Math.imul(b ^ ((w << 7) | (w >>> 25)), 0x01000193) >>> 0;
  }
  return `${series.first}:${series.values.length}:${a.toString(36)}.${b.toString(36)}`;
}

/** Everything besides the histories that the choice depends on. */
interface ChoiceSetting {
  rule: string;
  /** The ordinal of the reporting period: which of the year's values are known and still to come. */
  lastOrdinal: number;
  latestOrigin: number;
  periodsPerYear: number;
  scale: number;
  level: number;
}

/** The key of a choice's inputs: equal keys, equal choice. */
function choiceInputsKey(histories: Histories, need: BackTestNeed, setting: ChoiceSetting): string {
  const bounds = `${need.pathBounds.lower ?? ''}~${need.pathBounds.upper ?? ''}`;
  return [
    'v1',
    setting.rule,
    setting.lastOrdinal,
    setting.latestOrigin,
    setting.periodsPerYear,
    setting.scale,
    setting.level,
    bounds,
    need.horizons.join('.'),
    hashSeries(histories.primary),
    hashSeries(histories.denominator),
  ].join('|');
}

const remembered = (chosen: Chosen): RememberedChoice => ({
  method: chosen.method,
  basis: chosen.basis,
  spread: chosen.spread,
  origins: chosen.origins,
  meanAbsoluteError: chosen.meanAbsoluteError,
  probabilityFromNaive: chosen.probabilityFrom !== null,
});

/**
 * The choice for these inputs: the remembered one when its key matches, refitted; otherwise chosen
 * by the back-test and remembered. A forced method (the benchmark's) is never remembered.
 */
export function chooseRemembering(
  memory: ForecastChoiceMemory | undefined,
  histories: Histories,
  need: BackTestNeed,
  setting: ChoiceSetting,
  forced: ModelMethod | undefined,
): Chosen {
  const { latestOrigin, periodsPerYear: m, scale, level } = setting;
  if (!memory || forced !== undefined) return choose(histories, need, latestOrigin, m, forced, scale, level);
  const key = choiceInputsKey(histories, need, setting);
  const known = memory.recall(key);
  if (known) {
    const runs = fittedRuns(known.method, histories, m);
    const naive = known.probabilityFromNaive ? fittedRuns('naive', histories, m) : null;
    if (runs && (!known.probabilityFromNaive || naive)) {
      return {
        method: known.method,
        basis: known.basis,
        runs,
        spread: known.spread,
        origins: known.origins,
        meanAbsoluteError: known.meanAbsoluteError,
        probabilityFrom: naive,
      };
    }
  }
  const chosen = choose(histories, need, latestOrigin, m, undefined, scale, level);
  memory.remember(key, remembered(chosen));
  return chosen;
}

/** A memory held in a map (tests, and one process's work): keys by measure are the caller's. */
export function mapMemory(store: Map<string, RememberedChoice> = new Map()): ForecastChoiceMemory & {
  store: Map<string, RememberedChoice>;
} {
  return { store, recall: (key) => store.get(key), remember: (key, choice) => void store.set(key, choice) };
}
