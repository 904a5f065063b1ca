import {
  findPlaceholders,
  namePlaceholder,
  type RegisteredPerson,
  resolvePlaceholders,
} from '../../src/core/pseudonymous/namePlaceholders';

const ANNA: RegisteredPerson = {
  lastName: 'Иванова',
  firstName: 'Анна',
  middleName: 'Петровна',
  email: 'anna@school.ru',
  parentEmail: 'mama@mail.ru',
  parentName: 'Иванова Мария Сергеевна',
};
const register = new Map([['1234566', ANNA]]);
const lookup = (code: string) => register.get(code);

describe('name placeholders', () => {
  it('fills names in every case, short names and addresses from the register', () => {
    const p = (field: Parameters<typeof namePlaceholder>[1]) => namePlaceholder('123 4566', field);
    const text = `Закрепить за ${p('fullName.instrumental')} (${p('shortName')}). ${p('firstName')}, здравствуйте! Родитель: ${p('parentName')}, ${p('parentEmail')}. Выдать ${p('fullName.dative')}, нет ${p('fullName.genitive')}, о ${p('fullName.prepositional')}, видим ${p('fullName.accusative')}; ${p('fullName')} <${p('email')}>`;
    const resolved = resolvePlaceholders(text, lookup);
    expect(resolved.problems).toEqual([]);
    expect(resolved.text).toBe(
      'Закрепить за Ивановой Анной Петровной (Иванова А. П.). Анна, здравствуйте! Родитель: Иванова Мария Сергеевна, mama@mail.ru. Выдать Ивановой Анне Петровне, нет Ивановой Анны Петровны, о Ивановой Анне Петровне, видим Иванову Анну Петровну; Иванова Анна Петровна <anna@school.ru>',
    );
  });

  it('writes the code without spaces and finds it however it was spaced', () => {
    expect(namePlaceholder('123 4566', 'email')).toBe('[[1234566|email]]');
    expect(findPlaceholders('Кому: [[ 123 4566 | parentEmail ]]')).toEqual([
      { source: '[[ 123 4566 | parentEmail ]]', code: '1234566', field: 'parentEmail' },
    ]);
  });

  it('keeps and reports what the register cannot fill, so such a letter is not sent', () => {
    const noParent = new Map([['7654321', { ...ANNA, parentEmail: '' }]]);
    const resolved = resolvePlaceholders(
      '[[1111111|fullName]] [[1234566|surname]] [[abc|email]] [[7654321|parentEmail]]',
      (code) => register.get(code) ?? noParent.get(code),
    );
    expect(resolved.text).toBe(
      '[[1111111|fullName]] [[1234566|surname]] [[abc|email]] [[7654321|parentEmail]]',
    );
    expect(resolved.problems).toEqual([
      '[[1111111|fullName]]: кода 1111111 нет в реестре или по нему нет согласия (не выдан, согласие не внесено или отозвано, данные удалены)',
      expect.stringContaining('[[1234566|surname]]: неизвестное поле «surname»'),
      '[[abc|email]]: «abc» — не код участника',
      '[[7654321|parentEmail]]: в реестре у кода 7654321 не заполнено поле «E-mail родителя»',
    ]);
  });

  it('uses the forms the curator wrote by hand and the known gender', () => {
    const tsoi: RegisteredPerson = {
      ...ANNA,
      lastName: 'Цой',
      firstName: 'Алина',
      middleName: '',
      gender: 'f',
    };
    expect(resolvePlaceholders('[[1234566|fullName.dative]]', () => tsoi).text).toBe('Цой Алине');
    const written = { ...tsoi, overrides: { dative: 'Цой Алиночке' } };
    expect(resolvePlaceholders('[[1234566|fullName.dative]]', () => written).text).toBe('Цой Алиночке');
  });
});
