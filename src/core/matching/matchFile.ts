// The generic matching file of `nastavnik match`: mentors with capacities, mentees, weighted
// allowed pairs, optional rankings. Validation collects every problem with a Russian message.
import * as z from 'zod';
import { type MatchingInstance, type MatchingResult, solveMatching } from './solver';
import { stableMatching } from './stable';

const Id = z.union([z.string().min(1, 'пустой id'), z.number().int('id-число должно быть целым')], {
  error: 'id должен быть строкой или целым числом',
});
type Id = z.infer<typeof Id>;

const Weight = z
  .number({ error: 'вес должен быть числом' })
  .int('вес должен быть целым числом')
  .min(0, 'вес не может быть отрицательным')
  .max(Number.MAX_SAFE_INTEGER, 'вес слишком велик');

export const MatchFileSchema = z.object(
  {
    mentors: z.array(
      z.object({
        id: Id,
        capacity: z
          .number({ error: 'ёмкость должна быть числом' })
          .int('ёмкость должна быть целым числом')
          .min(0, 'ёмкость не может быть отрицательной'),
      }),
      { error: 'нужен массив «mentors»' },
    ),
    mentees: z.array(z.object({ id: Id }), { error: 'нужен массив «mentees»' }),
    edges: z.array(z.object({ mentor: Id, mentee: Id, weight: Weight }), { error: 'нужен массив «edges»' }),
    preferences: z
      .object({
        mentees: z.record(z.string(), z.array(Id)).default({}),
        mentors: z.record(z.string(), z.array(Id)).default({}),
      })
      .optional(),
  },
  { error: 'ожидается объект {"mentors", "mentees", "edges"}' },
);
export type MatchFile = z.infer<typeof MatchFileSchema>;

export type MatchMode = 'optimal' | 'stable';

export interface MatchOutput {
  pairs: Array<{ mentor: Id; mentee: Id }>;
  matched: number;
  totalWeight: number;
}

export class MatchFileError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

const pathText = (path: ReadonlyArray<PropertyKey>) =>
  path.length === 0
    ? 'файл'
    : path.map((p, k) => (typeof p === 'number' ? `[${p}]` : `${k > 0 ? '.' : ''}${String(p)}`)).join('');

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isId = (v: unknown): v is Id => (typeof v === 'string' && v.length > 0) || Number.isInteger(v);
const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

/**
 * The file as the schema would parse it, when every element is well formed and there are no
 * rankings: plain checks per element. A file of 800,000 edges took the schema a second, three
 * times the solving. Anything else (a problem to report, rankings) goes to the schema.
 */
function wellFormed(raw: unknown): MatchFile | undefined {
  if (!isRecord(raw) || raw.preferences !== undefined) return undefined;
  const { mentors, mentees, edges } = raw;
  if (!Array.isArray(mentors) || !Array.isArray(mentees) || !Array.isArray(edges)) return undefined;
  for (const m of mentors) if (!isRecord(m) || !isId(m.id) || !isCount(m.capacity)) return undefined;
  for (const m of mentees) if (!isRecord(m) || !isId(m.id)) return undefined;
  for (const e of edges) {
    if (!isRecord(e) || !isId(e.mentor) || !isId(e.mentee)) return undefined;
    if (!isCount(e.weight) || e.weight > Number.MAX_SAFE_INTEGER) return undefined;
  }
  // Checked element by element above; other keys an element may carry are never read.
  return { mentors, mentees, edges } as MatchFile;
}

/** A set of small numbers over a bitmap: the pairs of a dense file are most of the possible ones. */
function bitSet(size: number): { has(n: number): boolean; add(n: number): void } {
  const bits = new Uint8Array(Math.ceil(size / 8));
  return {
    has: (n) => (bits[n >> 3] & (1 << (n & 7))) !== 0,
    add: (n) => {
      bits[n >> 3] |= 1 << (n & 7);
    },
  };
}

/** Parses and checks a matching file; throws MatchFileError listing every problem found. */
export function parseMatchFile(raw: unknown): MatchFile {
  let file = wellFormed(raw);
  if (!file) {
    const parsed = MatchFileSchema.safeParse(raw);
    if (!parsed.success)
      throw new MatchFileError(parsed.error.issues.map((i) => `${pathText(i.path)}: ${i.message}`));
    file = parsed.data;
  }
  const problems: string[] = [];
  const indexOf = (list: ReadonlyArray<{ id: Id }>, what: string) => {
    const map = new Map<string, number>();
    list.forEach((x, k) => {
      const key = String(x.id);
      if (map.has(key))
        problems.push(`${what}: id «${key}» повторяется (записи ${map.get(key)! + 1} и ${k + 1}).`);
      else map.set(key, k);
    });
    return map;
  };
  const mentors = indexOf(file.mentors, 'mentors');
  const mentees = indexOf(file.mentees, 'mentees');
  // A pair is known by its two positions: a bit per possible pair when that fits, else a number in a set.
  const width = Math.max(1, file.mentees.length);
  const cells = file.mentors.length * width;
  const pairs = cells <= 1 << 26 ? bitSet(cells) : new Set<number>();
  file.edges.forEach((e, k) => {
    const mentor = mentors.get(String(e.mentor));
    const mentee = mentees.get(String(e.mentee));
    if (mentor === undefined) problems.push(`edges[${k}]: неизвестный наставник «${e.mentor}».`);
    if (mentee === undefined) problems.push(`edges[${k}]: неизвестный наставляемый «${e.mentee}».`);
    if (mentor === undefined || mentee === undefined) return;
    const key = mentor * width + mentee;
    if (pairs.has(key)) problems.push(`edges[${k}]: пара «${e.mentor}» – «${e.mentee}» повторяется.`);
    pairs.add(key);
  });
  const checkRanking = (
    rankings: Record<string, Id[]>,
    owners: Map<string, number>,
    others: Map<string, number>,
    side: string,
  ) => {
    for (const [owner, list] of Object.entries(rankings)) {
      if (!owners.has(owner)) problems.push(`preferences.${side}: неизвестный id «${owner}».`);
      const seen = new Set<string>();
      for (const other of list) {
        const key = String(other);
        if (!others.has(key)) problems.push(`preferences.${side}.${owner}: неизвестный id «${key}».`);
        if (seen.has(key)) problems.push(`preferences.${side}.${owner}: id «${key}» указан дважды.`);
        seen.add(key);
      }
    }
  };
  if (file.preferences) {
    checkRanking(file.preferences.mentees, mentees, mentors, 'mentees');
    checkRanking(file.preferences.mentors, mentors, mentees, 'mentors');
  }
  if (problems.length > 0) throw new MatchFileError(problems);
  return file;
}

export function solveMatchFile(file: MatchFile, mode: MatchMode): MatchOutput {
  const mentorIndex = new Map(file.mentors.map((x, k) => [String(x.id), k]));
  const menteeIndex = new Map(file.mentees.map((x, k) => [String(x.id), k]));
  const inst: MatchingInstance = {
    mentorCount: file.mentors.length,
    menteeCount: file.mentees.length,
    capacity: file.mentors.map((x) => x.capacity),
    edgeMentor: file.edges.map((e) => mentorIndex.get(String(e.mentor))!),
    edgeMentee: file.edges.map((e) => menteeIndex.get(String(e.mentee))!),
    edgeWeight: file.edges.map((e) => e.weight),
  };
  let result: MatchingResult;
  if (mode === 'stable') {
    const rank = (
      rankings: Record<string, Id[]>,
      owners: Map<string, number>,
      others: Map<string, number>,
    ) => {
      const out: number[][] = Array.from({ length: owners.size }, () => []);
      for (const [owner, list] of Object.entries(rankings))
        out[owners.get(owner)!] = list.map((o) => others.get(String(o))!);
      return out;
    };
    result = stableMatching(inst, {
      menteeRanking: rank(file.preferences?.mentees ?? {}, menteeIndex, mentorIndex),
      mentorRanking: rank(file.preferences?.mentors ?? {}, mentorIndex, menteeIndex),
    });
  } else {
    result = solveMatching(inst);
  }
  const pairs: MatchOutput['pairs'] = [];
  file.mentees.forEach((mentee, i) => {
    const j = result.mentorOf[i];
    if (j >= 0) pairs.push({ mentor: file.mentors[j].id, mentee: mentee.id });
  });
  return { pairs, matched: result.matched, totalWeight: result.totalWeight };
}
