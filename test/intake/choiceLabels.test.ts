import { canonicalChoice } from '../../src/core/intake/choiceLabels';

const DEFINED = ['ученик', 'педагог', 'молодой специалист'];

describe('a choice label from the live form back to the programme’s', () => {
  it('takes the same text, then the text with case, ё and dashes evened out', () => {
    expect(canonicalChoice('педагог', DEFINED, undefined)).toBe('педагог');
    expect(canonicalChoice('Молодой  специалист', DEFINED, undefined)).toBe('молодой специалист');
  });

  it('maps a reworded label by its place among the labels the two lists do not share', () => {
    const shown = ['педагог', 'Ученик / ученица', 'молодой специалист'];
    expect(canonicalChoice('Ученик / ученица', DEFINED, shown)).toBe('ученик');
  });

  it('leaves a label unknown when the lists differ by more than a rewording', () => {
    const shown = ['Ученик / ученица', 'родитель', 'педагог', 'молодой специалист'];
    expect(canonicalChoice('Ученик / ученица', DEFINED, shown)).toBeUndefined();
    expect(canonicalChoice('родитель', DEFINED, undefined)).toBeUndefined();
  });
});
