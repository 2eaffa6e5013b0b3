// How every script and test here starts Chromium: the system browser (CHROMIUM_PATH or Debian's
// /usr/bin/chromium; Playwright cannot download its own everywhere) with the flags that keep a
// headless run quiet and comparable: no sandbox (root in CI), no GPU, no background traffic.
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};
