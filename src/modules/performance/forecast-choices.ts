/**
 * The remembered forecast choices during a recompute: what was stored before, and what the engine
 * chose afresh this time (to be stored after). A measure rated over several periods keeps the
 * latest period's choice.
 */
import type { ForecastChoiceMemory } from './domain/index.ts';
import type { StoredChoice } from './data/forecast-choices.repository.ts';

export interface ChoiceStore {
  known: ReadonlyMap<string, StoredChoice>;
  fresh: Map<string, StoredChoice>;
}

export const emptyChoiceStore = (known: ReadonlyMap<string, StoredChoice> = new Map()): ChoiceStore => ({
  known,
  fresh: new Map(),
});

/** One measure's memory for one period's forecast, over the store. */
export function memoryFor(store: ChoiceStore, measureId: string, periodKey: string): ForecastChoiceMemory {
  return {
    recall(inputsKey) {
      const remembered = store.fresh.get(measureId) ?? store.known.get(measureId);
      return remembered?.inputsKey === inputsKey ? remembered.choice : undefined;
    },
    remember(inputsKey, choice) {
      store.fresh.set(measureId, { periodKey, inputsKey, choice });
    },
  };
}
