// What the end-to-end tests need around the real server: the binaries built by cargo, a
// throwaway PostgreSQL with the fixture loaded (tests/src/bin/testdb.rs), a copy of the fixture
// workspace, and a workspace edit applied to disk as VS Code applies and saves it.

import { ChildProcess, execFileSync, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { createInterface } from "node:readline";

import type { CreateFile, Position, TextDocumentEdit, TextEdit, WorkspaceEdit } from "vscode-languageserver-protocol";

export const REPO = path.resolve(__dirname, "../../../../..");
export const FIXTURE = path.join(REPO, "editors/test-fixture");

/** A binary built by cargo: `$ENV_VAR`, else `$CARGO_TARGET_DIR/debug/<name>`. */
export function cargoBinary(envVar: string, name: string): string {
  const target = process.env.CARGO_TARGET_DIR ?? path.join(REPO, "target");
  const file = process.env[envVar] ?? path.join(target, "debug", name);
  if (!fs.existsSync(file)) {
    throw new Error(`${file} does not exist: build it (cargo build -p pg-flux -p pg-flux-tests) or set ${envVar}`);
  }
  return file;
}

export interface TestDatabase {
  url: string;
  /** A psql at least as new as the server. */
  psql: string;
  close(): Promise<void>;
}

/** Starts tests/src/bin/testdb with a SQL file of the fixture; resolves with its URL and psql. */
export async function startDatabase(sql = "database.sql"): Promise<TestDatabase> {
  const child = spawn(cargoBinary("PGFLUX_TESTDB", "testdb"), [path.join(FIXTURE, sql)], {
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const [url, psql] = await new Promise<string[]>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    const got: string[] = [];
    lines.on("line", (line) => {
      got.push(line.trim());
      if (got.length === 2) resolve(got);
    });
    child.once("exit", (code) => reject(new Error(`testdb exited with ${code}: ${stderr}`)));
    child.once("error", reject);
  });
  return { url: url!, psql: psql!, close: () => endProcess(child) };
}

/** psql on the database with ON_ERROR_STOP, unaligned tuples only (`-c SQL`, or `-f FILE`); its output. */
export function psql(db: TestDatabase, ...args: string[]): string {
  return execFileSync(db.psql, ["-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "--no-password", "-d", db.url, ...args], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** Closes the child's stdin and waits for it to exit. */
export function endProcess(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.stdin?.end();
  });
}

/** A workspace with the fixture's pg-flux.toml only (the database URL from $PGFLUX_E2E_DATABASE_URL). */
export function emptyWorkspace(): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "pg-flux-e2e-")));
  fs.copyFileSync(path.join(FIXTURE, "workspace/pg-flux.toml"), path.join(dir, "pg-flux.toml"));
  return dir;
}

/** Runs the pg-flux command line in `root` against `db`; its standard output. */
export function pgFlux(binary: string, root: string, db: TestDatabase, ...args: string[]): string {
  const env: NodeJS.ProcessEnv = { ...process.env, PGFLUX_E2E_DATABASE_URL: db.url };
  delete env.DATABASE_URL;
  return execFileSync(binary, args, { cwd: root, env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/** A fresh copy of the fixture workspace. */
export function copyWorkspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pg-flux-e2e-"));
  fs.cpSync(path.join(FIXTURE, "workspace"), dir, { recursive: true });
  return fs.realpathSync(dir);
}

function offsetOf(text: string, position: Position): number {
  let offset = 0;
  for (let line = 0; line < position.line; line++) {
    const next = text.indexOf("\n", offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return Math.min(offset + position.character, text.length);
}

function applyTextEdits(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => offsetOf(text, b.range.start) - offsetOf(text, a.range.start));
  for (const edit of sorted) {
    text = text.slice(0, offsetOf(text, edit.range.start)) + edit.newText + text.slice(offsetOf(text, edit.range.end));
  }
  return text;
}

/**
 * Applies a workspace edit to the files on disk, as VS Code applies and saves it: `changes`
 * (uri → text edits), or `documentChanges` (file creations and text edits). Returns the files.
 */
export function applyToDisk(edit: WorkspaceEdit, toPath: (uri: string) => string): { file: string; created: boolean }[] {
  const touched = new Map<string, boolean>();
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) {
    const file = toPath(uri);
    fs.writeFileSync(file, applyTextEdits(fs.readFileSync(file, "utf8"), edits));
    touched.set(file, false);
  }
  for (const change of edit.documentChanges ?? []) {
    if ("kind" in change) {
      if (change.kind !== "create") throw new Error(`unexpected resource operation ${change.kind}`);
      const file = toPath((change as CreateFile).uri);
      if (fs.existsSync(file) && !(change as CreateFile).options?.overwrite) {
        throw new Error(`${file} exists: a create without overwrite must not replace it`);
      }
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, "");
      touched.set(file, true);
    } else {
      const docEdit = change as TextDocumentEdit;
      const file = toPath(docEdit.textDocument.uri);
      const edits = docEdit.edits.filter((e): e is TextEdit => "range" in e);
      fs.writeFileSync(file, applyTextEdits(fs.readFileSync(file, "utf8"), edits));
      if (!touched.has(file)) touched.set(file, false);
    }
  }
  return [...touched].map(([file, created]) => ({ file, created }));
}
