// How every script here starts Chromium: Debian's build, headless, and with
// the background services off (this machine's network is closed, and a test
// must see only the page's own requests). No playwright import, so scripts
// with their own node_modules (bench/) can use it with their copy.

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
  "--no-first-run",
];

/** Options for playwright-core's `chromium.launch`. */
export function chromiumOptions() {
  return {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: CHROMIUM_ARGS,
  };
}
