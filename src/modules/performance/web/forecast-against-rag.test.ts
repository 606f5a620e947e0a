import { describe, expect, it } from 'vitest';
import { forecastAgainstRag, type RagStatus } from '../domain/index.ts';
import { forecastAgainstRagWords } from '../performance-words.ts';

describe('the forecast read beside this period’s RAG', () => {
  // Every RAG against every band of the year-end chance: the sentence names both, and where they
  // pull apart it says "but", never "likely to meet" beside red without the reason.
  it.each<[RagStatus, number, string | null]>([
    ['green', 0.9, 'On target this period, and likely to meet the year-end target (90% chance).'],
    [
      'green',
      0.5,
      'On target this period, but the year-end target is far from certain (50% chance): other periods of the year pull the forecast down.',
    ],
    [
      'green',
      0.1,
      'On target this period, but unlikely to meet the year-end target (10% chance): other periods of the year pull the forecast down.',
    ],
    ['amber', 0.8, 'Close to the target this period (amber), and likely to meet the year-end target (80% chance).'],
    [
      'amber',
      0.45,
      'Close to the target this period (amber), with about an even chance of meeting the year-end target (45%).',
    ],
    ['amber', 0.2, 'Close to the target this period (amber), and unlikely to meet the year-end target (20% chance).'],
    [
      'red',
      0.75,
      'Off target this period (red), but still likely to meet the year-end target (75% chance): the forecast expects the rest of the year to make up for it.',
    ],
    [
      'red',
      0.4,
      'Off target this period (red), with about an even chance of meeting the year-end target (40%) if the rest of the year makes up for it.',
    ],
    ['red', 0.05, 'Off target this period (red), and unlikely to meet the year-end target (5% chance).'],
    ['no-data', 0.9, null],
    ['overdue', 0.9, null],
    ['no-target', 0.9, null],
  ])('%s with a %d chance', (rag, probability, sentence) => {
    expect(forecastAgainstRagWords(rag, probability, `${Math.round(probability * 100)}%`)).toBe(sentence);
  });

  it('says nothing without a chance against a target', () => {
    expect(forecastAgainstRag('red', null)).toBeNull();
    expect(forecastAgainstRag('green', Number.NaN)).toBeNull();
  });

  it('puts the band edges where it says: two in three likely, one in three unlikely', () => {
    expect(forecastAgainstRag('green', 2 / 3)).toBe('on-target.likely');
    expect(forecastAgainstRag('green', 0.66)).toBe('on-target.even');
    expect(forecastAgainstRag('red', 1 / 3)).toBe('off-target.unlikely');
    expect(forecastAgainstRag('red', 0.34)).toBe('off-target.even');
  });

  it('never pairs a red or amber period with an unqualified "likely to meet"', () => {
    for (const rag of ['red', 'amber'] as const) {
      for (let p = 0; p <= 1; p += 0.05) {
        const sentence = forecastAgainstRagWords(rag, p, 'x') ?? '';
        expect(sentence.startsWith('On target')).toBe(false);
        if (sentence.includes('likely to meet') && !sentence.includes('unlikely'))
          expect(sentence).toMatch(/\((red|amber)\)/);
      }
    }
  });
});
