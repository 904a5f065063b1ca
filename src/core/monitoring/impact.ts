// Parameters of the two-stage impact monitoring (seed 002, пп. 3.2, 4.1, 7.4): measured at entry
// and at the end (forms/impact.ts asks them on 1–10 scales); the monitoring reports the change. An
// unknown id is shown as it is.
export const IMPACT_PARAMETERS: ReadonlyArray<{ id: string; label: string }> = [
  { id: 'motivation', label: 'мотивация к учёбе' },
  { id: 'marks', label: 'успеваемость (самооценка)' },
  { id: 'attendance', label: 'посещаемость' },
  { id: 'contests', label: 'участие в олимпиадах и конкурсах' },
  { id: 'skills', label: 'самооценка навыков' },
  { id: 'confidence', label: 'уверенность в профессии' },
  { id: 'methods', label: 'методические умения' },
  { id: 'intentionToStay', label: 'намерение остаться в профессии' },
];

export const impactLabel = (id: string): string => IMPACT_PARAMETERS.find((p) => p.id === id)?.label ?? id;

export const impactOrder = (ids: Iterable<string>): string[] => {
  const known = IMPACT_PARAMETERS.map((p) => p.id);
  const rank = (id: string) => (known.includes(id) ? known.indexOf(id) : known.length);
  return [...new Set(ids)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
};
