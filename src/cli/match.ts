// `nastavnik match FILE [--mode optimal|stable]`: the solver on a generic JSON file, for tools and
// tests. Bad input: a Russian message on stderr and exit code 2.
import { readFileSync } from 'node:fs';
import { MatchFileError, type MatchMode, parseMatchFile, solveMatchFile } from '../core/matching/matchFile';
import { MatchingInputError } from '../core/matching/solver';

const USAGE = 'Использование: nastavnik match FILE [--mode optimal|stable]\n';

export async function matchCommand(args: string[]): Promise<number> {
  let file: string | undefined;
  let mode: MatchMode = 'optimal';
  for (let k = 0; k < args.length; k++) {
    const a = args[k];
    const value =
      a === '--mode' ? args[++k] : a.startsWith('--mode=') ? a.slice('--mode='.length) : undefined;
    if (value !== undefined) {
      if (value !== 'optimal' && value !== 'stable') {
        process.stderr.write(`Неизвестный режим «${value}»: допустимы optimal и stable.\n${USAGE}`);
        return 2;
      }
      mode = value;
    } else if (a.startsWith('-') || file !== undefined) {
      process.stderr.write(`Лишний аргумент «${a}».\n${USAGE}`);
      return 2;
    } else {
      file = a;
    }
  }
  if (file === undefined) {
    process.stderr.write(USAGE);
    return 2;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    const reason = e instanceof SyntaxError ? `это не JSON (${e.message})` : 'файл не читается';
    process.stderr.write(`Ошибка в файле ${file}: ${reason}.\n`);
    return 2;
  }
  try {
    const output = solveMatchFile(parseMatchFile(raw), mode);
    process.stdout.write(`${JSON.stringify(output)}\n`);
    return 0;
  } catch (e) {
    const problems =
      e instanceof MatchFileError ? e.problems : e instanceof MatchingInputError ? [e.message] : undefined;
    if (!problems) throw e;
    process.stderr.write(`Ошибки в файле ${file}:\n${problems.map((p) => `  ${p}`).join('\n')}\n`);
    return 2;
  }
}
