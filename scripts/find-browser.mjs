// Finds the Chromium the tests run in, or says how to install one.
import { existsSync } from 'node:fs';

export function findChromium() {
  const candidates = [
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ];
  return candidates.find((path) => path && existsSync(path));
}

/**
 * How the tests and the benchmark start Chromium: without a sandbox when running as root (as in
 * CI), and without the background traffic that a machine with no outside network refuses.
 */
export function chromiumArguments() {
  const runningAsRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return [
    ...(runningAsRoot ? ['--no-sandbox'] : []),
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!findChromium()) {
    console.error(
      [
        'No Chromium found for the tests.',
        'Install one, then run npm test again:',
        '  Debian/Ubuntu: sudo apt-get update && sudo apt-get install -y chromium',
        '  or point CHROME_PATH at an installed Chrome or Chromium.',
      ].join('\n'),
    );
    process.exit(1);
  }
}
