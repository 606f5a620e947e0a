/**
 * An uploaded paper checked by its content, not only its name: a PDF starts "%PDF-"; a DOCX is a
 * zip whose entries include "word/document.xml" (zip entry names are stored uncompressed, so the
 * name is in the bytes). A renamed spreadsheet or executable is refused. Pure: no I/O.
 */
export const PAPER_MAX_BYTES = 10 * 1024 * 1024;

export const PAPER_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;
export type PaperKind = keyof typeof PAPER_TYPES;

export type PaperProblem = 'paperFileEmpty' | 'paperFileTooBig' | 'paperFileType';

const startsWith = (bytes: Uint8Array, prefix: number[]) =>
  bytes.length >= prefix.length && prefix.every((byte, i) => bytes[i] === byte);
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** What the bytes are, whatever the file is called. */
export function sniffPaper(bytes: Uint8Array): PaperKind | null {
  if (startsWith(bytes, PDF_MAGIC)) return 'pdf';
  if (startsWith(bytes, ZIP_MAGIC) && Buffer.from(bytes).includes('word/document.xml')) return 'docx';
  return null;
}

/**
 * A file name safe to send back in Content-Disposition: the last path segment, only letters,
 * digits, spaces, dots, dashes and underscores, with the extension its content deserves.
 */
export function safePaperName(name: string, kind: PaperKind): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    .replace(/\.[^.]*$/, '')
    .replace(/[^A-Za-z0-9 ._-]/g, '_')
    .replace(/^[.\s]+/, '')
    .slice(0, 120)
    .trim();
  return `${base || 'paper'}.${kind}`;
}

export function checkPaper(
  name: string,
  bytes: Uint8Array,
): { ok: true; kind: PaperKind; contentType: string; fileName: string } | { ok: false; problem: PaperProblem } {
  if (bytes.length === 0) return { ok: false, problem: 'paperFileEmpty' };
  if (bytes.length > PAPER_MAX_BYTES) return { ok: false, problem: 'paperFileTooBig' };
  const kind = sniffPaper(bytes);
  // The name must agree with the content, so a ".pdf" that is really a zip is refused too.
  const extension = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase();
  if (!kind || (extension !== undefined && extension !== kind)) return { ok: false, problem: 'paperFileType' };
  return { ok: true, kind, contentType: PAPER_TYPES[kind], fileName: safePaperName(name, kind) };
}
