// Debian's nginx serving the release with the repository's configuration
// (deploy/nginx/hr-readiness.conf; only `listen` and `root` replaced), run
// as a foreground process on a random loopback port with its pid, logs and
// temporary files in a temporary folder. See common.mjs for what is checked.

import { after, before } from "node:test";
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT, freePort, stopServer, headerTests, journeyTest, releaseSite, substitute, waitUp } from "./common.mjs";

const NGINX = process.env.NGINX || "/usr/sbin/nginx";
const site = releaseSite();
let url;
let server;
let dir;

before(async () => {
  const version = spawnSync(NGINX, ["-v"], { encoding: "utf8" });
  if (version.error) throw new Error(`nginx is missing (${NGINX}): bash scripts/setup.sh test installs it`);
  console.log(`# ${version.stderr.trim()}`);
  dir = mkdtempSync(join(tmpdir(), "hr-nginx-"));
  // As root, nginx's workers run as nobody: they must be able to read the folder.
  chmodSync(dir, 0o755);
  const port = await freePort();
  let conf = readFileSync(join(ROOT, "deploy", "nginx", "hr-readiness.conf"), "utf8");
  conf = substitute(conf, "    listen 80;\n", `    listen 127.0.0.1:${port};\n`);
  conf = substitute(conf, "    listen [::]:80;\n", "");
  conf = substitute(conf, "root /srv/hr-readiness/site;", `root ${site};`);
  writeFileSync(join(dir, "site.conf"), conf);
  const root = process.getuid?.() === 0 ? "user nobody nogroup;\n" : "";
  writeFileSync(
    join(dir, "nginx.conf"),
    `${root}daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log ${dir}/access.log;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  include ${dir}/site.conf;
}
`,
  );
  const check = spawnSync(NGINX, ["-t", "-p", dir, "-e", `${dir}/error.log`, "-c", `${dir}/nginx.conf`], { encoding: "utf8" });
  if (check.status !== 0) throw new Error(`nginx -t refused the configuration:\n${check.stderr}`);
  server = spawn(NGINX, ["-p", dir, "-e", `${dir}/error.log`, "-c", `${dir}/nginx.conf`], { stdio: ["ignore", "inherit", "inherit"] });
  url = `http://127.0.0.1:${port}`;
  await waitUp(url, () => readFileSync(`${dir}/error.log`, "utf8"));
});

after(async () => {
  await stopServer(server, "SIGQUIT");
  if (dir) rmSync(dir, { recursive: true, force: true });
});

headerTests("nginx", () => url, site);
journeyTest("nginx", () => url);
