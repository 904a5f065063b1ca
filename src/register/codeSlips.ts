// Code slips: one .docx per class, a two-column table of slips to cut, each with the pupil's name,
// the code and its secret, and what to do with them. Names are on paper only, never in Google.
import { formatCode } from '../core/pseudonymous/participantCode';
import type { BlockNode, TableNode } from '../local/docs/model';
import type { Person } from './model';
import { fullNameOf, secretOf } from './people';
import { convertToPdf, findSoffice, paragraph, writeDocx } from './printing';
import type { Register } from './registerFile';

const SLIP_NOTE =
  'Введите код и секрет в анкете программы наставничества вместо имени. Никому не показывайте листок: по коду с секретом школа узнаёт, что анкету заполнили вы.';

function slip(register: Register, person: Person): TableNode['rows'][number]['cells'][number] {
  return {
    children: [
      paragraph(`${fullNameOf(person)}${person.className ? `, ${person.className}` : ''}`, {}, true),
      paragraph(`Код участника: ${formatCode(person.code)}`, {}, true),
      paragraph(`Секрет: ${secretOf(register, person.code)}`, {}, true),
      { kind: 'PARAGRAPH', runs: [{ text: SLIP_NOTE, fontSize: 9 }] },
    ],
  };
}

/** People without a class go to «без класса»; erased people get no slip. */
export function peopleByClass(people: readonly Person[]): Map<string, Person[]> {
  const byClass = new Map<string, Person[]>();
  const sorted = [...people]
    .filter((p) => !p.erasedOn)
    .sort((a, b) => fullNameOf(a).localeCompare(fullNameOf(b), 'ru'));
  for (const p of sorted) {
    const key = p.className || 'без класса';
    byClass.set(key, [...(byClass.get(key) ?? []), p]);
  }
  return byClass;
}

export function slipsDocument(register: Register, className: string, people: readonly Person[]): BlockNode[] {
  const rows: TableNode['rows'] = [];
  for (let i = 0; i < people.length; i += 2)
    rows.push({ cells: people.slice(i, i + 2).map((p) => slip(register, p)) });
  const last = rows[rows.length - 1];
  if (last && last.cells.length === 1) last.cells.push({ children: [] });
  return [
    paragraph(
      `${register.data.school}: коды участников программы наставничества — ${className}`,
      { alignment: 'CENTER' },
      true,
    ),
    paragraph('Разрежьте по линиям и раздайте лично в руки.', { alignment: 'CENTER' }),
    { kind: 'TABLE', rows, widths: [50, 50], borderWidth: 1, keepRows: true },
  ];
}

/** Writes the slips of the chosen classes (all when none given), and PDFs when LibreOffice is there. */
export function writeCodeSlips(
  register: Register,
  outDir: string,
  classes: readonly string[] = [],
  pdf: 'auto' | 'never' = 'auto',
): { docx: string[]; pdf: boolean } {
  const wanted = new Set(classes.map((c) => c.replace(/\s+/g, '').toUpperCase()));
  const files: string[] = [];
  for (const [className, people] of peopleByClass(register.data.people)) {
    if (wanted.size > 0 && !wanted.has(className)) continue;
    files.push(
      writeDocx(outDir, `Коды участников — ${className}`, slipsDocument(register, className, people)),
    );
    register.log('листки с кодами', '', `${className}: ${people.length}`);
  }
  const soffice = pdf === 'auto' ? findSoffice() : undefined;
  if (soffice) convertToPdf(soffice, files, outDir);
  return { docx: files, pdf: !!soffice && files.length > 0 };
}
