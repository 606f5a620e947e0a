/**
 * Shapes the performance settings for their page: the current values in words (saying which are
 * the defaults) and the form's values, in percentages as people write them.
 */
import { DEFAULT_PERFORMANCE_SETTINGS, describeSettings, toPercent, WEIGHTED_DEFAULTS } from '../domain/index.ts';
import type { PerformanceSettingsView } from '../performance-settings.service.ts';
import { formatDateTime } from '../../../platform/http/filters.ts';

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

const defaults = describeSettings(DEFAULT_PERFORMANCE_SETTINGS);

/** The current settings as summary list rows; a value that is the default says so. */
export function currentSettingsRows(view: PerformanceSettingsView) {
  const row = (key: string, value: string, isDefault: boolean) => ({
    key: { text: key },
    value: { text: isDefault ? `${value} (the default)` : value },
  });
  const words = view.words;
  return [
    row('How statuses roll up', words.rollupRule, words.rollupRule === defaults.rollupRule),
    row('Key measures', words.keyMeasuresDominate, words.keyMeasuresDominate === defaults.keyMeasuresDominate),
    row('Overdue data in a roll-up', words.overdueAs, words.overdueAs === defaults.overdueAs),
    row(
      'Risk appetite: plan objectives on target',
      words.objectivesAppetite,
      words.objectivesAppetite === defaults.objectivesAppetite,
    ),
    row(
      'Risk appetite: key targets projected to be achieved',
      words.targetsAppetite,
      words.targetsAppetite === defaults.targetsAppetite,
    ),
    row('Direction of travel tolerance', words.tolerance, words.tolerance === defaults.tolerance),
    row('When a figure becomes official', words.officialFrom, words.officialFrom === defaults.officialFrom),
  ];
}

/** Whether these are the defaults, or who last changed them and when. */
export function settingsSourceText(view: PerformanceSettingsView): string {
  if (view.isDefault) return 'The council has not changed these settings: they are the defaults.';
  const who = view.updatedBy ? ` by ${view.updatedBy.name}` : '';
  const when = view.updatedAt ? ` on ${formatDateTime(view.updatedAt)}` : '';
  return `The council's own settings, last changed${who}${when}.`;
}
