// Benchmark suites run by `npm run bench` (= `nastavnik bench`). Each feature appends its suite.
import { demoBench } from './demo';
import { districtBench } from './district';
import { documentsBench } from './documents';
import { intakeBench } from './intake';
import { mailBench } from './mail';
import { matchingBench } from './matching';
import { startupBench } from './startup';

export interface BenchSuite {
  name: string;
  run: () => Promise<void>;
}

export const BENCH_SUITES: BenchSuite[] = [
  matchingBench,
  startupBench,
  demoBench,
  districtBench,
  intakeBench,
  mailBench,
  documentsBench,
];
