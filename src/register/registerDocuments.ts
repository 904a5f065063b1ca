// `register documents`: the orders, agreements, plans and consent forms of what Google decided,
// made on the school's computer with the names from the register. The Google side's records are
// read as they are (codes only); each participant's identity is put back from the register, so the
// same templates and the same declension give the same documents as the ordinary mode. A document
// is made once under its key; the register remembers it, so a rerun makes only what is new.
import { join } from 'node:path';
import { defaultTemplate } from '../core/documents/defaultTemplates';
import { DOCUMENT_FOLDERS, type DocumentJob, pendingJobs } from '../core/documents/plan';
import type { Participant } from '../core/model';
import { resolvePlaceholders } from '../core/pseudonymous/namePlaceholders';
import { normaliseCode } from '../core/pseudonymous/participantCode';
import { blockedMessage } from '../core/settings';
import { MemoryDocument } from '../core/templates/document';
import { fillTemplate } from '../core/templates/fill';
import type { Person } from './model';
import { consentedLookup, hasConsent } from './people';
import { convertToPdf, findSoffice, specBlocks, writeDocx } from './printing';
import type { Register } from './registerFile';
import type { Progress } from './registerMail';
import type { WorkbookReader } from './workbookReader';
import { readWorkbookWorld } from './workbookWorld';

export interface DocumentsReport {
  made: string[];
  pdf: number;
  problems: string[];
}

/** The participant as the ordinary mode would hold them: the register's name, gender and addresses. */
function withIdentity(p: Participant, person: Person): Participant {
  return {
    ...p,
    lastName: person.lastName,
    firstName: person.firstName,
    middleName: person.middleName,
    gender: person.gender || p.gender,
    email: person.email,
    parentName: person.parentName,
    parentEmail: person.parentEmail,
    consent: p.consent === 'withdrawn' ? 'withdrawn' : hasConsent(person) ? 'received' : p.consent,
  };
}

/** Whose names a document holds: the person of a consent, the pair's mentor and mentee otherwise. */
function codesOf(
  job: DocumentJob,
  pairs: ReadonlyMap<string, { mentorId: string; menteeId: string }>,
): string[] {
  const pair = pairs.get(job.pairId);
  return [...new Set([job.participantId, pair?.mentorId ?? '', pair?.menteeId ?? ''].filter(Boolean))];
}

function fill(
  job: DocumentJob,
  lookup: ReturnType<typeof consentedLookup>,
): { doc: MemoryDocument; problems: string[] } {
  const template = defaultTemplate(job.templateKey);
  const doc = new MemoryDocument(template.spec);
  fillTemplate(doc, job.data, template.title);
  // Nothing holding a placeholder leaves the register: a name it lacks stops the document.
  const problems: string[] = [];
  const resolve = (text: string) => {
    const r = resolvePlaceholders(text, lookup);
    problems.push(...r.problems);
    return r.text;
  };
  for (const block of doc.spec.blocks) {
    if (block.kind === 'paragraph') block.text = resolve(block.text);
    else block.rows = block.rows.map((row) => row.map(resolve));
  }
  return { doc, problems: [...new Set(problems)] };
}

export async function makeDocuments(
  register: Register,
  reader: WorkbookReader,
  outDir: string,
  onProgress: Progress = () => {},
  pdf: 'auto' | 'never' = 'auto',
): Promise<DocumentsReport> {
  const report: DocumentsReport = { made: [], pdf: 0, problems: [] };
  const { world, orders, blocking } = await readWorkbookWorld(reader, register.today());
  if (blocking.length > 0) {
    report.problems.push(blockedMessage('Создание документов', blocking));
    return report;
  }
  const byCode = new Map(register.data.people.filter((p) => !p.erasedOn).map((p) => [p.code, p]));
  const people = new Map<string, Participant>();
  for (const [id, p] of world.people) {
    const person = byCode.get(normaliseCode(id));
    if (person?.withdrawnOn)
      report.problems.push(`Код ${id}: согласие отозвано — документы с ним не делаются`);
    else if (person) people.set(id, withIdentity(p, person));
    else if (p.consent !== 'withdrawn')
      report.problems.push(
        `Участника с кодом ${id} нет в реестре (или его данные удалены): документы с ним не сделаны`,
      );
  }
  const done = new Set(register.data.documents.map((d) => d.key));
  const jobs = pendingJobs({ ...world, people }, orders, done);
  const pairs = new Map(world.pairs.map((p) => [p.id, p]));
  const online = (state: Participant['consent']) =>
    new Set([...world.people.values()].filter((p) => p.consent === state).map((p) => normaliseCode(p.id)));
  const lookup = consentedLookup(register, { received: online('received'), withdrawn: online('withdrawn') });
  const folder = join(outDir, `${world.year} учебный год`);
  const written = new Map<string, string[]>();
  onProgress(0, jobs.length);
  jobs.forEach((job, i) => {
    try {
      const { doc, problems } = fill(job, lookup);
      if (problems.length > 0) report.problems.push(`«${job.title}» не сделан: ${problems.join('; ')}`);
      else {
        const dir = join(folder, DOCUMENT_FOLDERS[job.type]);
        const file = writeDocx(dir, job.title, specBlocks(doc.spec));
        written.set(dir, [...(written.get(dir) ?? []), file]);
        register.data.documents.push({
          key: job.key,
          file,
          at: register.now().toISOString(),
          codes: codesOf(job, pairs),
        });
        report.made.push(file);
      }
    } catch (e) {
      report.problems.push(`«${job.title}»: ${(e as Error).message}`);
    }
    onProgress(i + 1, jobs.length);
  });
  const soffice = pdf === 'auto' ? findSoffice() : undefined;
  if (soffice)
    for (const [dir, files] of written) {
      try {
        convertToPdf(soffice, files, dir);
        report.pdf += files.length;
      } catch (e) {
        report.problems.push(`PDF в папке «${dir}» не сделаны: ${(e as Error).message}`);
      }
    }
  register.log('документы', '', `сделано ${report.made.length}, не сделано ${report.problems.length}`);
  register.save();
  return report;
}
