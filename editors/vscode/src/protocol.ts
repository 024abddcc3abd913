// What the extension knows of the pg-flux language server (server/src/lsp): the commands it
// executes through workspace/executeCommand (itself, or as the server's quick fixes) and the
// codes of the diagnostics it publishes.

export const SERVER_COMMANDS = {
  refresh: "pg-flux.refresh",
  pullAll: "pg-flux.pullAll",
  pullObject: "pg-flux.pullObject",
  dump: "pg-flux.dump",
  /** The quick fix on a drift diagnostic. */
  replaceWithLive: "pg-flux.replaceWithLive",
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
} as const;

/** The oldest server this extension works with (the first with `pg-flux lsp`). */
export const MIN_SERVER_VERSION = "0.1.0";

/** The project file at the workspace root. */
export const CONFIG_FILE = "pg-flux.toml";

/** The settings section in VS Code and the language client's id (`pgFlux.trace.server`). */
export const CONFIG_SECTION = "pgFlux";
