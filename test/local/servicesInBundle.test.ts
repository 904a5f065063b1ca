// DriveApp, DocumentApp and MailApp as globals of a real execution: a script run by LocalWorkspace.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import mammoth from 'mammoth';
import { LocalWorkspace } from '../../src/local';

const SCRIPT = `
function issueAgreement(mentee, parentEmail) {
  var folder = DriveApp.getRootFolder().createFolder('Договоры');
  var template = DocumentApp.create('Шаблон');
  var body = template.getBody();
  body.getParagraphs()[0].setText('ДОГОВОР').setHeading(DocumentApp.ParagraphHeading.HEADING1);
  body.appendParagraph('Наставляемый: {{mentee}}');
  var isArray = Array.isArray(body.getParagraphs()) && body.getParagraphs() instanceof Array;
  template.saveAndClose();
  var copy = DriveApp.getFileById(template.getId()).makeCopy('Договор — ' + mentee, folder);
  var doc = DocumentApp.openById(copy.getId());
  doc.getBody().replaceText('\\\\{\\\\{mentee\\\\}\\\\}', mentee);
  doc.saveAndClose();
  copy.addViewer(parentEmail);
  MailApp.sendEmail(parentEmail, 'Договор о наставничестве', 'Договор во вложении.', {
    attachments: [doc.getAs(MimeType.PDF)], name: 'Куратор'
  });
  var caught;
  try { DocumentApp.openById('nope'); } catch (e) { caught = e instanceof Error ? e.message : 'not an Error'; }
  var closed;
  try { doc.getBody(); } catch (e) { closed = e.message; }
  return { caught: caught, closed: closed, access: String(copy.getSharingAccess()),
           left: MailApp.getRemainingDailyQuota(), isArray: isArray };
}
`;

test('a script uses DriveApp, DocumentApp and MailApp as it would on Google', async () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'nastavnik-h2-bundle-')), 'ws');
  const ws = await LocalWorkspace.create(dir, {
    code: SCRIPT,
    clockStart: new Date('2026-11-25T09:00:00Z'),
    googleAccountDomains: ['*'],
  });
  const result = ws.run('issueAgreement', 'Иванова Анна', 'parent@family.ru') as Record<string, unknown>;
  expect(result).toMatchObject({
    caught: "Document is missing (perhaps it was deleted, or you don't have read access?)",
    closed: 'Document is closed, its contents cannot be updated.',
    access: 'PRIVATE',
    left: 99,
    isArray: true,
  });
  expect(ws.lastRun?.calls).toMatchObject({
    'DocumentApp.create': 1,
    'DocumentApp.Body.replaceText': 1,
    'DriveApp.File.makeCopy': 1,
    'MailApp.sendEmail': 1,
  });
  const docx = join(dir, 'drive', 'Договоры', 'Договор — Иванова Анна.docx');
  expect((await mammoth.extractRawText({ path: docx })).value).toContain('Наставляемый: Иванова Анна');
  const [eml] = readdirSync(join(dir, 'outbox'));
  const mail = await simpleParser(readFileSync(join(dir, 'outbox', eml)));
  expect(mail.subject).toBe('Договор о наставничестве');
  expect(mail.attachments[0]?.filename).toBe('Договор — Иванова Анна.pdf');
});

test("an injected Mail failure ends the run with Google's text and sends nothing", async () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'nastavnik-h2-fault-')), 'ws');
  const ws = await LocalWorkspace.create(dir, {
    code: "function notify() { MailApp.sendEmail('a@school.local', 'Тема', 'Текст'); }",
    faults: { services: ['MailApp'], failNth: 1 },
  });
  expect(() => ws.run('notify')).toThrow('Service unavailable: Mail. Try again later.');
  expect(readdirSync(join(dir, 'outbox'))).toEqual([]);
  ws.run('notify');
  expect(readdirSync(join(dir, 'outbox'))).toHaveLength(1);
});
