// Headless Chromium for the tests that use sidebars in a real browser. jest.config.cjs finds it (or
// installs Debian's package) and sets CHROMIUM_PATH; where there is none, these suites do not run.
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `Нет Chromium по пути ${CHROMIUM}: задайте CHROMIUM_PATH или запустите scripts/ensure-chromium.sh`,
    );
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}
