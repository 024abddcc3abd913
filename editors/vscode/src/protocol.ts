// What the extension knows of the pg-flux language server (server/src/lsp): the commands it
// executes through workspace/executeCommand (itself, or as the server's quick fixes, source
// actions and code lenses) and the codes of the diagnostics it publishes.

export const SERVER_COMMANDS = {
  refresh: "pg-flux.refresh",
  pullAll: "pg-flux.pullAll",
  pullObject: "pg-flux.pullObject",
  dump: "pg-flux.dump",
  /** The quick fix on a drift diagnostic. */
  replaceWithLive: "pg-flux.replaceWithLive",
  /** `migrate generate` into migrations_dir; the server opens the new file (also a source action). */
  generateMigration: "pg-flux.generateMigration",
  /** A status code lens's command: the object's status, shown with window/showMessage. */
  showStatus: "pg-flux.showStatus",
} as const;

export const DIAGNOSTIC_SOURCE = "pg-flux";

export const DIAGNOSTIC_CODES = {
  syntaxError: "syntax-error",
  notRoundTrippable: "not-round-trippable",
  undeclared: "undeclared-live-object",
  databaseUnavailable: "database-unavailable",
  invalidConfig: "invalid-config",
  drift: "drift",
  pending: "pending",
  ignoredDeclaration: "ignored-declaration",
  /** A statement of a migration file that may lose data, lock a live table, or cannot run in its transaction. */
  hazard: "hazard",
} as const;

/** The oldest server this extension works with (the first with `pg-flux lsp`). */
export const MIN_SERVER_VERSION = "0.1.0";

/** The project file at the workspace root. */
export const CONFIG_FILE = "pg-flux.toml";

/** The settings section in VS Code and the language client's id (`pgFlux.trace.server`). */
export const CONFIG_SECTION = "pgFlux";
