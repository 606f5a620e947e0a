/** The sentence that heads a refused import: one problem or several, for the API and the page. */
import { fill, words } from '../../../platform/words/index.ts';

export function importRefused(count: number): string {
  return count === 1
    ? words.recommendationFlash.importRefusedOne
    : fill(words.recommendationFlash.importRefused, { count });
}

export function importRefusedPage(count: number): string {
  return count === 1
    ? words.recommendationFlash.importRefusedPageOne
    : fill(words.recommendationFlash.importRefusedPage, { count });
}
