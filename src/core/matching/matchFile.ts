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

/** Parses and checks a matching file; throws MatchFileError listing every problem found. */
export function parseMatchFile(raw: unknown): MatchFile {
  const parsed = MatchFileSchema.safeParse(raw);
  if (!parsed.success)
    throw new MatchFileError(parsed.error.issues.map((i) => `${pathText(i.path)}: ${i.message}`));
  const file = parsed.data;
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
  const pairs = new Set<string>();
  file.edges.forEach((e, k) => {
    if (!mentors.has(String(e.mentor))) problems.push(`edges[${k}]: неизвестный наставник «${e.mentor}».`);
    if (!mentees.has(String(e.mentee))) problems.push(`edges[${k}]: неизвестный наставляемый «${e.mentee}».`);
    const key = JSON.stringify([String(e.mentor), String(e.mentee)]);
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
