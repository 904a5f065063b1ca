// The district level: school figures added up by the key convention of figures.ts, a dashboard row
// per school, and the cross-school matching of mentees left without a mentor to the district
// mentor bank. Only aggregates and the bank entries of mentors who agreed ever reach this code.

import * as z from 'zod/mini';
import { lazySchema } from '../lazySchema';
import { solveMatching } from '../matching/solver';
import { CATEGORIES, type Category, type MentoringForm } from '../model';
import { readRows } from '../schema';
import type { CellValue } from '../table';
import {
  aggregateRule,
  MONITORING,
  type MonitoringRow,
  type MonitoringUnit,
  meetsTarget,
  percentOf,
  roundTo,
} from './figures';

export interface SchoolFigures {
  school: string;
  rows: MonitoringRow[];
}

const UNITS: readonly MonitoringUnit[] = ['чел.', 'пар', 'встреч', 'орг.', '%', 'балл', 'ответов'];

/** Reads a school's Мониторинг grid (header row first) back into rows; unknown lines are skipped. */
export function readMonitoringGrid(values: readonly (readonly CellValue[])[]): MonitoringRow[] {
  const rows: MonitoringRow[] = [];
  for (const { values: line } of readRows(MONITORING, values)) {
    const v = line.value;
    if (!line.key || typeof v !== 'number') continue;
    const u = String(line.unit) as MonitoringUnit;
    const row: MonitoringRow = {
      key: line.key,
      section: String(line.section),
      name: String(line.name),
      value: v,
      unit: UNITS.includes(u) ? u : 'чел.',
    };
    if (typeof line.target === 'number') {
      row.target = line.target;
      row.met = line.met === 'да';
    }
    rows.push(row);
  }
  return rows;
}

/** The district's figures: sums, percents from summed parts, averages weighted by answers. */
export function aggregateDistrict(schools: readonly SchoolFigures[]): MonitoringRow[] {
  const template = new Map<string, MonitoringRow>();
  const sums = new Map<string, number>();
  for (const s of schools) {
    for (const r of s.rows) {
      if (!template.has(r.key)) template.set(r.key, r);
      sums.set(r.key, (sums.get(r.key) ?? 0) + r.value);
    }
  }
  const weighted = (key: string, weightKey: string) => {
    let total = 0;
    let weight = 0;
    for (const s of schools) {
      const v = s.rows.find((r) => r.key === key)?.value;
      const w = s.rows.find((r) => r.key === weightKey)?.value ?? 0;
      if (v === undefined || w <= 0) continue;
      total += v * w;
      weight += w;
    }
    return weight > 0 ? roundTo(total / weight, 2) : 0;
  };
  return [...template.values()].map((t) => {
    const rule = aggregateRule(t.key);
    const row: MonitoringRow = { key: t.key, section: t.section, name: t.name, unit: t.unit, value: 0 };
    if (rule.kind === 'sum') row.value = sums.get(t.key) ?? 0;
    else if (rule.kind === 'weighted') row.value = weighted(t.key, rule.weight);
    else {
      const count = sums.get(rule.count) ?? 0;
      const total = sums.get(rule.total) ?? 0;
      row.value = percentOf(count, total);
      if (t.target !== undefined) {
        row.target = t.target;
        row.met = meetsTarget(count, total, t.target);
      }
    }
    return row;
  });
}

/** Columns of the district dashboard: one line per school. */
export const DASHBOARD_FIGURES: ReadonlyArray<{ key: string; title: string }> = [
  { key: 'participants.all.count', title: 'Участников' },
  { key: 'coverage.students10to18.percent', title: 'Охват учеников 10–18, %' },
  { key: 'coverage.students15to19.percent', title: 'Ученики-наставники 15–19, %' },
  { key: 'coverage.teachers.percent', title: 'Охват педагогов, %' },
  { key: 'coverage.youngSpecialists.percent', title: 'Молодые специалисты, %' },
  { key: 'coverage.partners.percent', title: 'Предприятия-партнёры, %' },
  { key: 'pairs.approved.count', title: 'Пар действует' },
  { key: 'pairs.completed.count', title: 'Пар завершено' },
  { key: 'meetings.held.percent', title: 'Встреч проведено, %' },
  { key: 'satisfaction.all.mentee.avg', title: 'Удовлетворённость наставляемых' },
  { key: 'wantsToMentor.percent', title: 'Хотят стать наставниками, %' },
];

export const DASHBOARD_HEADERS = [
  'Школа',
  ...DASHBOARD_FIGURES.map((f) => f.title),
  'Целей выполнено',
] as const;

export function dashboardLine(s: SchoolFigures): CellValue[] {
  const value = (key: string) => s.rows.find((r) => r.key === key)?.value ?? '';
  const targets = s.rows.filter((r) => r.target !== undefined);
  const met = targets.filter((r) => {
    const base = r.key.slice(0, r.key.lastIndexOf('.'));
    const count = s.rows.find((x) => x.key === `${base}.count`)?.value ?? 0;
    const total = s.rows.find((x) => x.key === `${base}.total`)?.value ?? 0;
    return meetsTarget(count, total, r.target ?? 0);
  }).length;
  return [s.school, ...DASHBOARD_FIGURES.map((f) => value(f.key)), `${met} из ${targets.length}`];
}

/** A bank mentor as the district sees it: only what the mentor agreed to share. */
export interface DistrictMentor {
  email: string;
  name: string;
  school: string;
  category: Category;
  forms: string[];
  topics: string[];
  capacity: number;
}

/** An unmatched mentee, pseudonymous: the school's participant id, never a name. */
export interface DistrictMentee {
  school: string;
  menteeId: string;
  category: Category;
  forms: string[];
  topics: string[];
}

export interface DistrictProposal {
  school: string;
  menteeId: string;
  formId: string;
  mentorEmail: string;
  mentorName: string;
  mentorSchool: string;
  score: number;
  explanation: string;
}

/** A pair a school declined: never proposed again. */
export const declinedKey = (mentorEmail: string, school: string, menteeId: string): string =>
  `${mentorEmail.toLowerCase()}\u0000${school}\u0000${menteeId}`;

/**
 * Matches unmatched mentees of all schools to bank mentors with the project's exact solver. A pair
 * is allowed when both take part in a form that fits their categories; forms that compare classes
 * (ученик – ученик) stay inside a school, and a pair a school declined is not proposed again. The
 * score is 10 per shared topic plus 1.
 */
export function matchAcrossSchools(
  mentors: readonly DistrictMentor[],
  mentees: readonly DistrictMentee[],
  forms: readonly MentoringForm[],
  declined: ReadonlySet<string> = new Set(),
): DistrictProposal[] {
  const edgeMentor: number[] = [];
  const edgeMentee: number[] = [];
  const edgeWeight: number[] = [];
  const edgeForm: MentoringForm[] = [];
  const edgeShared: string[][] = [];
  mentees.forEach((e, i) => {
    mentors.forEach((m, j) => {
      if (declined.has(declinedKey(m.email, e.school, e.menteeId))) return;
      const form = forms.find(
        (f) =>
          !f.mentorInHigherClass &&
          e.forms.includes(f.id) &&
          m.forms.includes(f.id) &&
          f.mentorCategories.includes(m.category) &&
          f.menteeCategories.includes(e.category),
      );
      if (!form) return;
      const shared = e.topics.filter((t) => m.topics.includes(t));
      edgeMentor.push(j);
      edgeMentee.push(i);
      edgeWeight.push(10 * shared.length + 1);
      edgeForm.push(form);
      edgeShared.push(shared);
    });
  });
  const result = solveMatching({
    mentorCount: mentors.length,
    menteeCount: mentees.length,
    capacity: mentors.map((m) => m.capacity),
    edgeMentor,
    edgeMentee,
    edgeWeight,
  });
  const proposals: DistrictProposal[] = [];
  mentees.forEach((e, i) => {
    const k = result.edgeOf[i];
    if (k < 0) return;
    const m = mentors[edgeMentor[k]];
    const shared = edgeShared[k];
    proposals.push({
      school: e.school,
      menteeId: e.menteeId,
      formId: edgeForm[k].id,
      mentorEmail: m.email,
      mentorName: m.name,
      mentorSchool: m.school,
      score: edgeWeight[k],
      explanation: `Наставник из районного банка (${m.school}), форма «${edgeForm[k].label}»${shared.length ? `; общие темы: ${shared.join(', ')}` : ''}.`,
    });
  });
  return proposals;
}

/** What the district keeps of one school between runs of a collection (a JSON cell of «Сбор отчётов школ»). */
export interface SchoolCollection {
  figures: SchoolFigures;
  bank: DistrictMentor[];
  bankRows: string[][];
  unmatched: DistrictMentee[];
  /** Ids of the district proposals the school declined in its Пары. */
  declined?: string[];
}

// Built on first parse: the bundle is evaluated at the start of every Apps Script execution.
export const schoolCollectionSchema = lazySchema((): z.ZodMiniType<SchoolCollection> => {
  const categorySchema = z.enum(CATEGORIES);
  return z.object({
    figures: z.object({
      school: z.string(),
      rows: z.array(
        z.object({
          key: z.string(),
          section: z.string(),
          name: z.string(),
          value: z.number(),
          unit: z.enum(UNITS as [MonitoringUnit, ...MonitoringUnit[]]),
          target: z.optional(z.number()),
          met: z.optional(z.boolean()),
        }),
      ),
    }),
    bank: z.array(
      z.object({
        email: z.string(),
        name: z.string(),
        school: z.string(),
        category: categorySchema,
        forms: z.array(z.string()),
        topics: z.array(z.string()),
        capacity: z.number().check(z.int(), z.gte(0)),
      }),
    ),
    bankRows: z.array(z.array(z.string())),
    unmatched: z.array(
      z.object({
        school: z.string(),
        menteeId: z.string(),
        category: categorySchema,
        forms: z.array(z.string()),
        topics: z.array(z.string()),
      }),
    ),
    declined: z.optional(z.array(z.string())),
  });
});

/** The stored collection of a school, or undefined when the cell was damaged (the school is read again). */
export function parseSchoolCollection(text: string): SchoolCollection | undefined {
  try {
    const parsed = schoolCollectionSchema().safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
