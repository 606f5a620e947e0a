/**
 * The heat map drawn on the server as SVG: one square per cell of the matrix coloured by its
 * band, with the count of risks in it. Colours and fonts are presentation attributes, never
 * `style` (the page's content security policy blocks inline styles: see
 * src/platform/charts/render-svg.ts). The same numbers are in a table beside it for people who
 * cannot see the picture.
 */
import type { BandColour, HeatMap } from '../domain/index.ts';
import { escapeHtml } from '../../../platform/http/escape-html.ts';
import { words } from '../../../platform/words/index.ts';

/** GOV.UK colours for each band, with a text colour that meets contrast on it. */
const FILL: Record<BandColour, { fill: string; text: string }> = {
  green: { fill: '#00703c', text: '#ffffff' },
  yellow: { fill: '#ffdd00', text: '#0b0c0c' },
  orange: { fill: '#f47738', text: '#0b0c0c' },
  red: { fill: '#d4351c', text: '#ffffff' },
  purple: { fill: '#4c2c92', text: '#ffffff' },
};

const CELL = 56;
const LEFT = 40;
const BOTTOM = 40;

export function heatMapSvg(map: HeatMap, title: string): string {
  const width = LEFT + CELL * map.size + 8;
  const height = CELL * map.size + BOTTOM;
  const font = 'font-family="GDS Transport, arial, sans-serif"';
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="heat-title" focusable="false">`,
    `<title id="heat-title">${escapeHtml(title)}</title>`,
  ];
  map.rows.forEach((row, rowIndex) => {
    const y = rowIndex * CELL;
    parts.push(
      `<text x="${LEFT - 12}" y="${y + CELL / 2 + 5}" text-anchor="middle" font-size="14" fill="#0b0c0c" ${font}>${row[0]!.likelihood}</text>`,
    );
    row.forEach((cell, columnIndex) => {
      const x = LEFT + columnIndex * CELL;
      const colour = FILL[cell.band.colour];
      parts.push(
        `<rect x="${x}" y="${y}" width="${CELL}" height="${CELL}" fill="${colour.fill}" stroke="#ffffff" stroke-width="2"/>`,
      );
      if (cell.count > 0) {
        parts.push(
          `<text x="${x + CELL / 2}" y="${y + CELL / 2 + 7}" text-anchor="middle" font-size="20" font-weight="700" fill="${colour.text}" ${font}>${cell.count}</text>`,
        );
      }
    });
  });
  const axisY = CELL * map.size;
  for (let impact = 1; impact <= map.size; impact++) {
    parts.push(
      `<text x="${LEFT + (impact - 0.5) * CELL}" y="${axisY + 18}" text-anchor="middle" font-size="14" fill="#0b0c0c" ${font}>${impact}</text>`,
    );
  }
  parts.push(
    `<text x="${LEFT + (CELL * map.size) / 2}" y="${axisY + 36}" text-anchor="middle" font-size="14" fill="#0b0c0c" ${font}>${escapeHtml(words.risksView.impact)}</text>`,
    `<text x="12" y="${axisY / 2}" text-anchor="middle" font-size="14" fill="#0b0c0c" transform="rotate(-90 12 ${axisY / 2})" ${font}>${escapeHtml(words.risksView.likelihood)}</text>`,
    '</svg>',
  );
  return parts.join('');
}
