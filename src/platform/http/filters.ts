import type nunjucks from 'nunjucks';
import { fill, lookUp } from '../words/index.ts';
import {
  appetitePositionTag,
  labelTag,
  personStatusTag,
  planStatusTag,
  ragTag,
  valueStatusTag,
} from '../words/status-tags.ts';

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/London',
});
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  timeZone: 'Europe/London',
});

export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return '';
  const date = typeof value === 'string' ? new Date(`${value.slice(0, 10)}T12:00:00Z`) : value;
  return dateFormat.format(date);
}

export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return '';
  return dateTimeFormat.format(typeof value === 'string' ? new Date(value) : value);
}

/**
 * Templates take their words and status tags from the catalogue, never write their own:
 * `{{ "rag.red" | t }}` or `{{ t("personStatus.leftOn", { date: d }) }}` for words, and
 * `govukTag(ragTag(status))` (and the other families) for tags.
 */
export function registerFilters(env: nunjucks.Environment): void {
  env.addFilter('date', formatDate);
  env.addFilter('dateTime', formatDateTime);
  const t = (key: string, params?: Record<string, string | number>) => fill(lookUp(key), params);
  env.addFilter('t', t);
  env.addGlobal('t', t);
  env.addGlobal('ragTag', ragTag);
  env.addGlobal('labelTag', labelTag);
  env.addGlobal('planStatusTag', planStatusTag);
  env.addGlobal('valueStatusTag', valueStatusTag);
  env.addGlobal('appetitePositionTag', appetitePositionTag);
  env.addGlobal('personStatusTag', (status: string, leftOn: string | null) =>
    personStatusTag(status, leftOn ? formatDate(leftOn) : null),
  );
}
