/**
 * The three forecasting models. Each takes observations by period ordinal (consecutive periods
 * differ by 1) and the ordinals to forecast, and returns the forecasts with a way to compute the
 * variance of any weighted sum of their errors — which is what a year-end outturn is (a sum, an
 * average, or a single period). Errors of one model are correlated across periods (a level that
 * is estimated too high is too high in every month), so the variances are computed from each
 * model's own error structure rather than by adding independent errors.
 */

export interface Observation {
  ordinal: number;
  value: number;
}

export interface ModelForecast {
  means: number[];
  /** Residual standard deviation of one period; null when it cannot be estimated. */
  sigma: number | null;
  /** Variance of Σ wₖ·errorₖ over the forecast ordinals; null when sigma is unknown. */
  variance(weights: readonly number[]): number | null;
  /** Words describing the fitted model, e.g. its parameters. */
  detail: string;
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

// -----------------------------------------------------------------------------------------------
// Linear trend: ordinary least squares on the observations given.
// -----------------------------------------------------------------------------------------------

export function forecastLinearTrend(history: readonly Observation[], targets: readonly number[]): ModelForecast | null {
  const n = history.length;
  if (n < 3) return null;
  const tBar = sum(history.map((o) => o.ordinal)) / n;
  const yBar = sum(history.map((o) => o.value)) / n;
  let sxx = 0;
  let sxy = 0;
  for (const o of history) {
    sxx += (o.ordinal - tBar) ** 2;
    sxy += (o.ordinal - tBar) * (o.value - yBar);
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  let sse = 0;
  for (const o of history) sse += (o.value - (yBar + slope * (o.ordinal - tBar))) ** 2;
  const sigma = Math.sqrt(sse / (n - 2));
  const means = targets.map((t) => yBar + slope * (t - tBar));
  return {
    means,
    sigma,
    // Each error = new noise − (error in the mean) − (error in the slope) × (t − t̄); the mean and
    // slope estimates are uncorrelated because t is centred.
    variance: (w) => {
      let sumW2 = 0;
      let sumW = 0;
      let sumWt = 0;
      for (let k = 0; k < targets.length; k++) {
        const wk = w[k] ?? 0;
        sumW2 += wk * wk;
        sumW += wk;
        sumWt += wk * ((targets[k] as number) - tBar);
      }
      return sigma * sigma * (sumW2 + (sumW * sumW) / n + (sumWt * sumWt) / sxx);
    },
    detail: `slope ${slope.toPrecision(3)} a period`,
  };
}

// -----------------------------------------------------------------------------------------------
// Seasonal profile: each period's usual difference from its year's average, from complete
// previous years, added to this year's level estimated from the periods so far.
// -----------------------------------------------------------------------------------------------

export interface SeasonalProfileOptions {
  periodsPerYear: number;
  /** Financial year (start year) being forecast. */
  year: number;
  /** How many previous years to look back for complete years (default 3). */
  lookbackYears?: number;
}

export interface SeasonalProfileFit extends ModelForecast {
  yearsUsed: number[];
  periodsThisYear: number;
}

export function forecastSeasonalProfile(
  history: readonly Observation[],
  targets: readonly number[],
  options: SeasonalProfileOptions,
): SeasonalProfileFit | null {
  const m = options.periodsPerYear;
  if (m < 2) return null;
  const byOrdinal = new Map(history.map((o) => [o.ordinal, o.value] as const));
  const yearValues = (year: number): number[] | null => {
    const values: number[] = [];
    for (let i = 0; i < m; i++) {
      const v = byOrdinal.get(year * m + i);
      if (v === undefined) return null;
      values.push(v);
    }
    return values;
  };

  const years: { year: number; values: number[]; mean: number }[] = [];
  for (let y = options.year - 1; y >= options.year - (options.lookbackYears ?? 3); y--) {
    const values = yearValues(y);
    if (values) years.push({ year: y, values, mean: sum(values) / m });
  }
  if (years.length === 0) return null;

  const profile = Array.from(
    { length: m },
    (_, i) => sum(years.map((y) => (y.values[i] as number) - y.mean)) / years.length,
  );
  const position = (ordinal: number) => ((ordinal % m) + m) % m;

  const thisYear = history.filter((o) => Math.floor(o.ordinal / m) === options.year);
  const latestYear = years[0] as { mean: number };
  const level =
    thisYear.length > 0
      ? sum(thisYear.map((o) => o.value - (profile[position(o.ordinal)] as number))) / thisYear.length
      : latestYear.mean;
  // With no data yet this year the level is last year's average, estimated from m periods.
  const levelFrom = thisYear.length > 0 ? thisYear.length : m;

  let ss = 0;
  let df = 0;
  for (const y of years) {
    y.values.forEach((v, i) => (ss += (v - y.mean - (profile[i] as number)) ** 2));
  }
  df += (years.length - 1) * (m - 1);
  for (const o of thisYear) ss += (o.value - level - (profile[position(o.ordinal)] as number)) ** 2;
  df += Math.max(0, thisYear.length - 1);
  const sigma = df > 0 ? Math.sqrt(ss / df) : null;

  return {
    means: targets.map((t) => level + (profile[position(t)] as number)),
    sigma,
    // Each error = new noise + the common error of the level (the profile's own error is ignored).
    variance: (w) => {
      if (sigma === null) return null;
      let sumW = 0;
      let sumW2 = 0;
      for (let k = 0; k < targets.length; k++) {
        const wk = w[k] ?? 0;
        sumW += wk;
        sumW2 += wk * wk;
      }
      return sigma * sigma * (sumW2 + (sumW * sumW) / levelFrom);
    },
    detail: `profile from ${years.length} previous year${years.length === 1 ? '' : 's'}`,
    yearsUsed: years.map((y) => y.year).reverse(),
    periodsThisYear: thisYear.length,
  };
}

// -----------------------------------------------------------------------------------------------
// Holt–Winters, additive seasonality: level, trend and seasonal pattern updated each period.
// Parameters from a small fixed grid, chosen by the in-sample one-step-ahead squared error.
// -----------------------------------------------------------------------------------------------

export const HOLT_WINTERS_GRID = {
  alpha: [0.1, 0.3, 0.5, 0.8],
  beta: [0, 0.1],
  gamma: [0.1, 0.3],
} as const;

/** Older history adds little to a model that discounts the past, and costs time. */
export const HOLT_WINTERS_MAX_HISTORY_YEARS = 5;

interface HoltWintersStart {
  level: number;
  trend: number;
  seasonal: number[];
}

/**
 * The usual simple start: level = first season's mean, trend = change between the first two
 * seasons' means per period, seasonal = first season's deviations from its mean.
 */
function startHoltWinters(values: readonly number[], m: number): HoltWintersStart {
  let first = 0;
  let second = 0;
  for (let i = 0; i < m; i++) {
    first += values[i] as number;
    second += values[m + i] as number;
  }
  first /= m;
  second /= m;
  const seasonal = values.slice(0, m).map((v) => v - first);
  return { level: first, trend: (second - first) / m, seasonal };
}

/**
 * Runs the additive Holt–Winters updates from period m on, writing the final seasonal state into
 * `seasonal` (which must hold the start state) and returning the sum of squared one-step errors.
 * Written as a plain loop over typed arrays: it runs 16 times per fit and is the engine's hot spot.
 */
function runHoltWinters(
  values: readonly number[],
  m: number,
  start: HoltWintersStart,
  alpha: number,
  beta: number,
  gamma: number,
  seasonal: number[],
  end?: { level: number; trend: number },
): number {
  for (let i = 0; i < m; i++) seasonal[i] = start.seasonal[i] as number; // (faster than .set for 12 values)
  let level = start.level;
  let trend = start.trend;
  let sse = 0;
  let slot = 0;
  for (let t = m; t < values.length; t++) {
    const y = values[t] as number;
    const s = seasonal[slot] as number;
    const error = y - (level + trend + s);
    sse += error * error;
    const newLevel = alpha * (y - s) + (1 - alpha) * (level + trend);
    trend = beta * (newLevel - level) + (1 - beta) * trend;
    seasonal[slot] = gamma * (y - newLevel) + (1 - gamma) * s;
    level = newLevel;
    slot = slot + 1 === m ? 0 : slot + 1;
  }
  if (end) {
    end.level = level;
    end.trend = trend;
  }
  return sse;
}

export interface HoltWintersFit extends ModelForecast {
  alpha: number;
  beta: number;
  gamma: number;
}

/**
 * history must be consecutive periods (no gaps), at least two seasons; targets must come after
 * the last observation.
 */
export interface HoltWintersParameters {
  alpha: number;
  beta: number;
  gamma: number;
}

/**
 * Fits and forecasts. Without `parameters`, they are chosen from the grid; with them (as in a
 * back-test, which reuses the parameters chosen on the full history) only the states are refitted.
 */
export function forecastHoltWinters(
  history: readonly Observation[],
  targets: readonly number[],
  periodsPerYear: number,
  parameters?: HoltWintersParameters,
): HoltWintersFit | null {
  const m = periodsPerYear;
  const from = Math.max(0, history.length - HOLT_WINTERS_MAX_HISTORY_YEARS * m);
  const count = history.length - from;
  if (m < 2 || count < 2 * m) return null;
  const last = history[history.length - 1] as Observation;
  const start = history[from] as Observation;
  if (last.ordinal - start.ordinal !== count - 1) throw new RangeError('Holt–Winters needs consecutive periods');
  if (targets.some((t) => t <= last.ordinal))
    throw new RangeError('Holt–Winters forecasts only periods after the history');
  // Seasonal slots are indexed from the first observation: slot = (ordinal − first ordinal) mod m.
  const values: number[] = [];
  for (let i = from; i < history.length; i++) values.push((history[i] as Observation).value);
  const start0 = startHoltWinters(values, m);
  const scratch = start0.seasonal.slice();

  let bestSse = Infinity;
  let alpha = parameters?.alpha ?? 0;
  let beta = parameters?.beta ?? 0;
  let gamma = parameters?.gamma ?? 0;
  if (parameters) bestSse = runHoltWinters(values, m, start0, alpha, beta, gamma, scratch);
  else
    for (const a of HOLT_WINTERS_GRID.alpha) {
      for (const b of HOLT_WINTERS_GRID.beta) {
        for (const g of HOLT_WINTERS_GRID.gamma) {
          const sse = runHoltWinters(values, m, start0, a, b, g, scratch);
          // Strictly better only, so ties keep the first (smoothest) parameters in grid order.
          if (sse < bestSse) {
            bestSse = sse;
            alpha = a;
            beta = b;
            gamma = g;
          }
        }
      }
    }
  const seasonal = start0.seasonal.slice();
  const end = { level: 0, trend: 0 };
  runHoltWinters(values, m, start0, alpha, beta, gamma, seasonal, end);
  const { level, trend } = end;
  // Three parameters were chosen from the data.
  const df = values.length - m - 3;
  const sigma = df > 0 ? Math.sqrt(bestSse / df) : null;
  const horizons = targets.map((t) => t - last.ordinal);
  const slot = (ordinal: number) => (((ordinal - start.ordinal) % m) + m) % m;

  // In error-correction form each period's error moves the level by α·e, the trend by α·β·e and
  // its seasonal slot by γ·(1 − α)·e, so an error j periods back adds cⱼ·e to the forecast
  // (c₀ = 1). The error of a weighted sum of forecasts is then Σᵢ (Σₖ wₖ·c(hₖ − i))·eᵢ.
  const maxH = Math.max(0, ...horizons);
  const c: number[] = [1];
  for (let j = 1; j <= maxH; j++) c.push(alpha + alpha * beta * j + (j % m === 0 ? gamma * (1 - alpha) : 0));

  return {
    means: targets.map((t, k) => level + (horizons[k] as number) * trend + (seasonal[slot(t)] as number)),
    sigma,
    variance: (w) => {
      if (sigma === null) return null;
      let total = 0;
      for (let i = 1; i <= maxH; i++) {
        let coefficient = 0;
        for (let k = 0; k < horizons.length; k++) {
          const lag = (horizons[k] as number) - i;
          if (lag >= 0) coefficient += (w[k] ?? 0) * (c[lag] as number);
        }
        total += coefficient * coefficient;
      }
      return sigma * sigma * total;
    },
    detail: `α ${alpha}, β ${beta}, γ ${gamma}`,
    alpha,
    beta,
    gamma,
  };
}
