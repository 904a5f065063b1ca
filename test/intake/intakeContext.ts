// The pure intake core's context for a school with empty bases: the fixture of the core's tests.
import type { IntakeContext } from '../../src/core/intake/process';

export function emptyIntakeContext(
  settings: IntakeContext['settings'],
  now: Date,
  codes?: IntakeContext['codes'],
): IntakeContext {
  return {
    settings,
    bases: { mentor: [], mentee: [] },
    consents: [],
    preferences: [],
    consentUrl: 'https://forms/consent',
    now,
    ...(codes ? { codes } : {}),
  };
}
