// Headless Chromium for the tests that use sidebars in a real browser (the Debian package; .ci/run
// installs it through scripts/ensure-chromium.sh; CHROMIUM_PATH points elsewhere).
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
    throw new Error(`Chromium is required at ${CHROMIUM}: run scripts/ensure-chromium.sh`);
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}
