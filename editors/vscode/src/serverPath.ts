// Where the `pg-flux` binary is: the `pgFlux.server.path` setting, else a binary bundled in a
// platform-specific .vsix, else PATH. Pure: the file system is passed in.

import * as path from "path";

export type ServerSource = "setting" | "bundled" | "PATH";

export interface ServerLookup {
  /** `pgFlux.server.path` (machine-scoped); empty or undefined when unset. */
  configuredPath: string | undefined;
  /** The extension's install directory. */
  extensionPath: string;
  platform: NodeJS.Platform;
  /** `$PATH` (`%PATH%` on Windows). */
  pathEnv: string | undefined;
  /** The user's home directory, for a leading `~` in the setting. */
  home: string;
  /** Whether an executable file exists at this path. */
  isExecutable: (file: string) => boolean;
}

export type ServerResolution =
  | { ok: true; path: string; source: ServerSource }
  | { ok: false; message: string };

export function binaryName(platform: NodeJS.Platform): string {
  return platform === "win32" ? "pg-flux.exe" : "pg-flux";
}

/** Where a platform-specific .vsix carries the server, relative to the extension. */
export function bundledPath(extensionPath: string, platform: NodeJS.Platform): string {
  const join = platform === "win32" ? path.win32.join : path.posix.join;
  return join(extensionPath, "server", binaryName(platform));
}

export function resolveServer(lookup: ServerLookup): ServerResolution {
  const pathApi = lookup.platform === "win32" ? path.win32 : path.posix;
  const configured = lookup.configuredPath?.trim() ?? "";
  if (configured !== "") {
    // An explicit setting is never silently replaced by another binary.
    const expanded = configured === "~" || configured.startsWith("~/") || configured.startsWith("~\\")
      ? pathApi.join(lookup.home, configured.slice(1))
      : configured;
    if (!pathApi.isAbsolute(expanded)) {
      return {
        ok: false,
        message: `pgFlux.server.path must be an absolute path to the pg-flux binary, not "${configured}".`,
      };
    }
    if (!lookup.isExecutable(expanded)) {
      return {
        ok: false,
        message: `pgFlux.server.path points at ${expanded}, which is not an executable file. Fix the setting or clear it to use pg-flux from PATH.`,
      };
    }
    return { ok: true, path: expanded, source: "setting" };
  }
  const bundled = bundledPath(lookup.extensionPath, lookup.platform);
  if (lookup.isExecutable(bundled)) {
    return { ok: true, path: bundled, source: "bundled" };
  }
  const delimiter = lookup.platform === "win32" ? ";" : ":";
  for (const dir of (lookup.pathEnv ?? "").split(delimiter)) {
    if (dir === "") continue;
    const candidate = pathApi.join(dir, binaryName(lookup.platform));
    if (lookup.isExecutable(candidate)) {
      return { ok: true, path: candidate, source: "PATH" };
    }
  }
  return {
    ok: false,
    message:
      "The pg-flux language server was not found: it is not bundled with this extension and not on PATH. " +
      "Install pg-flux (`cargo install --locked --path server` in a pg-flux checkout) or set pgFlux.server.path to the binary.",
  };
}
