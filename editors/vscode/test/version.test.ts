import assert from "node:assert/strict";
import { test } from "node:test";

import { checkVersion, compareVersions, parseVersion } from "../src/version";

test("parses `pg-flux X.Y.Z`", () => {
  assert.deepEqual(parseVersion("pg-flux 0.1.0\n"), [0, 1, 0]);
  assert.deepEqual(parseVersion("pg-flux 12.30.4-dev"), [12, 30, 4]);
  assert.equal(parseVersion("pg-flux"), undefined);
});

test("compares numerically, not as text", () => {
  assert.ok(compareVersions([0, 10, 0], [0, 9, 0]) > 0);
  assert.ok(compareVersions([1, 0, 0], [0, 99, 99]) > 0);
  assert.equal(compareVersions([0, 1, 0], [0, 1, 0]), 0);
});

test("accepts the minimum and newer", () => {
  assert.deepEqual(checkVersion("/b/pg-flux", "pg-flux 0.1.0\n", "0.1.0"), { ok: true, version: "0.1.0" });
  assert.deepEqual(checkVersion("/b/pg-flux", "pg-flux 0.2.3\n", "0.1.0"), { ok: true, version: "0.2.3" });
});

test("too old: names the binary, both versions and the fix", () => {
  const checked = checkVersion("/b/pg-flux", "pg-flux 0.0.9\n", "0.1.0");
  assert.equal(checked.ok, false);
  const message = !checked.ok ? checked.message : "";
  assert.match(message, /\/b\/pg-flux is pg-flux 0\.0\.9/);
  assert.match(message, /needs 0\.1\.0 or newer/);
  assert.match(message, /pgFlux\.server\.path/);
});

test("another program is not taken for pg-flux", () => {
  const checked = checkVersion("/usr/bin/python3", "Python 3.11.7\n", "0.1.0");
  assert.equal(checked.ok, false);
  assert.match(!checked.ok ? checked.message : "", /is not the pg-flux binary/);
});
