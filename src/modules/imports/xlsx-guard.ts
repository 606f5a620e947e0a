/**
 * Checks an uploaded workbook before exceljs reads it. An .xlsx file is a zip archive, and exceljs
 * unpacks all of it into memory and builds an object for every cell up to the last one used: a
 * zip bomb (a few MB unpacking to gigabytes) or one cell in the last column of the last row
 * (XFD1048576) runs the server out of memory. So, with a small reader of the zip's central
 * directory and node:zlib:
 *
 * 1. the sizes the archive declares for its parts must add up to no more than the limit;
 * 2. each part is unpacked with its declared size as the most it may produce (a part that
 *    unpacks to more than it declared is refused), so the real total is bounded too;
 * 3. each worksheet's declared dimension (`<dimension ref="A1:K200"/>`) and the rows and cells it
 *    really has must fit within the row and column limits.
 */
import { inflateRawSync } from 'node:zlib';
import { phrase, storePhrase, type Phrase, type PhraseParam } from '../../kernel/phrase.ts';
import type { Catalogue } from '../../platform/words/index.ts';

export interface WorkbookLimits {
  /** The most the workbook's parts may unpack to, all together. */
  maxUnpackedBytes: number;
  /** The last row a worksheet may use (the header row included). */
  maxRowNumber: number;
  /** The last column a worksheet may use (1 is A). */
  maxColumns: number;
}

/**
 * Why a workbook is refused, for the person who uploaded it: a phrase (importWorkbookRefusals),
 * kept as the message's stored phrase too.
 */
export class WorkbookRefused extends Error {
  constructor(readonly said: Phrase) {
    super(storePhrase(said));
  }
}

type Refusal = keyof Catalogue['importWorkbookRefusals'];

const refused = (code: Refusal, params?: Record<string, PhraseParam>) =>
  new WorkbookRefused(phrase(`importWorkbookRefusals.${code}`, params));

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  unpackedSize: number;
  localHeaderOffset: number;
}

/** A damaged workbook, with why (a phrase of importWorkbookRefusals naming the part, if any). */
const damaged = (why: Refusal, part?: string) =>
  refused('damaged', { why: phrase(`importWorkbookRefusals.${why}`, part === undefined ? undefined : { part }) });

/** A size in megabytes to one decimal place, as the refusals name it (3, 0.1). */
export function megabytes(bytes: number): number {
  return Math.round((bytes / 1024 / 1024) * 10) / 10;
}

const grouped = (n: number) => n.toLocaleString('en-GB');

/** The entries listed in the zip's central directory (nothing is unpacked). */
function zipEntries(bytes: Buffer): ZipEntry[] {
  // The end-of-directory record is the last 22 bytes, unless a comment (up to 64 KB) follows it.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes.readUInt32LE(i) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) throw damaged('notZip');
  const count = bytes.readUInt16LE(end + 10);
  const directorySize = bytes.readUInt32LE(end + 12);
  const directoryOffset = bytes.readUInt32LE(end + 16);
  if (count === 0xffff || directoryOffset === 0xffffffff) {
    throw refused('zip64');
  }
  if (directoryOffset + directorySize > end) throw damaged('contentsDamaged');
  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > end || bytes.readUInt32LE(at) !== DIRECTORY_ENTRY) throw damaged('contentsDamaged');
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const entry: ZipEntry = {
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      unpackedSize: bytes.readUInt32LE(at + 24),
      localHeaderOffset: bytes.readUInt32LE(at + 42),
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
    };
    if (entry.compressedSize === 0xffffffff || entry.unpackedSize === 0xffffffff) {
      throw refused('zip64');
    }
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function unpack(bytes: Buffer, entry: ZipEntry): Buffer {
  const local = entry.localHeaderOffset;
  if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== LOCAL_HEADER) throw damaged('partDamaged', entry.name);
  const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === STORED) {
    if (data.length !== entry.unpackedSize) throw damaged('partDamaged', entry.name);
    return data;
  }
  if (entry.method !== DEFLATED) throw damaged('partPacking', entry.name);
  try {
    // Stops as soon as the part unpacks to more than it declared: a lying size cannot get past the total.
    return inflateRawSync(data, { maxOutputLength: Math.max(1, entry.unpackedSize) });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw refused('partUnpacksMore', { part: entry.name, declared: grouped(entry.unpackedSize) });
    }
    throw damaged('partDamaged', entry.name);
  }
}

/** A column's letters as its number: A is 1, Z 26, AA 27, XFD 16,384. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const letter of letters) n = n * 26 + (letter.charCodeAt(0) - 64);
  return n;
}

/** The last row and column a worksheet's XML declares or uses. */
export function worksheetExtent(xml: string): { rows: number; columns: number } {
  let rows = 0;
  let columns = 0;
  const dimension = /<(?:\w+:)?dimension\b[^>]*\bref="([^"]*)"/.exec(xml);
  if (dimension) {
    for (const match of dimension[1]!.matchAll(/\$?([A-Z]{1,3})\$?(\d+)/g)) {
      columns = Math.max(columns, columnNumber(match[1]!));
      rows = Math.max(rows, Number(match[2]));
    }
  }
  for (const match of xml.matchAll(/<(?:\w+:)?row\b[^>]*?\sr="(\d+)"/g)) rows = Math.max(rows, Number(match[1]));
  for (const match of xml.matchAll(/<(?:\w+:)?c\b[^>]*?\sr="([A-Z]{1,3})(\d+)"/g)) {
    columns = Math.max(columns, columnNumber(match[1]!));
    rows = Math.max(rows, Number(match[2]));
  }
  return { rows, columns };
}

/** Throws WorkbookRefused, naming the limit, when the workbook is too big to read safely. */
export function checkWorkbook(bytes: Buffer, limits: WorkbookLimits): void {
  const entries = zipEntries(bytes);
  const declared = entries.reduce((sum, entry) => sum + entry.unpackedSize, 0);
  if (declared > limits.maxUnpackedBytes) {
    throw refused('unpacksTooMuch', { size: megabytes(declared), limit: megabytes(limits.maxUnpackedBytes) });
  }
  for (const entry of entries) {
    const part = unpack(bytes, entry);
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(entry.name)) continue;
    const { rows, columns } = worksheetExtent(part.toString('utf8'));
    const sheet = entry.name.slice('xl/worksheets/'.length, -'.xml'.length);
    if (columns > limits.maxColumns) {
      throw refused('tooManyColumns', { sheet, columns: grouped(columns), limit: grouped(limits.maxColumns) });
    }
    if (rows > limits.maxRowNumber) {
      throw refused('tooManyRows', { sheet, row: grouped(rows), limit: grouped(limits.maxRowNumber) });
    }
  }
}
