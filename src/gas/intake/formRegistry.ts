// Which Google Form is which: form ids, links and item ids recorded when setup created them.
// Answers are mapped by item id, so curators may reword questions without breaking intake.
import * as z from 'zod/mini';
import { FORM_IDS, type FormId } from '../../../forms/definition';
import { lazySchema } from '../../core/lazySchema';

const PROPERTY = 'intake.forms';

const formRecordSchema = lazySchema(() =>
  z.object({
    id: z.string(),
    url: z.string(),
    /** item key → item id */
    items: z.record(z.string(), z.string()),
    /** Fingerprint of the definition the live form was last brought in line with. */
    stamp: z.optional(z.string()),
    /** Keys of questions taken off the form → their former item ids. */
    retired: z.optional(z.record(z.string(), z.string())),
  }),
);
export type FormRecord = z.infer<ReturnType<typeof formRecordSchema>>;
const registrySchema = lazySchema(() => z.record(z.enum(FORM_IDS), formRecordSchema()));
export type FormRegistry = Partial<Record<FormId, FormRecord>>;

export function readFormRegistry(): FormRegistry {
  const raw = PropertiesService.getScriptProperties().getProperty(PROPERTY);
  if (!raw) return {};
  try {
    const parsed = registrySchema().safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

export function saveFormRegistry(registry: FormRegistry): void {
  PropertiesService.getScriptProperties().setProperty(PROPERTY, JSON.stringify(registry));
}

/** The questionnaire a Google Form id belongs to, with its item id → key map. */
export function formByGoogleId(
  registry: FormRegistry,
  googleId: string,
): { formId: FormId; keys: Map<string, string> } | undefined {
  for (const formId of FORM_IDS) {
    const record = registry[formId];
    if (record?.id === googleId) {
      return { formId, keys: new Map(Object.entries(record.items).map(([key, itemId]) => [itemId, key])) };
    }
  }
  return undefined;
}
