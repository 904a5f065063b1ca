// 50 respondents at once: each submission fires its trigger in a separate Node process (as Apps
// Script runs executions in parallel); the cross-process script lock must keep the bases whole.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { buildSync } from 'esbuild';
import { resolveIntakeForm } from '../../src/cli/intakeSubmit';
import { menteeAnswers, mentorAnswers, setUpWorkspace, table } from './workspace';

const run = promisify(execFile);
const root = join(__dirname, '..', '..');

function buildChild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nastavnik-child-'));
  const entry = join(dir, 'child.ts');
  writeFileSync(
    entry,
    `import { LocalWorkspace } from ${JSON.stringify(join(root, 'src/local'))};
(async () => {
  const [dir, formId, answers] = process.argv.slice(2);
  const ws = await LocalWorkspace.open(dir, { codePath: ${JSON.stringify(join(root, 'dist/Code.js'))} });
  const { results } = ws.submit(formId, JSON.parse(answers));
  process.stdout.write(JSON.stringify(results[0]));
})();
`,
  );
  const out = join(dir, 'child.cjs');
  buildSync({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: out,
    packages: 'external',
    logLevel: 'error',
  });
  return out;
}

describe('concurrent submissions', () => {
  it('leave exactly one row per participant and lose nothing', async () => {
    const ws = await setUpWorkspace({ mailQuota: 1000 });
    const child = buildChild();
    const resolve = (form: 'mentee' | 'mentor') => {
      const found = resolveIntakeForm(ws, form);
      if (!found) throw new Error(form);
      return found;
    };
    const forms = { mentee: resolve('mentee'), mentor: resolve('mentor') };
    // 40 people; 10 of them send their questionnaire twice (a resubmission racing the first). Every
    // pupil has a name of their own: the same name, class and age under another address would be a
    // new address for a known person, which waits for confirmation.
    const stems = ['Бел', 'Вол', 'Гор', 'Жук', 'Зай', 'Кот'];
    const surname = (i: number) => `${stems[i % 6]}${stems[Math.floor(i / 6) % 6].toLowerCase()}ов`;
    const jobs: Array<{ form: 'mentee' | 'mentor'; answers: Record<string, string | string[]> }> = [];
    for (let i = 0; i < 30; i++) {
      jobs.push({
        form: 'mentee',
        answers: menteeAnswers({
          email: `pupil${i}@example.ru`,
          lastName: surname(i),
          age: String(11 + (i % 6)),
        }),
      });
    }
    for (let i = 0; i < 10; i++) {
      jobs.push({
        form: 'mentor',
        answers: mentorAnswers({
          email: `teacher${i}@school.ru`,
          lastName: surname(i + 30),
          experienceYears: String(i + 5),
        }),
      });
    }
    for (let i = 0; i < 10; i++)
      jobs.push({
        form: 'mentee',
        answers: menteeAnswers({
          email: `pupil${i}@example.ru`,
          lastName: surname(i),
          age: String(11 + (i % 6)),
          schoolClass: '8А',
        }),
      });
    const replies = await Promise.all(
      jobs.map((j) =>
        run(
          process.execPath,
          [child, ws.dir, forms[j.form].formId, JSON.stringify(forms[j.form].translate(j.answers))],
          {
            env: { ...process.env, NODE_PATH: join(root, 'node_modules') },
            maxBuffer: 1 << 20,
          },
        ).then((r) => JSON.parse(r.stdout) as { result: string; responseId: string }),
      ),
    );
    expect(replies.filter((r) => r.result === 'rejected')).toEqual([]);
    const mentees = table(ws, 'Наставляемые');
    const mentors = table(ws, 'Наставники');
    expect(mentees).toHaveLength(30);
    expect(mentors).toHaveLength(10);
    expect(new Set(mentees.map((r) => r['E-mail'])).size).toBe(30);
    expect(new Set(mentees.map((r) => r.ID)).size).toBe(30);
    const log = table(ws, 'Приём анкет');
    expect(log).toHaveLength(50);
    expect(new Set(log.map((r) => r.Ответ))).toEqual(new Set(replies.map((r) => r.responseId)));
    expect(log.filter((r) => r.Результат === 'обновлена')).toHaveLength(10);
  });
});
