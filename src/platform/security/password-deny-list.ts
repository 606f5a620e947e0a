import { readFileSync } from 'node:fs';

/**
 * The deny-list of common passwords shipped with the app (common-passwords.txt, where it came from
 * and its licence in common-passwords.LICENSE.txt): read once, on first use, never downloaded.
 */
let list: Set<string> | undefined;

export function isCommonPassword(lowered: string): boolean {
  list ??= new Set(
    readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
      .split('\n')
      .filter((line) => line !== ''),
  );
  return list.has(lowered);
}
