// `nastavnik bench`: runs every registered benchmark suite and prints its figures.
import { BENCH_SUITES } from '../../bench/index';

export async function benchCommand(args: string[]): Promise<number> {
  const only = args[0];
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
