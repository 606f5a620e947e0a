/**
 * Shapes the performance settings for their page: the current values in words (saying which are
 * the defaults) and the form's values, in percentages as people write them.
 */
import { DEFAULT_PERFORMANCE_SETTINGS, describeSettings, toPercent, WEIGHTED_DEFAULTS } from '../domain/index.ts';
import { sayEach, type PerformanceSettingsView } from '../performance-settings.service.ts';
import { formatDateTime } from '../../../platform/http/filters.ts';
import { fill, words as catalogue } from '../../../platform/words/index.ts';

const w = catalogue.performancePages.settingsPresenter;

/** What the form shows when it opens: the stored (or default) settings. */
export function settingsFormValues(view: PerformanceSettingsView): Record<string, string> {
  return {
    rowVersion: String(view.rowVersion),
    rollupRule: view.rollupRule,
    // Offered pre-filled with the engine's boundaries, used only if the weighted rule is chosen.
    greenFrom: String(toPercent(view.greenFrom ?? WEIGHTED_DEFAULTS.greenFrom)),
    amberFrom: String(toPercent(view.amberFrom ?? WEIGHTED_DEFAULTS.amberFrom)),
    keyMeasuresDominate: String(view.keyMeasuresDominate),
    overdueAs: view.overdueAs,
    officialFrom: view.officialFrom,
    objectivesAppetite: String(toPercent(view.objectivesAppetite)),
    targetsAppetite: String(toPercent(view.targetsAppetite)),
    toleranceKind: view.toleranceKind,
    toleranceAmount: view.toleranceAmount === null ? '' : String(view.toleranceAmount),
    tolerancePercent: view.tolerancePercent === null ? '' : String(view.tolerancePercent),
  };
}

const defaults = sayEach(describeSettings(DEFAULT_PERFORMANCE_SETTINGS));

/** The current settings as summary list rows; a value that is the default says so. */
export function currentSettingsRows(view: PerformanceSettingsView) {
  const row = (key: string, value: string, isDefault: boolean) => ({
    key: { text: key },
    value: { text: isDefault ? fill(w.isDefault, { value }) : value },
  });
  const said = view.words;
  return [
    row(w.rollupRule, said.rollupRule, said.rollupRule === defaults.rollupRule),
    row(w.keyMeasures, said.keyMeasuresDominate, said.keyMeasuresDominate === defaults.keyMeasuresDominate),
    row(w.overdueAs, said.overdueAs, said.overdueAs === defaults.overdueAs),
    row(w.objectivesAppetite, said.objectivesAppetite, said.objectivesAppetite === defaults.objectivesAppetite),
    row(w.targetsAppetite, said.targetsAppetite, said.targetsAppetite === defaults.targetsAppetite),
    row(w.tolerance, said.tolerance, said.tolerance === defaults.tolerance),
    row(w.officialFrom, said.officialFrom, said.officialFrom === defaults.officialFrom),
  ];
}

/** Whether these are the defaults, or who last changed them and when. */
export function settingsSourceText(view: PerformanceSettingsView): string {
  if (view.isDefault) return w.defaults;
  const who = view.updatedBy ? fill(w.changedBy, { name: view.updatedBy.name }) : '';
  const when = view.updatedAt ? fill(w.changedOn, { when: formatDateTime(view.updatedAt) }) : '';
  return fill(w.councilOwn, { who, when });
}
