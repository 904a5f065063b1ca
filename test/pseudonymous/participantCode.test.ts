import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import {
  codeFromBody,
  codeProblem,
  formatCode,
  type HmacSha256,
  secretFor,
  secretMatches,
} from '../../src/core/pseudonymous/participantCode';

const nodeHmac: HmacSha256 = (key, message) => [...createHmac('sha256', key).update(message).digest()];
/** Apps Script's Utilities.computeHmacSha256Signature returns signed bytes. */
const signedHmac: HmacSha256 = (key, message) => nodeHmac(key, message).map((b) => (b > 127 ? b - 256 : b));

describe('participant codes', () => {
  it('accepts an issued code however it is spaced', () => {
    const code = codeFromBody(123456);
    expect(codeProblem(code)).toBeUndefined();
    expect(codeProblem(formatCode(code))).toBeUndefined();
    expect(codeProblem(` ${code.slice(0, 3)}-${code.slice(3)} `)).toBeUndefined();
  });

  it('catches every single mistyped digit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 999_999 }),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 1, max: 9 }),
        (body, at, shift) => {
          const code = codeFromBody(body);
          const typo = code.slice(0, at) + String((Number(code[at]) + shift) % 10) + code.slice(at + 1);
          expect(codeProblem(typo)).toBe('check');
        },
      ),
    );
  });

  it('catches every swap of two different neighbouring digits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999 }), fc.integer({ min: 0, max: 5 }), (body, at) => {
        const code = codeFromBody(body);
        fc.pre(code[at] !== code[at + 1]);
        const swapped = code.slice(0, at) + code[at + 1] + code[at] + code.slice(at + 2);
        expect(codeProblem(swapped)).toBe('check');
      }),
    );
  });

  it('names a wrong length or letters as a format problem', () => {
    expect(codeProblem('12345')).toBe('format');
    expect(codeProblem('ivanov@mail.ru')).toBe('format');
  });

  it('derives the same secret in Node and in Apps Script, and another key gives another one', () => {
    const code = codeFromBody(42);
    const secret = secretFor(code, 'school-key', nodeHmac);
    expect(secret).toMatch(/^\d{4}$/);
    expect(secretFor(code, 'school-key', signedHmac)).toBe(secret);
    expect(secretMatches(formatCode(code), secret, 'school-key', signedHmac)).toBe(true);
    const others = ['other-key-1', 'other-key-2', 'other-key-3'].map((key) => secretFor(code, key, nodeHmac));
    expect(others.some((other) => other !== secret)).toBe(true);
    expect(secretMatches(code, '0000' === secret ? '0001' : '0000', 'school-key', nodeHmac)).toBe(false);
  });
});
