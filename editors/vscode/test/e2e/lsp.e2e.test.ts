// End to end: the real `pg-flux lsp` binary, a real PostgreSQL with the fixture loaded, driven
// as the extension's client drives it (initialization options from the extension's settings
// code, the status bar's logic on the diagnostics received).

import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { after, before, test } from "node:test";

import type { CodeAction, Diagnostic } from "vscode-languageserver-protocol";

import { DIAGNOSTIC_CODES, SERVER_COMMANDS } from "../../src/protocol";
import { serverSettings } from "../../src/settings";
import { parseDatabaseStatus, statusView, summarizeDiagnostics } from "../../src/status";
import { cargoBinary, copyWorkspace, startDatabase, TestDatabase } from "./harness";
import { TestClient, uri } from "./client";

let db: TestDatabase;
let server: string;

before(async () => {
  server = cargoBinary("PGFLUX_BIN", "pg-flux");
  db = await startDatabase();
});

after(async () => {
  await db?.close();
});

const settingsWith = (values: Record<string, unknown>) => serverSettings((key) => values[key]);
const withCode = (list: Diagnostic[] | undefined, code: string) => (list ?? []).filter((d) => d.code === code);
const allDiagnostics = (client: TestClient) => [...client.diagnostics.values()].flat();

test("the undeclared hotfix index: diagnostic, quick fix, pulled file on disk", async () => {
  const root = copyWorkspace();
  const indexes = path.join(root, "schema/indexes/public.users.sql");
  const { client, result } = await TestClient.start(server, root, settingsWith({ databaseUrl: db.url }));
  try {
    assert.equal(result.serverInfo?.name, "pg-flux");
    assert.deepEqual(
      [...(result.capabilities.executeCommandProvider?.commands ?? [])].sort(),
      Object.values(SERVER_COMMANDS).sort(),
      "the server's commands are the ones the extension calls",
    );
    await client.open(indexes, fs.readFileSync(indexes, "utf8"));
    await client.waitFor("the undeclared index on indexes/public.users.sql", () =>
      withCode(client.diagnostics.get(uri(indexes)), DIAGNOSTIC_CODES.undeclared).length === 1,
    );
    const diagnostic = withCode(client.diagnostics.get(uri(indexes)), DIAGNOSTIC_CODES.undeclared)[0]!;
    assert.equal(diagnostic.source, "pg-flux");
    assert.deepEqual(diagnostic.data, {
      kind: "index",
      identity: "public.idx_emergency_perf",
      file: "indexes/public.users.sql",
      pullable: true,
    });
    // Nothing else is wrong with the fixture (everything the server has to say is in once the
    // refresh is done).
    const status = parseDatabaseStatus(await client.refresh());
    assert.equal(status, "connected");
    assert.deepEqual(
      allDiagnostics(client).map((d) => d.code),
      [DIAGNOSTIC_CODES.undeclared],
    );
    assert.equal(statusView("running", status, summarizeDiagnostics(allDiagnostics(client))).text, "$(warning) pg-flux: 1 undeclared");

    const actions = (await client.connection.sendRequest("textDocument/codeAction", {
      textDocument: { uri: uri(indexes) },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], only: ["quickfix"], triggerKind: 1 },
    })) as CodeAction[];
    assert.equal(actions.length, 1, JSON.stringify(actions));
    const action = actions[0]!;
    assert.equal(action.title, "Pull index public.idx_emergency_perf into _pulled/");
    assert.equal(action.command?.command, SERVER_COMMANDS.pullObject);

    // VS Code runs the action's command through workspace/executeCommand.
    const pulled = (await client.execute(action.command!.command, action.command!.arguments ?? [])) as { path: string; objects: number };
    assert.equal(pulled.objects, 1);
    assert.equal(path.dirname(pulled.path), path.join(root, "schema/_pulled"));
    assert.match(path.basename(pulled.path), /^\d{8}_\d{6}_pulled\.sql$/);
    const text = fs.readFileSync(pulled.path, "utf8");
    assert.match(text, /^-- pg-flux pull: index public\.idx_emergency_perf \(belongs in indexes\/public\.users\.sql\)$/m);
    assert.match(text, /^CREATE INDEX idx_emergency_perf ON public\.users USING btree \(id, email\);$/m);
    assert.deepEqual(
      client.serverRequests.map((r) => r.method),
      ["client/registerCapability", "workspace/applyEdit", "window/showDocument"],
    );
    assert.equal((client.serverRequests[2]!.params as { uri: string }).uri, uri(pulled.path));
    // The source file itself was not touched.
    assert.equal(fs.readFileSync(indexes, "utf8"), "CREATE INDEX users_email ON public.users USING btree (email);\n");
    assert.equal(await client.shutdown(), 0);
  } catch (error) {
    client.kill();
    throw error;
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test("settings change without a restart: database down, back up, then dump into the workspace", async () => {
  const root = copyWorkspace();
  const config = path.join(root, "pg-flux.toml");
  const { client } = await TestClient.start(server, root, settingsWith({ databaseUrl: db.url }));
  try {
    assert.equal(parseDatabaseStatus(await client.execute(SERVER_COMMANDS.refresh)), "connected");

    // A database nobody listens on: one database-unavailable diagnostic on pg-flux.toml.
    const port = new URL(db.url).port;
    const nowhere = db.url.replace(`:${port}/`, ":1/");
    await client.changeConfiguration(settingsWith({ databaseUrl: nowhere }));
    await client.waitFor("database-unavailable on pg-flux.toml", () =>
      withCode(client.diagnostics.get(uri(config)), DIAGNOSTIC_CODES.databaseUnavailable).length === 1,
    );
    const down = withCode(client.diagnostics.get(uri(config)), DIAGNOSTIC_CODES.databaseUnavailable)[0]!;
    const password = new URL(db.url).password;
    assert.ok(!down.message.includes(password), `the password leaked: ${down.message}`);
    assert.equal(statusView("running", "connected", summarizeDiagnostics(allDiagnostics(client))).text, "$(debug-disconnect) pg-flux: database unavailable");

    await client.changeConfiguration(settingsWith({ databaseUrl: db.url }));
    await client.waitFor("the database back", () =>
      withCode(client.diagnostics.get(uri(config)), DIAGNOSTIC_CODES.databaseUnavailable).length === 0 &&
      allDiagnostics(client).some((d) => d.code === DIAGNOSTIC_CODES.undeclared),
    );

    // Dump: the server asks before overwriting the hand-written table file; the user agrees.
    client.connection.onRequest("window/showMessageRequest", (params: { actions?: { title: string }[]; message: string }) => {
      client.serverRequests.push({ method: "window/showMessageRequest", params });
      return params.actions?.find((a) => a.title === "Overwrite") ?? null;
    });
    const dumped = (await client.execute(SERVER_COMMANDS.dump)) as { written: number; overwritten: number };
    assert.ok(dumped.overwritten >= 1, JSON.stringify(dumped));
    const asked = client.serverRequests.find((r) => r.method === "window/showMessageRequest");
    assert.match((asked?.params as { message: string }).message, /would overwrite \d+ existing file\(s\)/);
    const indexes = fs.readFileSync(path.join(root, "schema/indexes/public.users.sql"), "utf8");
    assert.match(indexes, /CREATE INDEX idx_emergency_perf ON public\.users USING btree \(id, email\);/);
    // Everything live is declared now (the dumped files reached the server before the refresh).
    await client.refresh();
    assert.deepEqual(
      allDiagnostics(client).filter((d) => d.code === DIAGNOSTIC_CODES.undeclared),
      [],
    );
    assert.equal(await client.shutdown(), 0);
  } catch (error) {
    client.kill();
    throw error;
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});
