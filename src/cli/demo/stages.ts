// The demo's school year as an ordered list of stages. Each feature adds its stage module here, in
// the order of the year (подготовка → базы → пары → документы → встречи → мониторинг → итоги).
// A stage drives the workspace the way a curator, a form respondent or the clock would, and returns
// the lines that tell the user what happened. The school's questionnaires, keyed by form item keys
// and in arrival order, come from schoolSubmissions(ctx.school).
import type { LocalWorkspace, RunStats } from '../../local';
import { basesStage } from './basesStage';
import { confirmationsStage } from './confirmationsStage';
import { documentsStage } from './documentsStage';
import { matchingStage } from './matchingStage';
import { meetingsStage } from './meetingsStage';
import { networkingStage } from './networkingStage';
import { preparationStage } from './preparationStage';
import type { PseudonymousDemo } from './pseudonymousDemo';
import type { DemoSchool } from './schoolModel';
import { yearCloseStage } from './yearCloseStage';

export interface DemoContext {
  ws: LocalWorkspace;
  school: DemoSchool;
  /** The workspace directory (absolute). */
  dir: string;
  /** The pseudonymous mode's register and code forms; undefined in the ordinary mode. */
  pseudonymous?: PseudonymousDemo;
  /** A passing note while a long stage works ("анкеты: 120 из 271"); shown on a terminal only. */
  progress: (note: string) => void;
  /** Lines a stage adds to the demo's final summary (the year's outcomes). */
  outcomes: string[];
  /** Moves the workspace clock forward to `when` (never back), firing the triggers that fall due. */
  advanceTo: (when: Date) => RunStats[];
}

export interface DemoStage {
  /** Russian, as in the roadmaps: «Подготовка условий», «Формирование базы наставляемых» … */
  title: string;
  /** Summary lines for the user (Russian), printed under the stage title. */
  run: (ctx: DemoContext) => Promise<string[]> | string[];
}

export const DEMO_STAGES: DemoStage[] = [
  preparationStage,
  basesStage,
  confirmationsStage,
  networkingStage,
  matchingStage,
  documentsStage,
  meetingsStage,
  yearCloseStage,
];
