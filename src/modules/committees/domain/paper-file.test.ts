import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPaper, PAPER_MAX_BYTES, safePaperName, sniffPaper } from './paper-file.ts';

const pdf = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n');
const docx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('....word/document.xml....')]);
const xlsx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('....xl/workbook.xml....')]);

describe('paper files', () => {
  it('knows a PDF and a DOCX by their content', () => {
    expect(sniffPaper(pdf)).toBe('pdf');
    expect(sniffPaper(docx)).toBe('docx');
    expect(sniffPaper(xlsx)).toBeNull();
    expect(sniffPaper(Buffer.from('MZ executable'))).toBeNull();
  });

  it('accepts a paper and names its type', () => {
    expect(checkPaper('Q3 report.pdf', pdf)).toEqual({
      ok: true,
      kind: 'pdf',
      contentType: 'application/pdf',
      fileName: 'Q3 report.pdf',
    });
    expect(checkPaper('minutes.DOCX', docx)).toMatchObject({ ok: true, kind: 'docx' });
  });

  it('refuses an empty file, a file too big and a file that is not what its name says', () => {
    expect(checkPaper('a.pdf', Buffer.alloc(0))).toEqual({ ok: false, problem: 'paperFileEmpty' });
    const big = Buffer.concat([pdf, Buffer.alloc(PAPER_MAX_BYTES)]);
    expect(checkPaper('a.pdf', big)).toEqual({ ok: false, problem: 'paperFileTooBig' });
    expect(checkPaper('budget.xlsx', xlsx)).toEqual({ ok: false, problem: 'paperFileType' });
    expect(checkPaper('renamed.pdf', xlsx)).toEqual({ ok: false, problem: 'paperFileType' });
    expect(checkPaper('really-a-pdf.docx', pdf)).toEqual({ ok: false, problem: 'paperFileType' });
  });

  it('gives a safe file name whatever it was called', () => {
    expect(safePaperName('../../etc/passwd', 'pdf')).toBe('passwd.pdf');
    expect(safePaperName('C:\\Users\\x\\Report "final";.pdf', 'pdf')).toBe('Report _final__.pdf');
    expect(safePaperName('', 'docx')).toBe('paper.docx');
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('pdf' as const, 'docx' as const), (name, kind) => {
        const safe = safePaperName(name, kind);
        expect(safe).toMatch(/^[A-Za-z0-9 ._-]+$/);
        expect(safe.endsWith(`.${kind}`)).toBe(true);
        expect(safe.startsWith('.')).toBe(false);
      }),
    );
  });
});
