/**
 * The report pages' view models: definitions as rows and form choices, the gate's gaps as a table,
 * revisions as rows. Words from the catalogue (words.reports).
 */
import { paths } from '../../../kernel/paths.ts';
import { formatDateTime } from '../../../platform/http/filters.ts';
import { fill, words } from '../../../platform/words/index.ts';
import { AUDIENCES, CADENCES, SCOPE_KINDS, SECTIONS, type SectionCode } from '../domain/definitions.ts';
import type { GateGap } from '../domain/exceptions.ts';
import type { Definition, RevisionSummary } from '../reports.service.ts';

const w = words.reports;

export type Values = Record<string, unknown>;

export function definitionRows(definitions: readonly Definition[]) {
  return definitions.map((d) => [
    { html: `<a class="govuk-link" href="${paths.reportDefinition(d.id)}">${escapeHtml(d.title)}</a>` },
    { text: w.audience[d.audience] },
    { text: w.scopeKind[d.scopeKind] },
    { text: w.cadence[d.cadence] },
  ]);
}

export function definitionSummary(d: Definition, scopeName: string | null) {
  const f = w.fields;
  return [
    { key: { text: f.audience }, value: { text: w.audience[d.audience] } },
    {
      key: { text: f.scopeKind },
      value: { text: scopeName ? `${w.scopeKind[d.scopeKind]}: ${scopeName}` : w.scopeKind[d.scopeKind] },
    },
    { key: { text: f.cadence }, value: { text: w.cadence[d.cadence] } },
    { key: { text: f.sections }, value: { text: d.sections.map((s) => w.section[s]).join(', ') } },
  ];
}

const radio = <T extends string>(codes: readonly T[], names: Record<T, string>, chosen: unknown) =>
  codes.map((code) => ({ value: code, text: names[code], checked: code === chosen }));

export function definitionFormChoices(
  values: Values,
  scopes: { directorates: { id: string; name: string }[]; portfolios: { id: string; name: string }[] },
) {
  const chosenSections = (Array.isArray(values.sections) ? values.sections : [values.sections]) as unknown[];
  return {
    audienceItems: radio(AUDIENCES, w.audience, values.audience),
    scopeKindItems: radio(SCOPE_KINDS, w.scopeKind, values.scopeKind),
    cadenceItems: radio(CADENCES, w.cadence, values.cadence),
    sectionItems: SECTIONS.map((code: SectionCode) => ({
      value: code,
      text: w.section[code],
      checked: chosenSections.includes(code),
    })),
    scopeItems: [
      { value: '', text: w.scopeKind.council, selected: !values.scopeId },
      ...scopes.directorates.map((d) => ({
        value: d.id,
        text: `${w.scopeKind.directorate}: ${d.name}`,
        selected: d.id === values.scopeId,
      })),
      ...scopes.portfolios.map((p) => ({
        value: p.id,
        text: `${w.scopeKind.portfolio}: ${p.name}`,
        selected: p.id === values.scopeId,
      })),
    ],
  };
}

export function gapRows(gaps: readonly GateGap[]) {
  return gaps.map((gap) => [
    {
      html: `<a class="govuk-link" href="${paths.measure(gap.measureId)}">${escapeHtml(`${gap.code} ${gap.title}`)}</a>`,
    },
    { text: gap.missing.map((m) => w.gap[m]).join(w.gap.and) },
    { text: gap.ownerName ?? w.noOwner },
  ]);
}

export function revisionRows(reportId: string, revisions: readonly RevisionSummary[]) {
  return revisions.map((r) => [
    {
      html: `<a class="govuk-link" href="${paths.issuedReportRevision(reportId, r.revision)}">${escapeHtml(fill(w.pages.revision, { revision: r.revision }))}</a>`,
    },
    { text: formatDateTime(r.issuedAt) },
    { text: r.issuedByLabel },
    { text: r.reason || w.pages.firstIssue },
  ]);
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
