// End to end: completion, references and rename against the real `pg-flux lsp` and a real
// PostgreSQL (editors/test-fixture/app.sql), as the extension's client asks for them; then the
// server's "Generate migration" writes the rename, psql applies it, and the rows stay; a
// hand-written migration gets its hazard.

import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { after, before, test } from "node:test";

import type { CompletionItem, CompletionList, Diagnostic, Location, Range, TextEdit, WorkspaceEdit } from "vscode-languageserver-protocol";

import { DIAGNOSTIC_CODES, SERVER_COMMANDS } from "../../src/protocol";
import { serverSettings } from "../../src/settings";
import { parseDatabaseStatus } from "../../src/status";
import { cargoBinary, emptyWorkspace, pgFlux, psql, startDatabase, TestDatabase } from "./harness";
import { filePath, TestClient, uri } from "./client";

let db: TestDatabase;
let server: string;

before(async () => {
  server = cargoBinary("PGFLUX_BIN", "pg-flux");
  db = await startDatabase("app.sql");
});

after(async () => {
  await db?.close();
});

const range = (line: number, start: number, end: number): Range => ({ start: { line, character: start }, end: { line, character: end } });
const withCode = (list: Diagnostic[] | undefined, code: string) => (list ?? []).filter((d) => d.code === code);

test("completion, references and rename of a column; the generated migration keeps the rows", async () => {
  // The database dumped into an empty workspace; a table live only, a table pending.
  const root = emptyWorkspace();
  const file = (rel: string) => path.join(root, rel);
  assert.equal(pgFlux(server, root, db, "dump"), "Dumped 7 object(s) into schema (6 file(s)).\n");
  fs.rmSync(file("schema/tables/app.audit.sql"));
  fs.writeFileSync(file("schema/tables/app.refunds.sql"), "CREATE TABLE app.refunds (id bigint, order_id bigint);\n");
  const customers = file("schema/tables/app.customers.sql");
  const index = file("schema/indexes/app.customers.sql");
  const view = file("schema/views/app.named.sql");

  const { client, result } = await TestClient.start(server, root, serverSettings((key) => (key === "databaseUrl" ? db.url : undefined)));
  try {
    assert.deepEqual(result.capabilities.completionProvider?.triggerCharacters, ["."]);
    assert.equal(result.capabilities.referencesProvider, true);
    assert.deepEqual(result.capabilities.renameProvider, { prepareProvider: true });
    assert.equal(parseDatabaseStatus(await client.refresh()), "connected");

    // A new file holding `text`, then an unclosed `(`: the server has read it once it reports
    // that syntax error.
    let probes = 0;
    const probe = async (text: string): Promise<string> => {
      const probeFile = file(`probe-${++probes}.sql`);
      await client.open(probeFile, `${text}\n(`);
      await client.waitFor(`the syntax error of ${text}`, () => withCode(client.diagnostics.get(uri(probeFile)), DIAGNOSTIC_CODES.syntaxError).length > 0);
      return uri(probeFile);
    };
    // Completion at the end of `text`, as VS Code asks when `.` is typed: label (origin), in order.
    const complete = async (text: string): Promise<string[]> => {
      const answer = (await client.connection.sendRequest("textDocument/completion", {
        textDocument: { uri: await probe(text) },
        position: { line: 0, character: text.length },
        context: { triggerKind: 2, triggerCharacter: "." },
      })) as CompletionList | CompletionItem[];
      const items = Array.isArray(answer) ? answer : answer.items;
      return [...items]
        .sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label))
        .map((item) => `${item.label} (${item.labelDetails?.description ?? ""})`);
    };
    assert.deepEqual(await complete("SELECT * FROM app."), [
      "audit (live only)",
      "customers (declared)",
      "named (declared)",
      "orders (declared)",
      "refunds (pending)",
    ]);
    assert.deepEqual(await complete("SELECT app.customers."), ["id (declared)", "name (declared)"]);

    // References of the column name, from its declaration (line 2: `    name text NOT NULL,`).
    const at = { textDocument: { uri: uri(customers) }, position: { line: 2, character: 6 } };
    const references = async (includeDeclaration: boolean) => {
      const found = (await client.connection.sendRequest("textDocument/references", { ...at, context: { includeDeclaration } })) as Location[];
      return found.sort((a, b) => a.uri.localeCompare(b.uri) || a.range.start.line - b.range.start.line);
    };
    const inIndex = { uri: uri(index), range: range(0, 58, 62) };
    const inView = { uri: uri(view), range: range(2, 4, 8) };
    assert.deepEqual(await references(true), [inIndex, { uri: uri(customers), range: range(2, 4, 8) }, inView]);
    assert.deepEqual(await references(false), [inIndex, inView]);

    // A live-only table cannot be renamed: prepareRename says why.
    const refusedAt = { textDocument: { uri: await probe("SELECT now() FROM app.audit;") }, position: { line: 0, character: 23 } };
    await assert.rejects(client.connection.sendRequest("textDocument/prepareRename", refusedAt), {
      message: "app.audit is live only: pull it into the source to rename it",
    });

    // Rename: every use, the view keeps its column's name, the annotation above the column.
    assert.deepEqual(await client.connection.sendRequest("textDocument/prepareRename", at), { range: range(2, 4, 8), placeholder: "name" });
    const edit = (await client.connection.sendRequest("textDocument/rename", { ...at, newName: "full_name" })) as WorkspaceEdit;
    const sorted = (edits: TextEdit[]) => [...edits].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    assert.deepEqual(
      Object.fromEntries(Object.entries(edit.changes ?? {}).map(([u, edits]) => [path.relative(root, filePath(u)), sorted(edits)])),
      {
        "schema/indexes/app.customers.sql": [{ range: range(0, 58, 62), newText: "full_name" }],
        "schema/tables/app.customers.sql": [
          { range: range(2, 0, 0), newText: "    -- pg-flux: renamed from name\n" },
          { range: range(2, 4, 8), newText: "full_name" },
        ],
        "schema/views/app.named.sql": [{ range: range(2, 4, 8), newText: "full_name AS name" }],
      },
    );
    assert.equal(edit.documentChanges, undefined);
    await client.applyEdit(edit);
    assert.equal(
      fs.readFileSync(customers, "utf8"),
      [
        "CREATE TABLE app.customers (",
        "    id bigint NOT NULL,",
        "    -- pg-flux: renamed from name",
        "    full_name text NOT NULL,",
        "    CONSTRAINT customers_pkey PRIMARY KEY (id)",
        ");",
        "ALTER TABLE app.customers OWNER TO postgres;",
        "",
      ].join("\n"),
    );
    assert.equal(fs.readFileSync(index, "utf8"), "CREATE INDEX customers_name ON app.customers USING btree (full_name);\n");
    assert.equal(
      fs.readFileSync(view, "utf8"),
      ["CREATE VIEW app.named AS", " SELECT id,", "    full_name AS name", "   FROM app.customers;", "ALTER VIEW app.named OWNER TO postgres;", ""].join("\n"),
    );

    // The hotfix table is dropped by hand (else the migration drops it); "Generate migration".
    psql(db, "-c", "DROP TABLE app.audit");
    const generated = (await client.execute(SERVER_COMMANDS.generateMigration)) as { path: string; statements: number };
    // PostgreSQL 18 names NOT NULL constraints after the column: the migration renames it too.
    const namedNotNull = Number(psql(db, "-c", "SHOW server_version_num")) >= 180000;
    assert.match(path.relative(root, generated.path), /^migrations\/\d{8}_\d{6}_migration\.sql$/);
    assert.deepEqual(generated, { path: generated.path, statements: namedNotNull ? 3 : 2, hazards: [], locks: [], warnings: [] });
    assert.deepEqual(client.serverRequests.at(-1), {
      method: "window/showDocument",
      params: { uri: uri(generated.path), takeFocus: true },
    });
    assert.equal(
      fs.readFileSync(generated.path, "utf8"),
      [
        "-- pg-flux migrate generate --label migration",
        `-- Takes the live database to the source in ${file("schema")}.`,
        "-- Runs in one transaction: if any statement fails, the database is left as it was.",
        "",
        "BEGIN;",
        "",
        "CREATE TABLE app.refunds (",
        "    id bigint,",
        "    order_id bigint",
        ");",
        "",
        "ALTER TABLE app.customers RENAME COLUMN name TO full_name;",
        "",
        ...(namedNotNull ? ["ALTER TABLE app.customers RENAME CONSTRAINT customers_name_not_null TO customers_full_name_not_null;", ""] : []),
        "COMMIT;",
        "",
      ].join("\n"),
    );
    psql(db, "-f", generated.path);
    assert.equal(psql(db, "-c", "SELECT string_agg(id || '=' || full_name, ',' ORDER BY id) FROM app.customers"), "1=ada,2=grace\n");

    // A hand-written migration that drops a column: a data-loss hazard on the statement.
    const manual = file("migrations/drop_total.sql");
    const drop = "ALTER TABLE app.orders DROP COLUMN total;";
    await client.open(manual, `BEGIN;\n${drop}\nCOMMIT;\n`);
    await client.waitFor("the hazard", () => withCode(client.diagnostics.get(uri(manual)), DIAGNOSTIC_CODES.hazard).length > 0);
    // Everything the server has to say about the file is in once a refresh is done.
    await client.refresh();
    assert.deepEqual(client.diagnostics.get(uri(manual)), [
      {
        range: range(1, 0, drop.length - 1), // the statement, without its `;`
        severity: 2,
        code: DIAGNOSTIC_CODES.hazard,
        source: "pg-flux",
        message: "drops column app.orders.total and its data",
        data: { hazard: "data-loss" },
      },
    ]);
    assert.equal(await client.shutdown(), 0);
  } catch (error) {
    client.kill();
    throw error;
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});
