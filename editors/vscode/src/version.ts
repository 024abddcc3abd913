// `pg-flux --version` prints `pg-flux X.Y.Z`: parse it and compare with the oldest server the
// extension supports.

export type Version = [number, number, number];

export function parseVersion(text: string): Version | undefined {
  const m = /(\d+)\.(\d+)\.(\d+)/.exec(text);
  if (!m) return undefined;
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

export function compareVersions(a: Version, b: Version): number {
  for (let i = 0; i < 3; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export type VersionCheck = { ok: true; version: string } | { ok: false; message: string };

/** Checks the output of `<binary> --version` against `minimum`. */
export function checkVersion(binary: string, output: string, minimum: string): VersionCheck {
  const found = parseVersion(output);
  const needed = parseVersion(minimum);
  if (!output.trim().startsWith("pg-flux") || !found || !needed) {
    return {
      ok: false,
      message: `${binary} is not the pg-flux binary (\`--version\` printed "${output.trim().slice(0, 80)}"). Set pgFlux.server.path to pg-flux.`,
    };
  }
  const version = found.join(".");
  if (compareVersions(found, needed) < 0) {
    return {
      ok: false,
      message: `${binary} is pg-flux ${version}; this extension needs ${minimum} or newer. Update pg-flux or point pgFlux.server.path at a newer binary.`,
    };
  }
  return { ok: true, version };
}
