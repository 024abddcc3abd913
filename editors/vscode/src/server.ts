// Finds the pg-flux binary and checks its version before the client starts it.

import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";

import { MIN_SERVER_VERSION } from "./protocol";
import { resolveServer } from "./serverPath";
import { checkVersion } from "./version";

export type FoundServer = { ok: true; path: string; version: string; source: string } | { ok: false; message: string };

function isExecutable(file: string): boolean {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return false;
    if (process.platform === "win32") return true;
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function runVersion(binary: string): Promise<{ ok: true; output: string } | { ok: false; message: string }> {
  return new Promise((resolve) => {
    execFile(binary, ["--version"], { timeout: 10_000 }, (error, stdout, stderr) => {
      if (error) {
        resolve({ ok: false, message: `Running "${binary} --version" failed: ${(stderr || error.message).trim()}` });
      } else {
        resolve({ ok: true, output: stdout });
      }
    });
  });
}

export async function findServer(configuredPath: string | undefined, extensionPath: string): Promise<FoundServer> {
  const found = resolveServer({
    configuredPath,
    extensionPath,
    platform: process.platform,
    pathEnv: process.env.PATH,
    home: os.homedir(),
    isExecutable,
  });
  if (!found.ok) return found;
  const ran = await runVersion(found.path);
  if (!ran.ok) return ran;
  const checked = checkVersion(found.path, ran.output, MIN_SERVER_VERSION);
  if (!checked.ok) return checked;
  return { ok: true, path: found.path, version: checked.version, source: found.source };
}
