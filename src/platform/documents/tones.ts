import { fill, words, type Catalogue } from '../words/index.ts';
import type { Cell, Tone } from './document.ts';

/** The word for a tone, so every output can say it rather than show colour alone. */
export function toneWord(tone: Tone, catalogue: Catalogue = words): string {
  return catalogue.documents.tone[tone];
}

/**
 * What a toned cell says in an output that cannot colour it (or must not rely on colour): its text,
 * followed by the tone's word in brackets unless the text already says it ("Red" needs no "(Red)").
 */
export function cellWithToneWord(cell: Cell, catalogue: Catalogue = words): string {
  if (!cell.tone) return cell.text;
  const word = toneWord(cell.tone, catalogue);
  return cell.text.toLowerCase().includes(word.toLowerCase()) ? cell.text : `${cell.text} (${word})`;
}

/** The words printed with a chart's data table. */
export function chartDataCaption(title: string, catalogue: Catalogue = words): string {
  return fill(catalogue.documents.chartData, { title });
}

/** Colours for tones where an output colours a cell (Word shading, Excel fill): GOV.UK tag colours. */
export const TONE_COLOURS: Record<Tone, { text: string; fill: string }> = {
  red: { text: '2A0B06', fill: 'F4CDC6' },
  amber: { text: '6E3619', fill: 'FCD6C3' },
  green: { text: '005A30', fill: 'CCE2D8' },
  blue: { text: '0C2D4A', fill: 'BBD4EA' },
  grey: { text: '282D30', fill: 'E5E6E7' },
};
