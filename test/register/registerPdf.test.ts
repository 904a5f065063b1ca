// PDFs of the register's documents through LibreOffice (SOFFICE_PATH or the usual places).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeCodeSlips } from '../../src/register/codeSlips';
import { makeDocuments } from '../../src/register/registerDocuments';
import { WorkspaceReader } from '../../src/register/workspaceReader';
import { pseudonymousSchool } from './pseudonymousSchool';

const pdfBeside = (docx: string): string => docx.replace(/\.docx$/, '.pdf');

const pdfText = (path: string): string => {
  const pdftotext = '/usr/bin/pdftotext';
  return existsSync(pdftotext)
    ? execFileSync(pdftotext, [path, '-']).toString()
    : readFileSync(path, 'latin1');
};

describe('register PDFs (LibreOffice from SOFFICE_PATH or the usual places)', () => {
  it('puts a PDF beside every document and every class of code slips', async () => {
    const { ws, register } = await pseudonymousSchool();
    const out = mkdtempSync(join(tmpdir(), 'register-pdf-'));
    const report = await makeDocuments(register, new WorkspaceReader(ws), out);
    expect(report.problems).toEqual([]);
    expect(report.pdf).toBe(report.made.length);
    for (const docx of report.made)
      expect(readFileSync(pdfBeside(docx)).subarray(0, 5).toString()).toBe('%PDF-');
    const order = report.made.find((f) => f.includes('/Приказы/')) ?? '';
    if (existsSync('/usr/bin/pdftotext'))
      expect(pdfText(pdfBeside(order)).replace(/\s+/g, ' ')).toContain('Петров Павел Павлович');

    const slips = writeCodeSlips(register, join(out, 'коды'));
    expect(slips.pdf).toBe(true);
    for (const docx of slips.docx) expect(existsSync(pdfBeside(docx))).toBe(true);
  });
});
