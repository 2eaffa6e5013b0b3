// Runs before Playwright: makes sure a Chromium binary exists, because the e2e tests use the
// system browser (CHROMIUM_PATH or /usr/bin/chromium) instead of one Playwright downloads.
// Exits 0 when a browser is ready, 1 with instructions otherwise; never prints a stack trace.
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';

const DEFAULT_PATH = '/usr/bin/chromium';

/** @param {string} path */
function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** @param {string} name */
function commandExists(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

/** @param {string} command @param {string[]} args */
function run(command, args) {
  console.log(`ensure-chromium: running: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit' });
  return result.status === 0;
}

function tryAptInstall() {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (process.platform !== 'linux' || !isRoot || !commandExists('apt-get')) return false;
  console.log('ensure-chromium: no Chromium found; installing the Debian package "chromium" with apt-get.');
  return run('apt-get', ['update']) && run('apt-get', ['install', '-y', 'chromium']);
}

/** @param {string} target */
function explain(target) {
  console.error(
    [
      '',
      `ensure-chromium: no Chromium executable at ${target}.`,
      'The end-to-end tests run in a system Chromium. To get one:',
      '',
      '  Debian / Ubuntu:   sudo apt-get install chromium',
      '                     (the binary lands at /usr/bin/chromium; nothing else to set)',
      '',
      '  Anywhere else:     npx playwright install chromium',
      '                     then point CHROMIUM_PATH at the browser it installed, e.g.',
      '                     export CHROMIUM_PATH=~/.cache/ms-playwright/chromium-<version>/chrome-linux/chrome',
      '                     (macOS: .../chrome-mac/Chromium.app/Contents/MacOS/Chromium)',
      '',
      '  Then run `npm test` again.',
      '',
    ].join('\n'),
  );
}

function main() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (isExecutable(fromEnv)) return 0;
    // An explicit path that is wrong is a mistake to report, not to paper over with apt-get.
    explain(`CHROMIUM_PATH=${fromEnv}`);
    return 1;
  }
  if (isExecutable(DEFAULT_PATH)) return 0;
  if (tryAptInstall() && isExecutable(DEFAULT_PATH)) {
    console.log(`ensure-chromium: installed ${DEFAULT_PATH}.`);
    return 0;
  }
  explain(DEFAULT_PATH);
  return 1;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(`ensure-chromium: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
