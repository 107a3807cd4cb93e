// Debian's Chromium and the flags every script here launches it with.
// Without the background-networking flags Chromium itself calls out to
// Google's hosts; the tests' guards would (rightly) count those against us.

export const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-default-apps",
  "--disable-extensions",
];
