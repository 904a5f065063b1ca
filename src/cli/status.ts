// The figures `nastavnik local status` and the demo show: the programme's own, asked from the
// script (its entry point programmeFigures), next to the workspace's (letters, triggers, clock, files).
import * as z from 'zod';
import type { LocalWorkspace, WorkspaceStatus } from '../local';

const figures = z.object({
  mentors: z.number(),
  mentees: z.number(),
  pairs: z.number(),
  documents: z.number(),
  errors: z.number(),
  settingProblems: z.number(),
  year: z.string(),
  archive: z.array(
    z.object({
      year: z.string(),
      pairs: z.record(z.string(), z.number()),
      meetings: z.object({ held: z.number(), planned: z.number() }),
      surveys: z.record(z.string(), z.number()),
    }),
  ),
});

export type ProgrammeStatus = z.infer<typeof figures> & WorkspaceStatus;

export function programmeStatus(ws: LocalWorkspace): ProgrammeStatus {
  return { ...figures.parse(ws.inspect('programmeFigures')), ...ws.status() };
}
