// A short fingerprint of a questionnaire's definition: setup compares it with the one recorded when
// the live Google Form was last brought in line, so an unchanged definition costs no form calls.
import type { FormDefinition } from '../../../forms/definition';

/** FNV-1a over the definition's text; lists filled from Настройки or the bases are not part of it. */
export function formStamp(def: FormDefinition): string {
  const text = JSON.stringify({
    title: def.title,
    description: def.description,
    confirmation: def.confirmation,
    items: def.items,
  });
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${hash.toString(16).padStart(8, '0')}-${text.length}`;
}
