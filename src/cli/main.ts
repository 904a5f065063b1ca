// `nastavnik` command line. Each command lives in its own module; this file only dispatches.
import { benchCommand } from './bench';
import { demoCommand } from './demo';
import { liveCheckCommand } from './liveCheck';
import { localCommand, registerLocalSubcommand } from './local';
import { localServeCommand } from './localServe';
import { matchCommand } from './match';

type Command = (args: string[]) => Promise<number>;

registerLocalSubcommand('serve', localServeCommand);

const USAGE = `nastavnik — наставничество в Google Workspace

  nastavnik demo                         учебный год на демо-данных в ./demo-workspace
  nastavnik local init|submit|run|clock|status|serve DIR ...
  nastavnik match FILE [--mode optimal|stable]
  nastavnik bench                        замеры производительности
  nastavnik live-check                   проверка сборки на настоящем Google (нужны ключи)
`;

const commands: Record<string, Command> = {
  demo: demoCommand,
  'live-check': liveCheckCommand,
  local: localCommand,
  match: matchCommand,
  bench: benchCommand,
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    process.stderr.write(USAGE);
    return name ? 2 : 0;
  }
  return command(rest);
}
