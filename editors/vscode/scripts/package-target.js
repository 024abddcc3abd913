#!/usr/bin/env node
// Builds a platform-specific .vsix that bundles the pg-flux server:
//   npm run package:target -- <vsce target, e.g. linux-x64> <path to a release pg-flux binary>
// The binary goes to server/pg-flux (pg-flux.exe for win32-*), where the extension looks for it
// before PATH; the result is dist/pg-flux-<target>.vsix.

"use strict";
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const [target, binary] = process.argv.slice(2);
if (!target || !binary) {
  console.error("usage: npm run package:target -- <target> <pg-flux binary>");
  process.exit(2);
}
if (!fs.existsSync(binary)) {
  console.error(`package-target: ${binary} does not exist`);
  process.exit(2);
}
const root = path.resolve(__dirname, "..");
const serverDir = path.join(root, "server");
const name = target.startsWith("win32-") ? "pg-flux.exe" : "pg-flux";
fs.rmSync(serverDir, { recursive: true, force: true });
fs.mkdirSync(serverDir);
fs.copyFileSync(binary, path.join(serverDir, name));
fs.chmodSync(path.join(serverDir, name), 0o755);
const vsce = path.join(root, "node_modules", ".bin", "vsce");
try {
  execFileSync("npm", ["run", "--silent", "bundle"], { cwd: root, stdio: "inherit" });
  execFileSync(
    vsce,
    ["package", "--no-dependencies", "--allow-missing-repository", "--skip-license", "--target", target, "--out", `dist/pg-flux-${target}.vsix`],
    { cwd: root, stdio: "inherit" },
  );
} finally {
  fs.rmSync(serverDir, { recursive: true, force: true });
}
