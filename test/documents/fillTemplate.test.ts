import {
  type DocumentSpec,
  dateValue,
  fillTemplate,
  MemoryDocument,
  nameValue,
  TemplateError,
} from '../../src/core/templates';

const anna = nameValue({ lastName: 'Иванова', firstName: 'Анна', middleName: 'Петровна' });
const pavel = nameValue({ lastName: 'Петров', firstName: 'Павел', middleName: 'Павлович' });

const fill = (spec: DocumentSpec, data: Parameters<typeof fillTemplate>[1]) => {
  const doc = new MemoryDocument(spec);
  fillTemplate(doc, data, 'Проба');
  return doc;
};
const para = (text: string) => ({ kind: 'paragraph' as const, text });

test('placeholders, cases, initials, dates and upper case', () => {
  const doc = fill(
    {
      blocks: [
        para('Закрепить за наставником {{mentor | instrumental}} наставляемого {{mentee|винительный}}.'),
        para('Директору {{org.director | дательный | initials}}, подпись: {{org.director | signature}}'),
        para(
          'от {{order.date | date}} ({{order.date | shortdate}}), {{org.name | upper}}, №{{order.number}}',
        ),
      ],
    },
    {
      mentor: anna,
      mentee: pavel,
      org: {
        director: nameValue({ lastName: 'Троицкая', firstName: 'Мария', middleName: 'Львовна' }),
        name: 'Школа',
      },
      order: { date: dateValue({ year: 2026, month: 11, day: 5 }), number: '45-о' },
    },
  );
  expect(doc.text().split('\n')).toEqual([
    'Закрепить за наставником Ивановой Анной Петровной наставляемого Петрова Павла Павловича.',
    'Директору Троицкой М. Л., подпись: М. Л. Троицкая',
    'от 5 ноября 2026 г. (05.11.2026), ШКОЛА, №45-о',
  ]);
});

test('conditional paragraphs and inline conditions', () => {
  const spec: DocumentSpec = {
    blocks: [
      para('Наставляемый: {{mentee}}{{#if minor}} (несовершеннолетний){{/if}}.'),
      para('{{#if minor}}'),
      para('Родитель: {{parent}}'),
      para('{{else}}'),
      para('Подписывает сам.'),
      para('{{/if}}'),
      para('{{#unless minor}}Взрослый{{else}}Ребёнок{{/unless}}'),
    ],
  };
  expect(fill(spec, { mentee: pavel, minor: true, parent: 'Петрова Ольга' }).text().split('\n')).toEqual([
    'Наставляемый: Петров Павел Павлович (несовершеннолетний).',
    'Родитель: Петрова Ольга',
    'Ребёнок',
  ]);
  // The parent's name is not needed, and not asked for, when the branch is hidden.
  expect(fill(spec, { mentee: pavel, minor: false }).text().split('\n')).toEqual([
    'Наставляемый: Петров Павел Павлович.',
    'Подписывает сам.',
    'Взрослый',
  ]);
});

test('a table row repeats for each item, numbered, with outer fields visible', () => {
  const doc = fill(
    {
      blocks: [
        {
          kind: 'table',
          rows: [
            ['№', 'Наставник', 'Наставляемый', 'Форма'],
            ['{{#each pairs}}{{@n}}', '{{mentor | initials}}', '{{mentee}}', '{{form}}, {{year}}{{/each}}'],
            ['Итого', '', '', '{{count}}'],
          ],
        },
      ],
    },
    {
      year: '2026-2027',
      count: 2,
      pairs: [
        { mentor: anna, mentee: pavel, form: 'учитель – ученик' },
        { mentor: pavel, mentee: anna, form: 'ученик – ученик' },
      ],
    },
  );
  expect(doc.text().split('\n')).toEqual([
    '№ | Наставник | Наставляемый | Форма',
    '1 | Иванова А. П. | Петров Павел Павлович | учитель – ученик, 2026-2027',
    '2 | Петров П. П. | Иванова Анна Петровна | ученик – ученик, 2026-2027',
    'Итого |  |  | 2',
  ]);
});

test('an empty list removes the repeated row', () => {
  const doc = fill(
    { blocks: [{ kind: 'table', rows: [['Заголовок'], ['{{#each pairs}}{{mentor}}{{/each}}']] }] },
    { pairs: [] },
  );
  expect(doc.text()).toBe('Заголовок');
});

test('paragraphs between {{#each}} and {{/each}} repeat for each item', () => {
  const doc = fill(
    {
      blocks: [
        para('ПРИКАЗЫВАЮ:'),
        para('{{#each pairs}}'),
        para('1.{{@n}}. За наставником {{mentor | творительный}} закрепить {{mentee | винительный}}.'),
        para('{{/each}}'),
        para('2. Контроль оставляю за собой.'),
      ],
    },
    {
      pairs: [
        { mentor: anna, mentee: pavel },
        { mentor: pavel, mentee: anna },
      ],
    },
  );
  expect(doc.text().split('\n')).toEqual([
    'ПРИКАЗЫВАЮ:',
    '1.1. За наставником Ивановой Анной Петровной закрепить Петрова Павла Павловича.',
    '1.2. За наставником Петровым Павлом Павловичем закрепить Иванову Анну Петровну.',
    '2. Контроль оставляю за собой.',
  ]);
});

describe('errors name the template and the placeholder, in Russian', () => {
  const problems = (spec: DocumentSpec, data: Parameters<typeof fillTemplate>[1]): string => {
    try {
      fill(spec, data);
    } catch (e) {
      expect(e).toBeInstanceOf(TemplateError);
      return (e as Error).message;
    }
    throw new Error('шаблон заполнился без ошибки');
  };

  test('missing data', () => {
    expect(problems({ blocks: [para('Телефон: {{mentor.phone}}')] }, { mentor: { name: 'x' } })).toBe(
      'Шаблон «Проба»: {{mentor.phone}} — нет данных для поля «mentor.phone».',
    );
  });
  test('unknown filter', () => {
    expect(problems({ blocks: [para('{{mentor | звательный}}')] }, { mentor: anna })).toContain(
      '{{mentor | звательный}} — неизвестный фильтр «звательный»',
    );
  });
  test('malformed blocks and braces', () => {
    const message = problems(
      { blocks: [para('{{#if minor}} без конца'), para('{{/if}}'), para('{{ mentor '), para('{{#loop x}}')] },
      { minor: true, mentor: anna },
    );
    expect(message).toContain('Шаблон «Проба»');
    expect(message).toContain('{{#if minor}} — блок не закрыт в этом абзаце');
    expect(message).toContain('закрывающая метка без открывающего');
    expect(message).toContain('непарные фигурные скобки');
    expect(message).toContain('неизвестный блок «#loop»');
  });
  test('a list where text is expected, a date filter on a name', () => {
    const message = problems({ blocks: [para('{{pairs}} {{mentor | date}}')] }, { pairs: [], mentor: anna });
    expect(message).toContain('{{pairs}} — поле «pairs» — список');
    expect(message).toContain('{{mentor | date}} — фильтр «date» применяется только к дате');
  });
  test('nothing in the document changes when filling fails', () => {
    const doc = new MemoryDocument({
      blocks: [para('{{#if minor}}'), para('{{mentor}} {{missing}}'), para('{{/if}}')],
    });
    expect(() => fillTemplate(doc, { minor: true, mentor: anna }, 'Проба')).toThrow(TemplateError);
    expect(doc.text()).toBe('{{#if minor}}\n{{mentor}} {{missing}}\n{{/if}}');
  });
  test('placeholders are data: code in a template is not executed', () => {
    expect(problems({ blocks: [para("{{constructor.constructor('return 1')()}}")] }, {})).toContain(
      'не имя поля',
    );
    expect(problems({ blocks: [para('{{constructor}}')] }, {})).toContain(
      'нет данных для поля «constructor»',
    );
  });
});

describe('edits made document-wide (one replaceAllText batch) or in place read the same', () => {
  const spec: DocumentSpec = {
    blocks: [
      para('Цена: {{price}}; шаблон: {{pattern}}; пример: {{example}}; {{price}} ещё раз.'),
      para('{{#if minor}}Родитель: {{parent}}{{else}}Сам: {{person}}{{/if}}, {{person}}.'),
      para('{{#if adult}}Взрослый{{/if}} — {{date}}.'),
      para('{{#each people}}'),
      para('{{@n}}. {{name}}, школа {{school}}'),
      para('{{/each}}'),
      {
        kind: 'table',
        rows: [
          ['№', 'Кто'],
          ['{{#each people}}{{@n}}', '{{name}} ({{school}}){{/each}}'],
        ],
      },
    ],
  };
  const data = {
    // A value with the replacement syntax of JavaScript and of regular expressions is inserted as is;
    price: '$1 и $& (a+b)*?',
    pattern: '\\d+ [a-z] ^$',
    // A value holding placeholder syntax is text: never substituted again.
    example: '{{person}}',
    minor: true,
    adult: false,
    parent: 'Петрова М. И.',
    person: 'Петров П. П.',
    date: '1 сентября 2026 г.',
    school: 'Школа № 1',
    people: [{ name: 'Анна' }, { name: 'Борис' }],
  };
  const expected = [
    'Цена: $1 и $& (a+b)*?; шаблон: \\d+ [a-z] ^$; пример: {{person}}; $1 и $& (a+b)*? ещё раз.',
    'Родитель: Петрова М. И., Петров П. П.',
    ' — 1 сентября 2026 г.',
    '1. Анна, школа Школа № 1',
    '2. Борис, школа Школа № 1',
    '№ | Кто',
    '1 | Анна (Школа № 1)',
    '2 | Борис (Школа № 1)',
  ].join('\n');

  test.each([
    ['document-wide', true],
    ['in place', false],
  ])('%s', (_, documentWide) => {
    const doc = new MemoryDocument(spec, documentWide);
    fillTemplate(doc, data, 'Проба');
    expect(doc.text()).toBe(expected);
  });

  test('values that differ by list item or by the full stop after them are filled where they stand', () => {
    const replaced: string[] = [];
    const doc = new MemoryDocument({
      blocks: [
        para('{{#each people}}'),
        para('{{name}}: {{school}}'),
        para('{{/each}}'),
        para('Дата: {{date}}. Ещё: {{date}}'),
        para('{{#each one}}'),
        para('Один: {{name}}'),
        para('{{/each}}'),
      ],
    });
    const replaceAll = doc.replaceAll;
    doc.replaceAll = (map) => {
      replaced.push(...map.keys());
      replaceAll?.(map);
    };
    fillTemplate(doc, { ...data, one: [{ name: 'Вера' }] }, 'Проба');
    expect(doc.text()).toBe(
      'Анна: Школа № 1\nБорис: Школа № 1\nДата: 1 сентября 2026 г. Ещё: 1 сентября 2026 г.\nОдин: Вера',
    );
    // {{name}} differs by item and {{date}} by the full stop after it: both were edited in place.
    expect(replaced).toEqual(['{{school}}']);
  });

  test('no edit goes document-wide when some value holds placeholder braces', () => {
    const doc = new MemoryDocument({ blocks: [para('{{a}} и {{b}}')] });
    let called = false;
    doc.replaceAll = () => {
      called = true;
    };
    fillTemplate(doc, { a: '{{b}}', b: 'бэ' }, 'Проба');
    expect(called).toBe(false);
    expect(doc.text()).toBe('{{b}} и бэ');
  });
});
