// `nastavnik local serve DIR [--port N]`: sidebars and dialogs of the workspace in a browser.
import { serveWorkspace } from '../local/html/serve';
import type { WorkspaceOptions } from '../local/index';

export async function localServeCommand(
  dir: string,
  args: string[],
  options: WorkspaceOptions = {},
): Promise<number> {
  const i = args.indexOf('--port');
  // 8787 is the port links in the workspace's mail point at when nothing is serving.
  const port = i >= 0 ? Number(args[i + 1]) : 8787;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write('Порт должен быть числом от 0 до 65535.\n');
    return 2;
  }
  const served = await serveWorkspace(dir, port, options);
  process.stdout.write(
    `Рабочее пространство ${dir}: ${served.url}\nОткрыть панель: ${served.url}open?fn=ИМЯ_ФУНКЦИИ\nВеб-приложение (doGet): ${served.webAppUrl}\nОстановить: Ctrl+C\n`,
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await served.close();
  return 0;
}
