// The demo year in the pseudonymous mode (`npm start -- --mode pseudonymous`): the school keeps its
// register on its own computer (a file in the demo folder), hands out code slips and records the paper
// consents before the questionnaires go out; participants answer with codes; the register makes the
// documents with names and sends the letters the script leaves «ждёт реестра» (to .eml files here,
// through the school's SMTP server in real life). Quirks of the ordinary year keep their effect: a
// mistyped address becomes a mistyped code, a Latin letter in a name a wrong secret.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { IDENTITY_KEYS } from '../../../forms/pseudonymous';
import { resolvePlaceholders } from '../../core/pseudonymous/namePlaceholders';
import { codeFromBody } from '../../core/pseudonymous/participantCode';
import type { LocalWorkspace } from '../../local';
import {
  consentedLookup,
  emlTransport,
  importClassList,
  Register,
  recordConsent,
  runRegisterDaily,
  secretOf,
  WorkspaceReader,
} from '../../register';
import type { DemoSubmission } from './demoSubmissions';
import { formatSchoolClass } from './schoolData';
import type { DemoPerson, DemoSchool } from './schoolModel';

export const DEMO_PASSPHRASE = 'демо-реестр школы';

export interface PseudonymousDemo {
  register: Register;
  /** The folder of the register's file, documents and letters. */
  dir: string;
  codeOf(personId: string): string;
  secretOf(code: string): string;
  /** A questionnaire as the participant fills the code form: no name or address, the code and secret. */
  answers(s: DemoSubmission): Record<string, string | string[]>;
  /** A letter's placeholders as the register fills them (the address the participant reads it at). */
  resolve(text: string): string;
  /** The register has sent the letter with this key. */
  delivered(key: string): boolean;
  /** The register's daily run against the workspace; Russian lines for the stage. */
  daily(): Promise<string[]>;
}

function hash(text: string): number {
  let h = 2166136261;
  for (const c of text) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  return h;
}

/** One code per person, stable for the seed, never two alike. */
function issueCodes(people: readonly DemoPerson[], seed: number): Map<string, string> {
  const codes = new Map<string, string>();
  const used = new Set<string>();
  for (const p of people) {
    let body = hash(`${seed}:${p.id}`) % 1_000_000;
    while (used.has(codeFromBody(body))) body = (body + 1) % 1_000_000;
    const code = codeFromBody(body);
    used.add(code);
    codes.set(p.id, code);
  }
  return codes;
}

/** Quirks of the ordinary year that have a code form's counterpart. */
function typo(code: string): string {
  return `${code.slice(0, 6)}${(Number(code[6]) + 1) % 10}`;
}

export function createPseudonymousDemo(
  ws: LocalWorkspace,
  school: DemoSchool,
  root: string,
): PseudonymousDemo {
  const dir = join(root, 'реестр');
  mkdirSync(dir, { recursive: true });
  const register = Register.create(
    join(dir, 'реестр-наставничества.nreg'),
    DEMO_PASSPHRASE,
    school.name,
    () => ws.now(),
  );
  const people = [...school.mentees, ...school.mentors];
  const codes = issueCodes(people, school.seed);
  // The class list the school exports from its own systems, with the codes on the slips handed out.
  importClassList(
    register,
    people.map((p, i) => ({
      line: i + 2,
      lastName: p.lastName,
      firstName: p.firstName,
      middleName: p.middleName,
      gender: p.gender,
      className: p.schoolClass ? formatSchoolClass(p.schoolClass) : '',
      category: p.category,
      email: p.email,
      parentName: p.parentName,
      parentEmail: p.parentEmail,
      code: codes.get(p.id) ?? '',
    })),
    'демо: список классов и сотрудников',
  );
  // Paper consents come back with the slips, before the questionnaires.
  const day = ws.now().toISOString().slice(0, 10);
  for (const p of people) {
    if (!p.givesConsent) continue;
    const minorUnder14 = p.category === 'student' && (p.age ?? 0) < 14;
    recordConsent(register, codes.get(p.id) ?? '', {
      kind: 'processing',
      signedBy: minorUnder14 ? 'parent' : 'self',
      signedOn: day,
    });
  }
  register.save();
  const quirk = new Map(school.quirks.map((q) => [q.personId, q.kind]));
  const lookup = consentedLookup(register);
  const letters = emlTransport(join(dir, 'письма'), school.curator.email);
  const codeOf = (personId: string) => codes.get(personId) ?? '';
  return {
    register,
    dir,
    codeOf,
    secretOf: (code) => secretOf(register, code),
    answers(s) {
      const code = codeOf(s.personId);
      const kept = Object.entries(s.answers).filter(([key]) => !IDENTITY_KEYS.has(key));
      const main = s.formId === 'mentee' || s.formId === 'mentor';
      const secret = secretOf(register, code);
      const kind = main ? quirk.get(s.personId) : undefined;
      return {
        code: kind === 'invalid-email' ? typo(code) : code,
        secret: kind === 'latin-lookalike' ? String((Number(secret) + 1) % 10_000).padStart(4, '0') : secret,
        ...Object.fromEntries(kept),
      };
    },
    resolve: (text) => resolvePlaceholders(text, lookup).text,
    delivered: (key) => register.data.sent.some((s) => s.key === key && s.state === 'sent'),
    async daily() {
      const before = letters.written.length;
      const report = await runRegisterDaily({
        register,
        reader: new WorkspaceReader(ws),
        smtp: letters,
        outDir: join(dir, 'документы'),
        pdf: 'never',
      });
      return [
        `Реестр школы: документов с именами ${report.documents.made.length}, писем отправлено ${letters.written.length - before}` +
          (report.mail.problems.length ? `, не отправлено ${report.mail.problems.length}` : ''),
      ];
    },
  };
}
