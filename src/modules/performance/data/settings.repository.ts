import { DEFAULT_OFFICIAL_FROM, type OfficialFrom } from '../../../kernel/measurement/official.ts';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db/db.ts';
import { people } from '../../organisation/index.ts';
import {
  DEFAULT_PERFORMANCE_SETTINGS,
  settingsFromStored,
  toChangeTolerance,
  type ChangeTolerance,
  type PerformanceSettings,
} from '../domain/index.ts';
import { performanceSettings } from './settings.schema.ts';

export interface StoredPerformanceSettings {
  settings: PerformanceSettings;
  /** True when the council has stored nothing: these are the documented defaults. */
  isDefault: boolean;
  /** 0 when nothing is stored yet; send it back with a change. */
  rowVersion: number;
  updatedAt: Date | null;
  updatedBy: { id: string; name: string } | null;
}

/** The stored settings of an organisation, or the defaults. Usable inside a transaction. */
export async function loadPerformanceSettings(db: Db, organisationId: string): Promise<StoredPerformanceSettings> {
  const [row] = await db
    .select({ stored: performanceSettings, updatedByName: people.name })
    .from(performanceSettings)
    .leftJoin(
      people,
      and(eq(people.id, performanceSettings.updatedBy), eq(people.organisationId, performanceSettings.organisationId)),
    )
    .where(eq(performanceSettings.organisationId, organisationId));
  if (!row) {
    return {
      settings: { ...DEFAULT_PERFORMANCE_SETTINGS },
      isDefault: true,
      rowVersion: 0,
      updatedAt: null,
      updatedBy: null,
    };
  }
  const { stored } = row;
  return {
    settings: settingsFromStored(stored),
    isDefault: false,
    rowVersion: stored.rowVersion,
    updatedAt: stored.updatedAt,
    updatedBy:
      stored.updatedBy && row.updatedByName !== null ? { id: stored.updatedBy, name: row.updatedByName } : null,
  };
}

/** The council's official position: from which sign-off status a figure counts. */
export async function loadOfficialFrom(db: Db, organisationId: string): Promise<OfficialFrom> {
  const [row] = await db
    .select({ officialFrom: performanceSettings.officialFrom })
    .from(performanceSettings)
    .where(eq(performanceSettings.organisationId, organisationId));
  return row?.officialFrom ?? DEFAULT_OFFICIAL_FROM;
}

/**
 * What rating a measure takes from the council's settings, in one read: the direction-of-travel
 * tolerance (undefined when the council has none: any change counts) and the official position.
 * Pass `tx` inside a transaction so a change made in it is seen.
 */
export async function loadRatingSettings(
  db: Db,
  organisationId: string,
): Promise<{ tolerance: ChangeTolerance | undefined; officialFrom: OfficialFrom }> {
  const [row] = await db
    .select()
    .from(performanceSettings)
    .where(eq(performanceSettings.organisationId, organisationId));
  if (!row) return { tolerance: undefined, officialFrom: DEFAULT_OFFICIAL_FROM };
  return { tolerance: toChangeTolerance(settingsFromStored(row)), officialFrom: row.officialFrom };
}

/** The council-wide direction-of-travel tolerance; undefined when the council has none. */
export async function loadDirectionTolerance(db: Db, organisationId: string): Promise<ChangeTolerance | undefined> {
  return (await loadRatingSettings(db, organisationId)).tolerance;
}
