// Caddy (Debian's package: bookworm has 2.6) serving the release with the
// repository's Caddyfile (deploy/caddy/Caddyfile; only the site address and
// `root` replaced, and global options for a test run put in front: no admin
// endpoint, no automatic HTTPS, its state in a temporary folder), on a
// random loopback port. See common.mjs for what is checked.

import { after, before } from "node:test";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT, freePort, stopServer, headerTests, journeyTest, releaseSite, substitute, waitUp } from "./common.mjs";

const CADDY = process.env.CADDY || "caddy";
const site = releaseSite();
let url;
let server;
let dir;
let output = "";

before(async () => {
  const version = spawnSync(CADDY, ["version"], { encoding: "utf8" });
  if (version.error) throw new Error(`caddy is missing: bash scripts/setup.sh test installs it (Debian package caddy)`);
  console.log(`# caddy ${version.stdout.trim()}`);
  dir = mkdtempSync(join(tmpdir(), "hr-caddy-"));
  const port = await freePort();
  let conf = readFileSync(join(ROOT, "deploy", "caddy", "Caddyfile"), "utf8");
  conf = substitute(conf, "\nassessment.example.org {\n", `\nhttp://127.0.0.1:${port} {\n`);
  conf = substitute(conf, "root * /srv/hr-readiness/site\n", `root * ${site}\n`);
  const global = `{\n\tadmin off\n\tauto_https off\n\tstorage file_system ${dir}/data\n}\n`;
  writeFileSync(join(dir, "Caddyfile"), global + conf);
  const env = { ...process.env, HOME: dir, XDG_DATA_HOME: `${dir}/data`, XDG_CONFIG_HOME: `${dir}/config` };
  const check = spawnSync(CADDY, ["validate", "--adapter", "caddyfile", "--config", `${dir}/Caddyfile`], { encoding: "utf8", env });
  if (check.status !== 0) throw new Error(`caddy validate refused the Caddyfile:\n${check.stderr}`);
  server = spawn(CADDY, ["run", "--adapter", "caddyfile", "--config", `${dir}/Caddyfile`], { env, stdio: ["ignore", "pipe", "pipe"] });
  server.stdout.on("data", (d) => (output += d));
  server.stderr.on("data", (d) => (output += d));
  url = `http://127.0.0.1:${port}`;
  await waitUp(url, () => output);
});

after(async () => {
  await stopServer(server, "SIGTERM");
  if (dir) rmSync(dir, { recursive: true, force: true });
});

headerTests("Caddy", () => url, site);
journeyTest("Caddy", () => url);
