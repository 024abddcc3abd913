import assert from "node:assert/strict";
import { test } from "node:test";

import { resolveServer, ServerLookup } from "../src/serverPath";

function lookup(over: Partial<ServerLookup>, executables: string[]): ServerLookup {
  return {
    configuredPath: undefined,
    extensionPath: "/ext",
    platform: "linux",
    pathEnv: "/usr/local/bin:/usr/bin",
    home: "/home/me",
    isExecutable: (file) => executables.includes(file),
    ...over,
  };
}

test("the setting wins over the bundled binary and PATH", () => {
  const found = resolveServer(
    lookup({ configuredPath: "/opt/pg-flux/bin/pg-flux" }, ["/opt/pg-flux/bin/pg-flux", "/ext/server/pg-flux", "/usr/bin/pg-flux"]),
  );
  assert.deepEqual(found, { ok: true, path: "/opt/pg-flux/bin/pg-flux", source: "setting" });
});

test("a leading ~ in the setting is the home directory", () => {
  const found = resolveServer(lookup({ configuredPath: "~/.cargo/bin/pg-flux" }, ["/home/me/.cargo/bin/pg-flux"]));
  assert.deepEqual(found, { ok: true, path: "/home/me/.cargo/bin/pg-flux", source: "setting" });
});

test("a setting that points nowhere is an error, never a silent fallback to PATH", () => {
  const found = resolveServer(lookup({ configuredPath: "/nope/pg-flux" }, ["/usr/bin/pg-flux"]));
  assert.equal(found.ok, false);
  assert.match(!found.ok ? found.message : "", /pgFlux\.server\.path points at \/nope\/pg-flux/);
});

test("a relative setting is an error", () => {
  const found = resolveServer(lookup({ configuredPath: "bin/pg-flux" }, ["bin/pg-flux"]));
  assert.equal(found.ok, false);
  assert.match(!found.ok ? found.message : "", /absolute path/);
});

test("an empty setting means unset: the bundled binary comes before PATH", () => {
  const found = resolveServer(lookup({ configuredPath: "  " }, ["/ext/server/pg-flux", "/usr/bin/pg-flux"]));
  assert.deepEqual(found, { ok: true, path: "/ext/server/pg-flux", source: "bundled" });
});

test("PATH is searched in order", () => {
  const found = resolveServer(lookup({}, ["/usr/bin/pg-flux", "/usr/local/bin/pg-flux"]));
  assert.deepEqual(found, { ok: true, path: "/usr/local/bin/pg-flux", source: "PATH" });
});

test("Windows: pg-flux.exe, ; in PATH", () => {
  const found = resolveServer(
    lookup({ platform: "win32", extensionPath: "C:\\ext", pathEnv: "C:\\tools;C:\\cargo\\bin" }, ["C:\\cargo\\bin\\pg-flux.exe"]),
  );
  assert.deepEqual(found, { ok: true, path: "C:\\cargo\\bin\\pg-flux.exe", source: "PATH" });
  const bundled = resolveServer(lookup({ platform: "win32", extensionPath: "C:\\ext", pathEnv: "" }, ["C:\\ext\\server\\pg-flux.exe"]));
  assert.deepEqual(bundled, { ok: true, path: "C:\\ext\\server\\pg-flux.exe", source: "bundled" });
});

test("nothing found: one message that says how to fix it", () => {
  const found = resolveServer(lookup({ pathEnv: undefined }, []));
  assert.equal(found.ok, false);
  const message = !found.ok ? found.message : "";
  assert.match(message, /not found/);
  assert.match(message, /cargo install/);
  assert.match(message, /pgFlux\.server\.path/);
});
