// The built artifacts (`npm run package`): the bundle loads with nothing but `vscode` and Node's
// own modules, and the .vsix carries the bundle and the manifest VS Code reads.

import assert from "node:assert/strict";
import * as fs from "node:fs";
import { builtinModules } from "node:module";
import * as path from "node:path";
import { test } from "node:test";
import * as vm from "node:vm";

const ROOT = path.resolve(__dirname, "../../..");
const BUNDLE = path.join(ROOT, "dist/extension.js");
const VSIX = path.join(ROOT, "dist/pg-flux.vsix");

/** Names and contents of a zip's stored or deflated entries (central directory). */
function readZip(file: string, modes?: Map<string, number>): Map<string, Buffer> {
  const zip = fs.readFileSync(file);
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, "not a zip file");
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = new Map<string, Buffer>();
  const zlib = require("node:zlib") as typeof import("node:zlib");
  for (let i = 0; i < count; i++) {
    assert.equal(zip.readUInt32LE(at), 0x02014b50, "bad central directory entry");
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString("utf8", at + 46, at + 46 + nameLength);
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    modes?.set(name, zip.readUInt32LE(at + 38) >>> 16);
    const raw = zip.subarray(dataStart, dataStart + size);
    entries.set(name, method === 8 ? zlib.inflateRawSync(raw) : Buffer.from(raw));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Stands for the vscode API at load time: any property, callable, constructible, extendable. */
function anything(): unknown {
  const target = class {};
  return new Proxy(target, {
    get: (t, key) => (key === "prototype" ? t.prototype : typeof key === "symbol" ? undefined : anything()),
    apply: () => anything(),
    construct: () => anything() as object,
  });
}

test("the bundle needs only vscode and Node's modules, and exports activate/deactivate", () => {
  const required = new Set<string>();
  const module = { exports: {} as Record<string, unknown> };
  const fakeRequire = (name: string): unknown => {
    required.add(name);
    if (name === "vscode") return anything();
    const bare = name.replace(/^node:/, "");
    assert.ok(builtinModules.includes(bare), `the bundle requires ${name}, which the .vsix does not carry`);
    return require(name);
  };
  const wrapper = vm.runInThisContext(`(function (exports, require, module, __filename, __dirname) {${fs.readFileSync(BUNDLE, "utf8")}\n})`, {
    filename: BUNDLE,
  }) as (...args: unknown[]) => void;
  wrapper(module.exports, fakeRequire, module, BUNDLE, path.dirname(BUNDLE));
  assert.equal(typeof module.exports.activate, "function");
  assert.equal(typeof module.exports.deactivate, "function");
  assert.ok(required.has("vscode"));
});

test("the .vsix holds the bundle and the manifest: activation, commands, machine-scoped server path", () => {
  const entries = readZip(VSIX);
  assert.ok(entries.has("extension.vsixmanifest"));
  assert.deepEqual(entries.get("extension/dist/extension.js"), fs.readFileSync(BUNDLE));
  assert.ok(![...entries.keys()].some((name) => name.includes("node_modules/") || name.startsWith("extension/src/")), [...entries.keys()].join(", "));
  const manifest = JSON.parse(entries.get("extension/package.json")!.toString("utf8")) as {
    main: string;
    activationEvents: string[];
    contributes: { commands: { command: string; title: string }[]; configuration: { properties: Record<string, { scope?: string }> } };
  };
  assert.equal(manifest.main, "./dist/extension.js");
  assert.deepEqual(manifest.activationEvents, ["workspaceContains:pg-flux.toml", "onLanguage:sql"]);
  assert.deepEqual(
    manifest.contributes.commands.map((c) => c.title),
    ["Dump database into workspace", "Pull undeclared objects", "Verify now", "Generate migration from source", "Restart server", "Show output"],
  );
  assert.deepEqual(
    manifest.contributes.commands.map((c) => c.command),
    ["pgFlux.dump", "pgFlux.pull", "pgFlux.verify", "pgFlux.generateMigration", "pgFlux.restart", "pgFlux.showOutput"],
  );
  assert.equal(manifest.contributes.configuration.properties["pgFlux.server.path"]?.scope, "machine");
  for (const key of ["databaseUrl", "schemaDir", "searchPath", "schemas", "shadowDatabaseUrl", "trace.server"]) {
    assert.ok(manifest.contributes.configuration.properties[`pgFlux.${key}`], `pgFlux.${key} is not contributed`);
  }
});

test("a platform-specific .vsix bundles the server where the extension looks for it", () => {
  const { execFileSync } = require("node:child_process") as typeof import("node:child_process");
  const os = require("node:os") as typeof import("node:os");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pg-flux-vsix-"));
  const fake = path.join(dir, "pg-flux");
  fs.writeFileSync(fake, "#!/bin/sh\necho 'pg-flux 0.1.0'\n", { mode: 0o755 });
  try {
    execFileSync("node", [path.join(ROOT, "scripts/package-target.js"), "linux-x64", fake], { cwd: ROOT, stdio: "pipe" });
    const built = path.join(ROOT, "dist/pg-flux-linux-x64.vsix");
    const modes = new Map<string, number>();
    const entries = readZip(built, modes);
    assert.equal((modes.get("extension/server/pg-flux") ?? 0) & 0o111, 0o111, "the server is executable");
    assert.equal(entries.get("extension/server/pg-flux")?.toString("utf8"), fs.readFileSync(fake, "utf8"));
    assert.match(entries.get("extension.vsixmanifest")!.toString("utf8"), /TargetPlatform="linux-x64"/);
    assert.ok(!fs.existsSync(path.join(ROOT, "server")), "the staging directory is removed");
    fs.rmSync(built);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
