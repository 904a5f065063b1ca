// `nastavnik local submit DIR mentee FILE`: answers keyed by the questionnaire's item keys, one line
// per response with the verdict and the Russian reason.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const bin = join(__dirname, '..', '..', 'bin', 'nastavnik.cjs');

describe('local submit with item keys', () => {
  it('prints accepted and rejected responses with reasons, from JSON and CSV', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nastavnik-cli-intake-'));
    const ws = join(dir, 'ws');
    execFileSync(process.execPath, [bin, 'local', 'init', ws]);
    const json = join(dir, 'mentees.json');
    writeFileSync(
      json,
      JSON.stringify([
        {
          email: 'a.petrov@example.ru',
          lastName: 'петров',
          firstName: 'андрей',
          category: 'ученик',
          schoolClass: '9 в',
          age: '15',
          topics: ['профориентация'],
          forms: ['учитель – ученик'],
          parentName: 'Петрова Анна',
          parentEmail: 'anna.petrova@example.ru',
        },
        {
          email: 'bad@',
          lastName: 'Сидоров',
          firstName: 'Иван',
          category: 'ученик',
          schoolClass: '9В',
          age: '15',
          topics: ['профориентация'],
          forms: ['учитель – ученик'],
          parentName: 'Сидорова Анна',
          parentEmail: 's@example.ru',
        },
      ]),
    );
    const mentees = spawnSync(process.execPath, [bin, 'local', 'submit', ws, 'mentee', json], {
      encoding: 'utf8',
    });
    expect(mentees.stdout).toContain('№1: принят — принята (НЯ-0001)');
    expect(mentees.stdout).toMatch(/№2: отклонён — .*адрес почты «bad@» записан с ошибкой/);
    expect(mentees.status).toBe(1);

    const csv = join(dir, 'mentors.csv');
    writeFileSync(
      csv,
      'email,lastName,firstName,category,age,topics,forms,capacity\n' +
        't.orlova@school.ru,Орлова,Татьяна,педагог,45,методика преподавания;классное руководство,учитель – учитель,2\n',
    );
    const mentors = spawnSync(process.execPath, [bin, 'local', 'submit', ws, 'mentor', csv], {
      encoding: 'utf8',
    });
    expect(mentors.stdout).toContain('№1: принят — принята (НС-0001)');
    expect(mentors.status).toBe(0);
  });
});
