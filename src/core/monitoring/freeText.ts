// The free-text answers of the surveys, summarised for the curator without names (152-ФЗ: minimal
// sharing): the frequent words and two-word phrases, each counted once per answer that uses it, and
// the answers themselves grouped by survey. Deliberately simple and explainable: words are lower-cased,
// «ё» read as «е», common endings cut off so that «встречи» and «встречам» count together, and
// function words left out. Participants' names are masked in the answers and never become themes.
import { SURVEY_KIND_LABELS, type SurveyKind } from '../meetings/surveys';
import type { Participant } from '../model';
import { MONTHS_NOMINATIVE } from '../templates/russianDate';

export interface SurveyComment {
  kind: SurveyKind;
  date: Date;
  /** As «Опросы» keeps it: «вопрос: ответ | вопрос: ответ». */
  text: string;
}

export interface FreeTextTheme {
  text: string;
  /** Answers that use the word or phrase. */
  count: number;
  /** «обратная связь — 3, удовлетворённость — 2» */
  surveys: string;
}

export interface FreeTextGroup {
  title: string;
  /** Distinct answers, each with how many gave it word for word. */
  answers: Array<{ text: string; count: number }>;
}

export interface FreeTextSummary {
  answers: number;
  themes: FreeTextTheme[];
  groups: FreeTextGroup[];
}

const THEME_LIMIT = 15;
const MIN_ANSWERS = 2;
const MIN_WORD = 4;
const MAX_PHRASE = 4;
const MASK = '…';

const STOP_WORDS = new Set(
  `без более бы был была были было быть вам вас весь во вот все всегда всего всех вы где да даже для до его
  ее ей если есть еще же за здесь из или им их как когда кто ли либо мне много может можно мой мы на над надо
  наш не него нее нет ни них но ну об однако он она они оно от очень по под после потому при про раз с сам
  свой себя себе так также такой там тем то того тоже только том тот тут у уже хотя чем через что чтобы чуть
  эта эти это этот я бы хорошо хотелось хотелось бы было стоит нужно нам меня мною свои своих своей которые
  который которая которых можно всё ещё её иногда просто из-за из-под по-прежнему`
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w.replace(/ё/g, 'е')),
);

const ENDINGS = [
  'иями',
  'ями',
  'ами',
  'ого',
  'его',
  'ому',
  'ему',
  'ыми',
  'ими',
  'иям',
  'иях',
  'ией',
  'ия',
  'ие',
  'ий',
  'ая',
  'яя',
  'ое',
  'ее',
  'ые',
  'ый',
  'ой',
  'ей',
  'ам',
  'ям',
  'ах',
  'ях',
  'ов',
  'ев',
  'ом',
  'ем',
  'ую',
  'юю',
  'ию',
  'а',
  'я',
  'о',
  'е',
  'ы',
  'и',
  'у',
  'ю',
  'ь',
  'й',
];

const normal = (word: string): string => word.toLowerCase().replace(/ё/g, 'е');

/** A word without its common ending; at least four letters stay. */
export function stem(word: string): string {
  const w = normal(word);
  for (const end of ENDINGS) {
    if (w.endsWith(end) && w.length - end.length >= MIN_WORD) return w.slice(0, -end.length);
  }
  return w;
}

const CLAUSE_BREAK = /[.,;:!?()/«»"—–]|\s-\s/;
const WORD = /[A-Za-zА-Яа-яЁё]+(?:-[A-Za-zА-Яа-яЁё]+)*/g;

/** The answer without the questions: «Что мешает: мало времени» → «мало времени». */
export function answerText(comment: string): string {
  return comment
    .split(' | ')
    .map((part) => {
      const colon = part.indexOf(': ');
      return (colon >= 0 ? part.slice(colon + 2) : part).trim();
    })
    .filter(Boolean)
    .join(' / ');
}

/** Stems of the participants' first, last and middle names. */
export function nameStems(participants: readonly Participant[]): Set<string> {
  const out = new Set<string>();
  for (const p of participants)
    for (const n of [p.firstName, p.lastName, p.middleName])
      for (const w of (n ?? '').match(WORD) ?? []) if (w.length >= 3) out.add(stem(w));
  return out;
}

/** A name's stem followed by at most a case ending: «Смирнову», «Ириной». */
function isName(word: string, names: ReadonlySet<string>): boolean {
  const w = normal(word);
  for (let cut = 0; cut <= 3 && w.length - cut >= 3; cut++)
    if (names.has(w.slice(0, w.length - cut))) return true;
  return false;
}

/** Each word that is a participant's name becomes «…». */
export const maskNames = (text: string, names: ReadonlySet<string>): string =>
  text.replace(WORD, (w) => (isName(w, names) ? MASK : w));

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Feedback is collected several times a year: each month's round is its own group. */
function groupOf(c: SurveyComment): { key: string; title: string } {
  const label = capital(SURVEY_KIND_LABELS[c.kind]);
  if (c.kind !== 'feedback') return { key: c.kind, title: label };
  // The school's calendar is Moscow time: a late-evening answer belongs to its Moscow day.
  const moscow = new Date(c.date.getTime() + 3 * 3_600_000);
  const month = moscow.getUTCMonth();
  const year = moscow.getUTCFullYear();
  return {
    key: `${c.kind}:${year}-${String(month + 1).padStart(2, '0')}`,
    title: `${label}, ${MONTHS_NOMINATIVE[month]} ${year}`,
  };
}

interface Tally {
  answers: Set<number>;
  forms: Map<string, number>;
  kinds: Map<SurveyKind, Set<number>>;
}

export function freeTextSummary(
  comments: readonly SurveyComment[],
  participants: readonly Participant[],
): FreeTextSummary {
  const names = nameStems(participants);
  const tallies = new Map<string, Tally>();
  const groups = new Map<string, { title: string; first: number; answers: Map<string, number> }>();
  const note = (key: string, form: string, i: number, kind: SurveyKind) => {
    const t = tallies.get(key) ?? { answers: new Set(), forms: new Map(), kinds: new Map() };
    tallies.set(key, t);
    t.answers.add(i);
    t.forms.set(form, (t.forms.get(form) ?? 0) + 1);
    const k = t.kinds.get(kind) ?? new Set<number>();
    k.add(i);
    t.kinds.set(kind, k);
  };
  let n = 0;
  comments.forEach((c, i) => {
    const text = maskNames(answerText(c.text), names);
    if (!text) return;
    n++;
    const g = groupOf(c);
    const group = groups.get(g.key) ?? { title: g.title, first: c.date.getTime(), answers: new Map() };
    groups.set(g.key, group);
    group.first = Math.min(group.first, c.date.getTime());
    group.answers.set(text, (group.answers.get(text) ?? 0) + 1);
    // Every run of up to four content words in a row within a clause: «закрепить день недели» as
    // well as its parts, never across a comma or a full stop.
    for (const clause of text.split(CLAUSE_BREAK)) {
      const words = (clause.match(WORD) ?? []).map((w) => w.toLowerCase());
      const content = words.map(
        (w) => w.length >= MIN_WORD && !STOP_WORDS.has(normal(w)) && !isName(w, names),
      );
      words.forEach((_, j) => {
        for (let k = j; k < Math.min(j + MAX_PHRASE, words.length) && content[k]; k++) {
          const run = words.slice(j, k + 1);
          note(run.map(stem).join(' '), run.join(' '), i, c.kind);
        }
      });
    }
  });
  const commonForm = (forms: Map<string, number>) =>
    [...forms].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'ru'))[0][0];
  const frequent = [...tallies]
    .filter(([, t]) => t.answers.size >= MIN_ANSWERS)
    .map(([key, t]) => ({ key, length: key.split(' ').length, t }));
  // A word or phrase that only ever comes inside a longer frequent phrase adds nothing.
  const inside = (short: string, long: string) => ` ${long} `.includes(` ${short} `);
  const ranked = frequent
    .filter(
      (r) =>
        !frequent.some(
          (o) => o.length > r.length && o.t.answers.size === r.t.answers.size && inside(r.key, o.key),
        ),
    )
    .sort(
      (a, b) =>
        b.t.answers.size - a.t.answers.size ||
        b.length - a.length ||
        commonForm(a.t.forms).localeCompare(commonForm(b.t.forms), 'ru'),
    );
  const themes: FreeTextTheme[] = [];
  for (const r of ranked) {
    if (themes.length >= THEME_LIMIT) break;
    themes.push({
      text: commonForm(r.t.forms),
      count: r.t.answers.size,
      surveys: [...r.t.kinds].map(([kind, ids]) => `${SURVEY_KIND_LABELS[kind]} — ${ids.size}`).join(', '),
    });
  }
  return {
    answers: n,
    themes,
    groups: [...groups.values()]
      .sort((a, b) => a.first - b.first)
      .map((g) => ({
        title: g.title,
        answers: [...g.answers]
          .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'ru'))
          .map(([text, count]) => ({ text, count })),
      })),
  };
}

/** Lines for «Мониторинг» under the figures: section, text, count, unit (no key: not a figure). */
export function freeTextLines(summary: FreeTextSummary): Array<[string, string, number | string, string]> {
  if (summary.answers === 0) return [];
  const themes = 'Свободные ответы: частые темы';
  const out: Array<[string, string, number | string, string]> = [
    [themes, 'Ответов со свободным текстом', summary.answers, 'ответов'],
    ...summary.themes.map((t): [string, string, number, string] => [
      themes,
      `${t.text} (${t.surveys})`,
      t.count,
      'ответов',
    ]),
  ];
  if (summary.themes.length === 0)
    out.push([themes, 'Повторяющихся слов нет: прочитайте ответы ниже', '', '']);
  for (const g of summary.groups)
    for (const a of g.answers) out.push([`Свободные ответы: ${g.title}`, a.text, a.count, 'ответов']);
  return out;
}
