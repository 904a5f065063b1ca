// Programs outside npm that some test suites drive: each is found on this machine, installed from
// Debian's packages where that is possible (root with apt-get), or its suites are left out of the
// run with one line saying how to bring them back. With CI=true a missing program fails the run.
const { accessSync, constants, existsSync, readdirSync, readFileSync } = require('node:fs');
const { execFileSync } = require('node:child_process');
const { delimiter, join, relative } = require('node:path');

const root = join(__dirname, '..');

/**
 * env: the variable that names the program's path (also set here for the suites to read);
 * commands: names looked up on PATH; paths: usual places outside PATH; install: the script that
 * installs it from Debian's packages; uses: how a suite's source shows that it needs the program.
 */
const PROGRAMS = [
  {
    name: 'Chromium',
    env: 'CHROMIUM_PATH',
    commands: ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'],
    paths: [
      '/usr/bin/chromium',
      '/usr/bin/chromium-browser',
      '/snap/bin/chromium',
      '/usr/bin/google-chrome',
      '/usr/bin/google-chrome-stable',
      '/opt/google/chrome/chrome',
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
    ],
    install: 'scripts/ensure-chromium.sh',
    uses: /headlessChromium/,
  },
  {
    name: 'LibreOffice',
    env: 'SOFFICE_PATH',
    commands: ['soffice', 'libreoffice'],
    paths: [
      '/usr/bin/soffice',
      '/usr/lib/libreoffice/program/soffice',
      '/snap/bin/libreoffice',
      '/Applications/LibreOffice.app/Contents/MacOS/soffice',
    ],
    install: 'scripts/ensure-libreoffice.sh',
    uses: /SOFFICE_PATH|libreoffice\.test/,
  },
];

function executable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The program's path: its variable if set (even to a missing file: then it is missing), PATH, the usual places. */
function locate(program) {
  const given = process.env[program.env];
  if (given !== undefined && given !== '') return executable(given) ? given : undefined;
  const onPath = (process.env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .flatMap((dir) => program.commands.map((c) => join(dir, c)));
  return [...onPath, ...program.paths].find(executable);
}

function canInstall() {
  if (process.env.NASTAVNIK_NO_INSTALL) return false;
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  return ['/usr/bin/apt-get', '/bin/apt-get'].some(existsSync);
}

function install(program) {
  process.stderr.write(`Устанавливаю ${program.name} из пакетов Debian (${program.install})…\n`);
  try {
    execFileSync('bash', [join(root, program.install)], { stdio: 'inherit', timeout: 15 * 60_000 });
  } catch {
    process.stderr.write(`${program.name} не установился.\n`);
  }
}

function testFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The suites (paths from the repository root) whose source shows they need the program. */
function suitesOf(program) {
  return testFiles(join(root, 'test'))
    .filter((path) => program.uses.test(readFileSync(path, 'utf8')) || program.uses.test(path))
    .map((path) => relative(root, path));
}

/**
 * Finds (or installs) every program and exports its path in its variable. Answers the suites to
 * leave out; prints one line naming them and how to enable them; throws when CI=true and one is missing.
 */
function resolvePrograms() {
  const skipped = [];
  for (const program of PROGRAMS) {
    const suites = suitesOf(program);
    if (suites.length === 0) continue;
    let path = locate(program);
    if (!path && canInstall() && process.env[program.env] === undefined) {
      install(program);
      path = locate(program);
    }
    if (path) {
      process.env[program.env] = path;
      continue;
    }
    const enable = `${program.name}: задайте ${program.env} или установите: sudo bash ${program.install}`;
    if (process.env.CI === 'true')
      throw new Error(`CI=true, а ${program.name} не найден для ${suites.join(', ')}. ${enable}`);
    skipped.push({ suites, enable });
  }
  if (skipped.length > 0)
    process.stderr.write(
      `Пропущены тесты без внешних программ: ${skipped.map((s) => `${s.suites.join(', ')} (нет ${s.enable})`).join('; ')}.\n`,
    );
  return skipped.flatMap((s) => s.suites);
}

module.exports = { PROGRAMS, locate, resolvePrograms };
