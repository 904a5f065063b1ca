// What the register holds: the people behind the codes, the paper consents with their dates, the
// letters already sent and the documents already made (so a rerun repeats nothing), the Google
// connection and an audit trail. Validated with zod whenever the file is opened.
import * as z from 'zod';

export const CONSENT_KINDS = ['processing', 'dissemination'] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];
export const CONSENT_KIND_LABELS: Record<ConsentKind, string> = {
  processing: 'согласие на обработку ПД',
  dissemination: 'согласие на распространение ПД',
};

/** Days, as «YYYY-MM-DD»: consent and withdrawal dates are what the paper says. */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const consentSchema = z.object({
  kind: z.enum(CONSENT_KINDS),
  /** Who signed: the participant, or a parent for a minor. */
  signedBy: z.enum(['self', 'parent']),
  signedOn: day,
  recordedAt: z.string(),
});
export type PaperConsent = z.infer<typeof consentSchema>;

export const personSchema = z.object({
  code: z.string(),
  lastName: z.string(),
  firstName: z.string(),
  middleName: z.string(),
  gender: z.enum(['m', 'f', '']),
  className: z.string(),
  category: z.string(),
  email: z.string(),
  parentName: z.string(),
  parentEmail: z.string(),
  addedAt: z.string(),
  consents: z.array(consentSchema),
  /** ст. 9 ч. 2: the day the consent was withdrawn; processing stops then. */
  withdrawnOn: day.optional(),
  /** ст. 21 ч. 5: the data must be destroyed by this day (30 days after the withdrawal). */
  eraseBy: day.optional(),
  /** The day the data were destroyed; only the code and the dates remain. */
  erasedOn: day.optional(),
});
export type Person = z.infer<typeof personSchema>;

export const sentSchema = z.object({
  key: z.string(),
  /** «sending» is written before the SMTP transaction: a run killed in it never sends that letter again. */
  state: z.enum(['sending', 'sent']),
  at: z.string(),
  /** The code the letter was for (from its recipient), so the ст. 14 export lists a person's letters. */
  code: z.string(),
});
export type SentLetter = z.infer<typeof sentSchema>;

const madeDocumentSchema = z.object({
  key: z.string(),
  file: z.string(),
  at: z.string(),
  /** Whose names the document holds, for the ст. 14 export. */
  codes: z.array(z.string()),
});
export type MadeDocument = z.infer<typeof madeDocumentSchema>;

const journalSchema = z.object({ at: z.string(), action: z.string(), code: z.string(), detail: z.string() });
export type JournalEntry = z.infer<typeof journalSchema>;

const googleSchema = z.object({
  spreadsheetId: z.string(),
  clientId: z.string(),
  clientSecret: z.string(),
  refreshToken: z.string(),
});
export type GoogleConnection = z.infer<typeof googleSchema>;

export const registerDataSchema = z.object({
  version: z.literal(1),
  school: z.string(),
  /** The HMAC key of the participant codes' secrets, shared with the script once at init. */
  codeKey: z.string(),
  createdAt: z.string(),
  people: z.array(personSchema),
  sent: z.array(sentSchema),
  documents: z.array(madeDocumentSchema),
  journal: z.array(journalSchema),
  google: googleSchema.optional(),
});
export type RegisterData = z.infer<typeof registerDataSchema>;
