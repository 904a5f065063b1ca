// ст. 14 152-ФЗ: what the register holds about one person, for the answer to their request — the
// data, the consents with dates, the processing recorded in the journal and the letters sent.
import { formatCode } from '../core/pseudonymous/participantCode';
import type { BlockNode } from '../local/docs/model';
import { CONSENT_KIND_LABELS } from './model';
import { findPerson, formatDay } from './people';
import { paragraph, writeDocx } from './printing';
import type { Register } from './registerFile';

const GENDER_TEXT = { m: 'мужской', f: 'женский', '': '' } as const;
const localTime = (iso: string): string => new Date(iso).toLocaleString('ru-RU');

export function subjectExport(register: Register, typedCode: string): BlockNode[] {
  const p = findPerson(register, typedCode);
  const field = (label: string, value: string) => paragraph(`${label}: ${value || '—'}`);
  const heading = (text: string) => paragraph(text, { heading: 'HEADING2' });
  const consents = p.consents.map((c) =>
    paragraph(
      `${CONSENT_KIND_LABELS[c.kind]}: подписано ${formatDay(c.signedOn)} (${c.signedBy === 'parent' ? 'законным представителем' : 'лично'}), внесено в реестр ${localTime(c.recordedAt)}`,
    ),
  );
  const journal = register.data.journal
    .filter((j) => j.code === p.code)
    .map((j) => paragraph(`${localTime(j.at)} — ${j.action}: ${j.detail}`));
  const letters = register.data.sent
    .filter((s) => s.code === p.code && s.state === 'sent')
    .map((s) => paragraph(`${localTime(s.at)} — письмо ${s.key}`));
  const documents = register.data.documents
    .filter((d) => d.codes.includes(p.code))
    .map((d) => paragraph(`${localTime(d.at)} — ${d.file}`));
  const none = [paragraph('нет')];
  return [
    paragraph(`${register.data.school}`, { alignment: 'CENTER' }, true),
    paragraph('Сведения о персональных данных субъекта (ст. 14 Федерального закона № 152-ФЗ)', {
      heading: 'TITLE',
      alignment: 'CENTER',
    }),
    paragraph(
      `Сформировано ${localTime(register.now().toISOString())} из реестра участников программы наставничества, который хранится на компьютере школы в России. В Google хранится только код участника.`,
    ),
    heading('Данные'),
    field('Код участника', formatCode(p.code)),
    field('Фамилия', p.lastName),
    field('Имя', p.firstName),
    field('Отчество', p.middleName),
    field('Пол', GENDER_TEXT[p.gender]),
    field('Класс', p.className),
    field('Категория', p.category),
    field('E-mail', p.email),
    field('ФИО родителя (законного представителя)', p.parentName),
    field('E-mail родителя', p.parentEmail),
    field('Внесён в реестр', localTime(p.addedAt)),
    field('Согласие отозвано', p.withdrawnOn ? formatDay(p.withdrawnOn) : ''),
    field('Срок удаления данных (ст. 21 ч. 5)', p.eraseBy ? formatDay(p.eraseBy) : ''),
    field('Данные удалены', p.erasedOn ? formatDay(p.erasedOn) : ''),
    heading('Согласия'),
    ...(consents.length ? consents : none),
    heading('Действия с данными'),
    ...(journal.length ? journal : none),
    heading('Отправленные письма'),
    ...(letters.length ? letters : none),
    heading('Документы'),
    ...(documents.length ? documents : none),
  ];
}

export function writeSubjectExport(register: Register, typedCode: string, outDir: string): string {
  const body = subjectExport(register, typedCode);
  const person = findPerson(register, typedCode);
  register.log('выгрузка по ст. 14', person.code, 'сведения о персональных данных выданы');
  return writeDocx(outDir, `Сведения о ПД — ${person.code}`, body);
}
