// VS Code settings (`pgFlux.*`) → what the server reads, as initialization options and in
// workspace/didChangeConfiguration: `{"pg-flux": {...}}` (server/src/lsp/settings.rs).
// Unset or empty values are left out, so that pg-flux.toml and $DATABASE_URL apply.

export interface ServerSettings {
  databaseUrl?: string;
  schemaDir?: string;
  searchPath?: string[];
  schemas?: string[];
  shadowDatabaseUrl?: string;
}

/** Reads one setting (`vscode.WorkspaceConfiguration.get` for the `pgFlux` section). */
export type SettingReader = (key: string) => unknown;

/** The settings that change what the server does; a change of another one needs no message. */
export const SERVER_SETTING_KEYS = ["databaseUrl", "schemaDir", "searchPath", "schemas", "shadowDatabaseUrl"] as const;

function text(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const trimmed = value.trim();
  return trimmed === "" ? undefined : trimmed;
}

function list(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const items = value.filter((v): v is string => typeof v === "string").map((v) => v.trim()).filter((v) => v !== "");
  return items.length === 0 ? undefined : items;
}

export function serverSettings(read: SettingReader): { "pg-flux": ServerSettings } {
  const out: ServerSettings = {};
  const databaseUrl = text(read("databaseUrl"));
  if (databaseUrl !== undefined) out.databaseUrl = databaseUrl;
  const schemaDir = text(read("schemaDir"));
  if (schemaDir !== undefined) out.schemaDir = schemaDir;
  const searchPath = list(read("searchPath"));
  if (searchPath !== undefined) out.searchPath = searchPath;
  const schemas = list(read("schemas"));
  if (schemas !== undefined) out.schemas = schemas;
  const shadow = text(read("shadowDatabaseUrl"));
  if (shadow !== undefined) out.shadowDatabaseUrl = shadow;
  return { "pg-flux": out };
}
