import { SIGNER_CHOICES } from '../../forms/consent';
import { type ChoiceLists, resolveChoices } from '../../forms/definition';
import { FORMS } from '../../forms/index';
import { visitedItemKeys } from '../../forms/sections';
import { schoolSubmissions } from '../../src/cli/demo/demoSubmissions';
import { generateSchool } from '../../src/cli/demo/schoolData';
import { QUIRK_KINDS } from '../../src/cli/demo/schoolModel';
import { CATEGORIES, DEFAULT_FORMS } from '../../src/core/model';

const school = generateSchool({ seed: 7 });
const submissions = schoolSubmissions(school);
const lists: ChoiceLists = { mentoringForms: DEFAULT_FORMS.map((f) => f.label), mentors: [], mentees: [] };

describe('demo school', () => {
  it('is the same school for the same seed and a different one for another seed', () => {
    expect(JSON.stringify(generateSchool({ seed: 7 }))).toBe(JSON.stringify(school));
    expect(generateSchool({ seed: 8 }).mentees[0].email).not.toBe(school.mentees[0].email);
  });

  it('has about 900 students, a tenth of them mentees, and about 40 mentors', () => {
    expect(school.roster.length).toBeGreaterThanOrEqual(850);
    expect(school.roster.length).toBeLessThanOrEqual(950);
    const studentMentees = school.mentees.filter((p) => p.category === 'student');
    expect(Math.abs(studentMentees.length - school.roster.length / 10)).toBeLessThanOrEqual(5);
    expect(school.mentors.length).toBeGreaterThanOrEqual(35);
    expect(school.mentors.length).toBeLessThanOrEqual(45);
  });

  it('takes mentees aged 10–17 from classes 5–11, except the one deliberately too young', () => {
    const tooYoung = new Set(school.quirks.filter((q) => q.kind === 'too-young').map((q) => q.personId));
    for (const p of school.mentees.filter((m) => m.category === 'student' && !tooYoung.has(m.id))) {
      expect(p.schoolClass!.grade).toBeGreaterThanOrEqual(5);
      expect(p.age).toBeGreaterThanOrEqual(10);
      expect(p.age).toBeLessThanOrEqual(17);
      expect(p.parentEmail).toMatch(/@/);
    }
    expect(school.mentees.some((p) => p.category === 'young_specialist')).toBe(true);
  });

  it('has mentors and mentees for every default form of mentoring and every kind of mentor', () => {
    for (const form of DEFAULT_FORMS) {
      expect(school.mentors.some((m) => m.forms.includes(form.id))).toBe(true);
      expect(school.mentees.some((m) => m.forms.includes(form.id))).toBe(true);
    }
    const kinds = new Set(school.mentors.map((m) => m.category));
    for (const c of CATEGORIES.filter((c) => c !== 'young_specialist')) expect(kinds.has(c)).toBe(true);
    const seniors = school.mentors.filter((m) => m.category === 'student');
    for (const s of seniors) expect(s.schoolClass!.grade).toBeGreaterThanOrEqual(9);
  });

  it('includes the surnames that do not decline', () => {
    const surnames = new Set([...school.mentees, ...school.mentors].map((p) => p.lastName));
    for (const s of ['Шевчук', 'Цой', 'Белых', 'Дурново']) expect(surnames.has(s)).toBe(true);
  });

  it('answers only the items the forms have, with choices the forms offer', () => {
    for (const s of submissions) {
      const form = FORMS[s.formId];
      const items = new Map(form.items.map((i) => [i.key, i]));
      for (const [key, value] of Object.entries(s.answers)) {
        const item = items.get(key);
        expect(item).toBeDefined();
        const choices = resolveChoices(item!, lists);
        if (choices.length > 0) for (const v of [value].flat()) expect(choices).toContain(v);
      }
      // Required where the respondent's way through the sections takes them, and nothing from elsewhere.
      const visited = visitedItemKeys(form, s.answers);
      for (const key of Object.keys(s.answers)) expect(visited).toContain(key);
      for (const item of form.items.filter((i) => i.required && visited.has(i.key)))
        expect(s.answers[item.key]).toBeDefined();
    }
  });

  it('has a parent sign the consent of a child under 14', () => {
    const under14 = new Set(school.mentees.filter((p) => p.age !== undefined && p.age < 14).map((p) => p.id));
    const consents = submissions.filter((s) => s.formId === 'consent' && under14.has(s.personId));
    expect(consents.length).toBeGreaterThan(10);
    for (const c of consents) expect(c.answers.signer).toBe(SIGNER_CHOICES.parent);
  });

  it('contains every kind of messy input, visible in the answers', () => {
    expect(new Set(school.quirks.map((q) => q.kind))).toEqual(new Set(QUIRK_KINDS));
    const answersOf = (kind: string) => {
      const id = school.quirks.find((q) => q.kind === kind)!.personId;
      return submissions.filter((s) => s.personId === id);
    };
    expect(answersOf('invalid-email')[0].answers.email).not.toMatch(/@/);
    expect(answersOf('class-with-space')[0].answers.schoolClass).toMatch(/^\d+ [а-яё]$/);
    expect(answersOf('class-with-dash')[0].answers.schoolClass).toMatch(/^\d+-[А-ЯЁ]$/);
    expect(answersOf('latin-lookalike')[0].answers.firstName).toMatch(/[a-z]/);
    expect(answersOf('formula-answer')[0].answers.note).toMatch(/^=HYPERLINK\(/);
    expect(answersOf('duplicate-resubmission').filter((s) => s.formId === 'mentee')).toHaveLength(2);
    expect(answersOf('no-consent').some((s) => s.formId === 'consent')).toBe(false);
    expect(Number(answersOf('too-young')[0].answers.age)).toBeLessThan(10);
  });

  it('delivers the questionnaires in time order within September', () => {
    const times = submissions.map((s) => s.submittedAt.getTime());
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    for (const s of submissions) expect(s.submittedAt.getUTCMonth()).toBe(8);
  });
});
