// `nastavnik` command line. Each command lives in its own module; this file only dispatches, and
// loads a command's module (with what it requires: the Google API client, the benches' schools)
// only when that command runs.
import { localCommand, registerLocalSubcommand } from './local';

type Command = (args: string[]) => Promise<number>;

registerLocalSubcommand('serve', async (dir, args, options) =>
  (await import('./localServe')).localServeCommand(dir, args, options),
);

const USAGE = `nastavnik — наставничество в Google Workspace

  nastavnik demo [--latency ФАЙЛ]        учебный год на демо-данных в ./demo-workspace
  nastavnik local init|submit|run|clock|status|serve DIR ...
  nastavnik match FILE [--mode optimal|stable]
  nastavnik bench [--json] [--latency ФАЙЛ]  замеры производительности
  nastavnik screenshots [--out ПАПКА]    картинки таблицы и страницы встречи для README
  nastavnik live-check                   проверка сборки на настоящем Google (нужны ключи)
  nastavnik register …                   реестр участников на компьютере школы (режим «псевдонимы»)
`;

const commands: Record<string, Command> = {
  demo: async (args) => (await import('./demo')).demoCommand(args),
  'live-check': async (args) => (await import('./liveCheck')).liveCheckCommand(args),
  local: localCommand,
  match: async (args) => (await import('./match')).matchCommand(args),
  bench: async (args) => (await import('./bench')).benchCommand(args),
  screenshots: async (args) => (await import('./screenshots')).screenshotsCommand(args),
  register: async (args) => (await import('./register')).registerCommand(args),
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
