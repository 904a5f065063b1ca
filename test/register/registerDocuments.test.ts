import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { withdrawConsent } from '../../src/register/people';
import { makeDocuments } from '../../src/register/registerDocuments';
import { WorkspaceReader } from '../../src/register/workspaceReader';
import { docxText } from '../documents/school';
import { CODES, pseudonymousSchool } from './pseudonymousSchool';

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();

describe('register documents', () => {
  it('makes the order, agreements, plans and missing consent forms with the names from the register, once', async () => {
    const { ws, register } = await pseudonymousSchool();
    const out = mkdtempSync(join(tmpdir(), 'register-docs-'));
    const progress: number[] = [];
    const report = await makeDocuments(
      register,
      new WorkspaceReader(ws),
      out,
      (done) => progress.push(done),
      'never',
    );
    expect(report.problems).toEqual([]);
    const files = filesUnder(out);
    expect(files.length).toBe(report.made.length);
    expect(files.filter((f) => f.startsWith('2026-2027 учебный год/Приказы/'))).toHaveLength(1);
    expect(files.filter((f) => f.includes('/Соглашения/'))).toHaveLength(2);
    expect(files.filter((f) => f.includes('/Индивидуальные планы/'))).toHaveLength(2);
    // Only Шевчук has no paper consent on record: her forms are made for signing.
    const consents = files.filter((f) => f.includes('/Согласия/'));
    expect(consents.length).toBeGreaterThan(0);
    expect(consents.every((f) => f.includes('Шевчук'))).toBe(true);
    expect(progress[progress.length - 1]).toBe(report.made.length);

    const texts = await Promise.all(report.made.map((f) => docxText(f)));
    for (const text of texts) expect(text).not.toMatch(/\[\[|\d{7}\|/);
    const order = texts[report.made.findIndex((f) => f.includes('/Приказы/'))];
    expect(order).toContain('№ 1-о');
    for (const name of [
      'Иванова Анна Петровна',
      'Петров Павел Павлович',
      'Цой Виктор Робертович',
      'Шевчук Анна Сергеевна',
    ])
      expect(order).toContain(name);
    const agreements = texts.filter((_, i) => report.made[i].includes('/Соглашения/')).join('\n');
    expect(agreements).toContain(
      'Петрова Ольга Игоревна, родитель (законный представитель) несовершеннолетнего участника Петрова Павла Павловича, 7Б класс',
    );

    const again = await makeDocuments(register, new WorkspaceReader(ws), out, undefined, 'never');
    expect(again.made).toEqual([]);
    expect(register.data.documents.filter((d) => d.codes.includes(CODES.S1)).length).toBeGreaterThan(0);
  });

  it('makes nothing with the name of someone who withdrew consent or whom the register lacks', async () => {
    const { ws, register } = await pseudonymousSchool();
    withdrawConsent(register, CODES.T2, '2026-11-25');
    register.data.people = register.data.people.filter((p) => p.code !== CODES.S1);
    const out = mkdtempSync(join(tmpdir(), 'register-docs-'));
    const report = await makeDocuments(register, new WorkspaceReader(ws), out, undefined, 'never');
    expect(report.problems).toEqual([
      `Код ${CODES.T2}: согласие отозвано — документы с ним не делаются`,
      `Участника с кодом ${CODES.S1} нет в реестре (или его данные удалены): документы с ним не сделаны`,
    ]);
    const texts = await Promise.all(report.made.map((f) => docxText(f)));
    for (const text of texts) for (const name of ['Цой', 'Петров']) expect(text).not.toContain(name);
  });
});
