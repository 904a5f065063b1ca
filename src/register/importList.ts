// Adds a class list to the register: a person already there (by code, or by name and class) is
// updated, a new one gets a fresh code. Rows with a problem are reported and left out.
import type { ClassListRow } from './classList';
import type { Person } from './model';
import { newCode, validIssuedCode } from './people';
import type { Register } from './registerFile';

export interface ImportReport {
  added: Person[];
  updated: Person[];
  problems: string[];
}

const identity = (p: Pick<Person, 'lastName' | 'firstName' | 'middleName' | 'className'>): string =>
  [p.lastName, p.firstName, p.middleName, p.className]
    .map((s) => s.trim().toLowerCase().replace(/ё/g, 'е'))
    .join('|');

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function importClassList(
  register: Register,
  rows: readonly ClassListRow[],
  source: string,
): ImportReport {
  const report: ImportReport = { added: [], updated: [], problems: [] };
  const byCode = new Map(register.data.people.map((p) => [p.code, p]));
  const byIdentity = new Map(register.data.people.filter((p) => !p.erasedOn).map((p) => [identity(p), p]));
  for (const row of rows) {
    const at = `строка ${row.line}`;
    if (!row.lastName || !row.firstName) {
      report.problems.push(`${at}: нужны фамилия и имя`);
      continue;
    }
    const badEmail = [row.email, row.parentEmail].find((e) => e && !EMAIL.test(e));
    if (badEmail) {
      report.problems.push(`${at}: «${badEmail}» — не адрес электронной почты`);
      continue;
    }
    let code = '';
    if (row.code) {
      try {
        code = validIssuedCode(row.code);
      } catch (e) {
        report.problems.push(`${at}: ${(e as Error).message}`);
        continue;
      }
    }
    const existing = (code ? byCode.get(code) : undefined) ?? byIdentity.get(identity(row));
    if (existing?.erasedOn) {
      report.problems.push(`${at}: данные кода ${existing.code} удалены, код не выдаётся повторно`);
      continue;
    }
    const fields = {
      lastName: row.lastName,
      firstName: row.firstName,
      middleName: row.middleName,
      gender: row.gender,
      className: row.className,
      category: row.category,
      email: row.email,
      parentName: row.parentName,
      parentEmail: row.parentEmail,
    };
    if (existing) {
      Object.assign(existing, fields);
      report.updated.push(existing);
      continue;
    }
    const person: Person = {
      code: code || newCode(register),
      ...fields,
      addedAt: register.now().toISOString(),
      consents: [],
    };
    register.data.people.push(person);
    byCode.set(person.code, person);
    byIdentity.set(identity(person), person);
    report.added.push(person);
  }
  register.log(
    'импорт списка',
    '',
    `${source}: добавлено ${report.added.length}, обновлено ${report.updated.length}, пропущено ${report.problems.length}`,
  );
  return report;
}
