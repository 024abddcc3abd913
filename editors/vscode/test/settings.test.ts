import assert from "node:assert/strict";
import { test } from "node:test";

import { serverSettings } from "../src/settings";

const reader = (values: Record<string, unknown>) => (key: string) => values[key];

test("defaults send nothing, so pg-flux.toml and $DATABASE_URL apply", () => {
  // What VS Code returns for the contributed defaults.
  const defaults = { databaseUrl: "", schemaDir: "", searchPath: [], schemas: [], shadowDatabaseUrl: "", "trace.server": "off" };
  assert.deepEqual(serverSettings(reader(defaults)), { "pg-flux": {} });
  assert.deepEqual(serverSettings(reader({})), { "pg-flux": {} });
});

test("set values become the server's camelCase keys under pg-flux", () => {
  const settings = serverSettings(
    reader({
      databaseUrl: " postgres://app@db/app ",
      schemaDir: "db/schema",
      searchPath: ["app", "public"],
      schemas: ["app"],
      shadowDatabaseUrl: "postgres://localhost/shadow",
      "server.path": "/usr/bin/pg-flux",
      "trace.server": "verbose",
    }),
  );
  assert.deepEqual(settings, {
    "pg-flux": {
      databaseUrl: "postgres://app@db/app",
      schemaDir: "db/schema",
      searchPath: ["app", "public"],
      schemas: ["app"],
      shadowDatabaseUrl: "postgres://localhost/shadow",
    },
  });
});

test("client-side settings (binary, trace) never reach the server", () => {
  const settings = serverSettings(reader({ "server.path": "/x", "trace.server": "messages" }));
  assert.deepEqual(Object.keys(settings["pg-flux"]), []);
});

test("malformed values are dropped, not sent", () => {
  const settings = serverSettings(reader({ databaseUrl: 42, searchPath: "public", schemas: ["", " app ", 7] }));
  assert.deepEqual(settings, { "pg-flux": { schemas: ["app"] } });
});
