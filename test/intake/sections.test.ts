// Questionnaires in sections: each category is led to its own questions, and intake reads only the
// sections a respondent went through.
import { FORM_IDS, type FormDefinition, SUBMIT_PAGE } from '../../forms/definition';
import { FORMS } from '../../forms/index';
import { pagesOf, visitedItemKeys, walkPages } from '../../forms/sections';
import { parseAnswers } from '../../src/core/intake/answers';
import { readIntakeSettings } from '../../src/core/intake/settings';

const lists = {
  mentoringForms: readIntakeSettings(new Map()).values.mentoringForms.map((f) => f.label),
  mentors: [],
  mentees: [],
};
const pagesFor = (def: FormDefinition, category: string) =>
  walkPages(def, (i) => (i.key === 'category' ? category : undefined));

describe('sections of the questionnaires', () => {
  it.each(FORM_IDS.map((id) => [id]))(
    '%s: every branch and «next» leads to a page of the form, each page can be reached',
    (id) => {
      const def = FORMS[id];
      const pages = pagesOf(def);
      const keys = pages.map((p) => p.key);
      expect(new Set(def.items.map((i) => i.key)).size).toBe(def.items.length);
      const targets = def.items.flatMap((i) => [
        ...Object.values(i.branches ?? {}),
        ...(i.next ? [i.next] : []),
      ]);
      for (const t of targets) expect([...keys, SUBMIT_PAGE]).toContain(t);
      // A branching answer must be one of the question's choices.
      for (const item of def.items)
        for (const value of Object.keys(item.branches ?? {})) expect(item.choices).toContain(value);
      // Google keeps «after this page» on the next page break: the last page cannot have one.
      expect(pages[pages.length - 1].header?.next).toBeUndefined();
      const category = def.items.find((i) => i.key === 'category');
      const reached = new Set((category?.choices ?? ['']).flatMap((c) => pagesFor(def, c)));
      expect([...reached].sort()).toEqual([...keys].sort());
    },
  );

  it.each([
    ['ученик', ['', 'pagePupil', 'pageStudy', 'pageParent', 'pageRequest']],
    ['студент', ['', 'pageStudy', 'pageParent', 'pageRequest']],
    ['педагог', ['', 'pageStaff', 'pageRequest']],
    ['молодой специалист', ['', 'pageStaff', 'pageRequest']],
  ])('a mentee who is «%s» goes through %j', (category, pages) => {
    expect(pagesFor(FORMS.mentee, category)).toEqual(pages);
  });

  it.each([
    ['ученик', ['', 'pagePupil', 'pageParent', 'pageHelp']],
    ['студент', ['', 'pageParent', 'pageHelp']],
    ['представитель работодателя', ['', 'pageWork', 'pageHelp']],
  ])('a mentor who is «%s» goes through %j', (category, pages) => {
    expect(pagesFor(FORMS.mentor, category)).toEqual(pages);
  });

  it('never asks a teacher for the class or the parent, nor a pupil for the position', () => {
    const teacher = visitedItemKeys(FORMS.mentee, { category: 'педагог' });
    expect(teacher.has('schoolClass')).toBe(false);
    expect(teacher.has('parentEmail')).toBe(false);
    expect(teacher.has('teachingSubjects')).toBe(true);
    const pupil = visitedItemKeys(FORMS.mentee, { category: 'ученик' });
    expect(pupil.has('position')).toBe(false);
    expect(pupil.has('schoolClass')).toBe(true);
  });
});

describe('intake of a questionnaire in sections', () => {
  const teacher = {
    email: 'teacher@school.ru',
    lastName: 'Соколова',
    firstName: 'Анна',
    category: 'педагог',
    age: '34',
    topics: ['методика преподавания'],
    forms: ['учитель – учитель'],
  };

  it('accepts a teacher with the pupils’ section left empty, though the class is required there', () => {
    const parsed = parseAnswers(FORMS.mentee, teacher, lists);
    expect(parsed.errors).toEqual([]);
  });

  it('requires the class of a pupil, whose section asks for it', () => {
    const parsed = parseAnswers(FORMS.mentee, { ...teacher, category: 'ученик', age: '13' }, lists);
    expect(parsed.errors.map((e) => e.message)).toContain('Не заполнен обязательный вопрос «Класс».');
  });

  it('takes nothing from a section the respondent did not go through', () => {
    const parsed = parseAnswers(
      FORMS.mentee,
      { ...teacher, schoolClass: '7Б', parentEmail: 'x@example.ru' },
      lists,
    );
    expect(parsed.answers.schoolClass).toBeUndefined();
    expect(parsed.answers.parentEmail).toBeUndefined();
    expect(parsed.answers.topics).toEqual(['методика преподавания']);
  });
});
