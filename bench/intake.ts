// 1,000 questionnaire responses through the Google Form fakes into the bases: service calls per
// response must stay flat as the bases grow (one read and one write per sheet), and the time per
// response shows what a curator's school would see on Apps Script (where each call costs far more).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type KeyedAnswers, resolveIntakeForm } from '../src/cli/intakeSubmit';
import { programmeStatus } from '../src/cli/status';
import { LocalWorkspace, type RunStats } from '../src/local';
import type { BenchSuite } from './index';

const TOTAL = 1000;
const WINDOW = 100;
const CLASSES = ['5А', '6Б', '7В', '8А', '9Б', '10А', '11Б'];
const SURNAMES = ['Иванов', 'Смирнов', 'Кузнецов', 'Попов', 'Васильев', 'Петров', 'Соколов', 'Михайлов'];

function response(i: number): { form: 'mentee' | 'mentor'; answers: KeyedAnswers } {
  // Every tenth response is a resubmission of an earlier participant (an update, not a new row).
  const person = i % 10 === 9 ? i - 9 : i;
  const last = `${SURNAMES[person % SURNAMES.length]}${person % 3 === 0 ? 'а' : ''}`;
  if (person % 5 === 0) {
    return {
      form: 'mentor',
      answers: {
        email: `teacher${person}@school.ru`,
        lastName: last,
        firstName: 'Анна',
        category: 'педагог',
        age: String(30 + (person % 30)),
        topics: ['подготовка к экзаменам'],
        forms: ['учитель – ученик'],
        capacity: String(1 + (person % 4)),
        experienceYears: String(i === person ? 5 : 6),
      },
    };
  }
  return {
    form: 'mentee',
    answers: {
      email: `pupil${person}@example.ru`,
      lastName: last,
      firstName: 'Пётр',
      category: 'ученик',
      schoolClass: CLASSES[person % CLASSES.length],
      age: String(i === person ? 12 : 13),
      topics: ['успеваемость по предмету'],
      forms: ['учитель – ученик'],
      parentName: 'Родителева Мария',
      parentEmail: `parent${person}@example.ru`,
      // One in twenty is messy and rejected; its cost counts too.
      ...(person % 20 === 7 ? { schoolClass: '7Я' } : {}),
    },
  };
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

function callsOf(runs: RunStats[]): { calls: number; ms: number } {
  return { calls: runs.reduce((n, r) => n + r.totalCalls, 0), ms: runs.reduce((n, r) => n + r.elapsedMs, 0) };
}

export const intakeBench: BenchSuite = {
  name: 'Приём анкет: 1000 ответов через формы',
  run: async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nastavnik-bench-intake-'));
    try {
      const ws = await LocalWorkspace.create(join(dir, 'ws'), { mailQuota: 100_000 });
      ws.init();
      const forms = { mentee: resolveIntakeForm(ws, 'mentee'), mentor: resolveIntakeForm(ws, 'mentor') };
      const figures: { calls: number; ms: number; reads: number }[] = [];
      const started = Date.now();
      for (let i = 0; i < TOTAL; i++) {
        const { form, answers } = response(i);
        const target = forms[form];
        if (!target) throw new Error(`нет формы ${form}`);
        const { runs } = ws.submit(target.formId, target.translate(answers));
        const failed = runs.find((r) => !r.ok);
        if (failed) throw new Error(`ответ ${i + 1}: ${failed.error}`);
        const reads = runs.reduce((n, r) => n + (r.calls['SpreadsheetApp.Range.getValues'] ?? 0), 0);
        figures.push({ ...callsOf(runs), reads });
      }
      const wall = Date.now() - started;
      const first = figures.slice(0, WINDOW);
      const last = figures.slice(-WINDOW);
      const status = programmeStatus(ws);
      console.log(`  в базах: наставляемых ${status.mentees}, наставников ${status.mentors}`);
      console.log(
        `  вызовов сервисов на ответ: первые ${WINDOW} — ${mean(first.map((f) => f.calls)).toFixed(1)}, последние ${WINDOW} — ${mean(last.map((f) => f.calls)).toFixed(1)} (getValues: ${mean(first.map((f) => f.reads)).toFixed(1)} → ${mean(last.map((f) => f.reads)).toFixed(1)})`,
      );
      console.log(
        `  время на ответ: первые ${WINDOW} — ${mean(first.map((f) => f.ms)).toFixed(1)} мс, последние ${WINDOW} — ${mean(last.map((f) => f.ms)).toFixed(1)} мс; всего ${(wall / 1000).toFixed(1)} с`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
