import { randomBytes } from 'node:crypto';

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * `count` UUIDv7 ids in increasing order: the current millisecond, 42 random bits shared by the
 * batch (so two imports in the same millisecond do not collide) and a 32-bit counter. The time
 * is the system's, not the injected Clock's: ids must keep increasing across batches even when a
 * test or a what-if view fixes the clock.
 */
export function timeOrderedIds(count: number, now = Date.now()): string[] {
  if (count > 0xffffffff) throw new RangeError('At most 2³² ids per batch');
  const bytes = randomBytes(16);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = 0x70 | (bytes[6]! & 0x0f);
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const h = (from: number, to: number) => Array.from(bytes.subarray(from, to), (b) => HEX[b]).join('');
  const prefix = `${h(0, 4)}-${h(4, 6)}-${h(6, 8)}-${h(8, 10)}-${h(10, 12)}`;
  const ids = new Array<string>(count);
  for (let i = 0; i < count; i++) ids[i] = prefix + i.toString(16).padStart(8, '0');
  return ids;
}
