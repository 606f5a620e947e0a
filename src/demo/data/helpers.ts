import type { DemoItem, DemoLink, ItemRef } from './types.ts';

/** Shared by the demo data files: the plan year, partner keys and link builders. */
export const YEAR = { periodStart: '2025-04-01', periodEnd: '2026-03-31' } as const;
export const NHS = 'nhs-trust';
export const CVS = 'cvs';

export const direct = (to: ItemRef): DemoLink => ({ to, kind: 'direct' });
export const indirect = (to: ItemRef): DemoLink => ({ to, kind: 'indirect' });

/** References to items of the main plans, and the builders of objectives and actions. */
export const objective = (code: string, title: string, links: DemoLink[], extra: Partial<DemoItem> = {}): DemoItem => ({
  code,
  type: 'objective',
  title,
  links,
  ...extra,
});
export const action = (code: string, title: string, extra: Partial<DemoItem> = {}): DemoItem => ({
  code,
  type: 'action',
  title,
  ...extra,
});
export const ch = (code: string): ItemRef => `dp-ch:${code}`;
export const pe = (code: string): ItemRef => `dp-pe:${code}`;
export const res = (code: string): ItemRef => `dp-res:${code}`;
export const sg = (code: string): ItemRef => `dp-sg:${code}`;
export const cs = (code: string): ItemRef => `community-strategy:${code}`;
export const corp = (code: string): ItemRef => `corporate-plan:${code}`;
