// `nastavnik bench`: runs every registered benchmark suite and prints its figures; with --json, the
// Google-time figures (bench/googleFigures.ts) as one JSON object. --latency FILE: the latency table
// every workspace of the run uses.
import { resolve } from 'node:path';
import { BENCH_SUITES } from '../../bench/index';

export async function benchCommand(args: string[]): Promise<number> {
  const rest: string[] = [];
  let json = false;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--json') json = true;
    else if (args[i] === '--latency' && args[i + 1]) process.env.NASTAVNIK_LATENCY = resolve(args[++i]);
    else rest.push(args[i]);
  }
  const only = rest[0];
  if (json) {
    const { googleFigures } = await import('../../bench/googleFigures');
    console.log(JSON.stringify({ figures: await googleFigures(only) }, null, 2));
    return 0;
  }
  const suites = only
    ? BENCH_SUITES.filter((s) => s.name.toLowerCase().includes(only.toLowerCase()))
    : BENCH_SUITES;
  if (suites.length === 0) {
    process.stderr.write(`Нет замера «${only}». Есть: ${BENCH_SUITES.map((s) => s.name).join('; ')}\n`);
    return 2;
  }
  console.log(`Node ${process.version}, ${new Date().toISOString()}`);
  for (const suite of suites) {
    console.log(`${suite.name}:`);
    await suite.run();
  }
  return 0;
}
