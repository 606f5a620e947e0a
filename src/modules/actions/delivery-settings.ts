/** The council's delivery settings, read the same way by every use case. */
import type { Db } from '../../platform/db/db.ts';
import { DEFAULT_DELIVERY_SETTINGS, type DeliverySettings, toDeliverySettings } from './domain/index.ts';
import { loadDeliverySettingsRow } from './data/actions.repository.ts';

export async function loadDeliverySettings(db: Db, organisationId: string): Promise<DeliverySettings> {
  const row = await loadDeliverySettingsRow(db, organisationId);
  return row ? toDeliverySettings(row.settings) : { ...DEFAULT_DELIVERY_SETTINGS };
}
