#!/usr/bin/env node
/**
 * Rebuilds reference-data/ (the real published figures the demo, tests and benchmarks read) from the
 * full published files, so the trimmed copy in the repository can be reproduced and checked.
 *
 *   node scripts/trim-reference-data.mjs <folder of the full published files>
 *
 * The folder holds the unchanged copies of the publishers' files (reference-data/SOURCES.md says
 * where each came from); nothing else in the repository needs them. Files are copied
 * byte for byte, or — for the Trafford Corporate Plan files, which also hold ~15 comparator councils
 * and England — trimmed to their header line and Trafford's lines, each kept exactly as published.
 * reference-data/SOURCES.md is written by hand and left alone.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

const repository = fileURLToPath(new URL('../', import.meta.url));
if (!process.argv[2]) {
  console.error('Usage: node scripts/trim-reference-data.mjs <folder of the full published files>');
  process.exit(2);
}
const source = path.resolve(process.argv[2]);
const target = path.join(repository, 'reference-data');

/** Trafford's area code: the first column of every Trafford Corporate Plan file. */
const TRAFFORD = 'E08000009';

/** Files read whole (already small). */
const WHOLE = [
  'hart_dc_kpis/hart_kpis_2014-08-10.csv',
  'hart_dc_kpis/hart_kpis_2014-11-07.csv',
  'trafford_council_open_data/prompt_payment.csv',
];

/** Trafford Corporate Plan files the demo measures and the import tests read (Trafford rows only). */
const TRAFFORD_ONLY = [
  'trafford-corporate-plan/climate/adults_walking_or_cycling.csv',
  'trafford-corporate-plan/climate/borough_wide_co2_emissions.csv',
  'trafford-corporate-plan/climate/household_waste_not_recycled.csv',
  'trafford-corporate-plan/climate/household_waste_recycling.csv',
  'trafford-corporate-plan/climate/licensed_vehicles.csv',
  'trafford-corporate-plan/climate/vehicle_miles_travelled.csv',
  'trafford-corporate-plan/health/active_adults.csv',
  'trafford-corporate-plan/health/inactive_adults.csv',
  'trafford-corporate-plan/health/mortality_rate.csv',
  'trafford-corporate-plan/poverty/children_poverty.csv',
  'trafford-corporate-plan/poverty/claimant_count.csv',
  'trafford-corporate-plan/poverty/employment_rate.csv',
  'trafford-corporate-plan/poverty/real_living_wage.csv',
  'trafford-corporate-plan/poverty/universal_credit.csv',
];

/**
 * Corporate Plan files whose comparator councils' series the forecast benchmark reads
 * (bench/scenarios/forecast.ts): every council's lines, without England's and the wards' (their area
 * codes start E92 and E05). Written beside the Trafford-only copies, under their own folder.
 */
const COUNCILS_ONLY = [
  'trafford-corporate-plan/poverty/claimant_count.csv',
  'trafford-corporate-plan/poverty/universal_credit.csv',
  'trafford-corporate-plan/climate/energy_performance_certificates.csv',
  'trafford-corporate-plan/climate/electric_vehicle_charging_points.csv',
  'trafford-corporate-plan/climate/licensed_vehicles.csv',
];
const COUNCIL_CODE = /^E0[6-9]\d{6}$/;
const COMPARATORS_FOLDER = 'trafford-corporate-plan-comparators';

const csvRows = (text) => parse(text, { columns: true, bom: true, skip_empty_lines: true, relax_column_count: true });

if (!existsSync(source)) {
  console.error(`The full published files are not at ${source}; pass their folder as the first argument.`);
  process.exit(1);
}

function write(file, bytes) {
  const out = path.join(target, file);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, bytes);
  return bytes.length;
}

let total = 0;
for (const file of WHOLE) {
  const bytes = readFileSync(path.join(source, file));
  total += write(file, bytes);
  console.log(`${file}: copied (${bytes.length} bytes)`);
}

/** Keeps the header and the lines whose first field passes `keep`, checked against a real CSV parse. */
function trimLines(file, keep, outFile, who) {
  const text = readFileSync(path.join(source, file), 'utf8');
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  const kept = [lines[0], ...lines.slice(1).filter((line) => keep(line.split(',')[0]))];
  const trimmed = `${kept.join(newline)}${newline}`;
  // The line filter must keep exactly the wanted records (no quoted field spans lines, no wanted
  // row is written another way): compare with a real CSV parse of the full file.
  const expected = csvRows(text).filter((row) => keep(Object.values(row)[0]));
  const actual = csvRows(trimmed);
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new Error(`${file}: the trimmed lines do not hold exactly the ${expected.length} rows of ${who}`);
  }
  total += write(outFile, Buffer.from(trimmed, 'utf8'));
  console.log(`${outFile}: ${actual.length} of ${lines.slice(1).filter(Boolean).length} rows kept (${who})`);
}

for (const file of TRAFFORD_ONLY) trimLines(file, (code) => code === TRAFFORD, file, 'Trafford');
for (const file of COUNCILS_ONLY) {
  const outFile = file.replace(/^trafford-corporate-plan\//, `${COMPARATORS_FOLDER}/`);
  trimLines(file, (code) => COUNCIL_CODE.test(code), outFile, 'councils');
}
console.log(`reference-data/: ${total} bytes of data written from ${source}`);
