// The status bar item's text: the server's state and what its diagnostics say about the
// database (connected / N undeclared / drift / database unavailable). Pure.

import { DIAGNOSTIC_CODES } from "./protocol";

export type ServerState = "starting" | "running" | "stopped" | "failed";

/** What the server answered to `pg-flux.refresh` (`{"status": "connected" | "unavailable" | "not-configured" | "pending", ...}`), normalised. */
export type DatabaseStatus = "unknown" | "connected" | "notConfigured" | "pending" | "unavailable";

export function parseDatabaseStatus(value: unknown): DatabaseStatus {
  const status = typeof value === "object" && value !== null ? (value as { status?: unknown }).status : undefined;
  if (typeof status !== "string") return "unknown";
  // Older servers printed `Connected`, `NotConfigured`, `Pending`, `Unavailable("…")`.
  const word = (/^[A-Za-z_-]+/.exec(status)?.[0] ?? "").toLowerCase().replace(/[^a-z]/g, "");
  switch (word) {
    case "connected":
      return "connected";
    case "notconfigured":
      return "notConfigured";
    case "pending":
      return "pending";
    case "unavailable":
      return "unavailable";
    default:
      return "unknown";
  }
}

export interface DiagnosticSummary {
  undeclared: number;
  drift: number;
  /** The message of the `database-unavailable` diagnostic, when there is one. */
  unavailable: string | undefined;
}

export function summarizeDiagnostics(
  diagnostics: Iterable<{ source?: string | undefined; code?: unknown; message: string }>,
): DiagnosticSummary {
  const summary: DiagnosticSummary = { undeclared: 0, drift: 0, unavailable: undefined };
  for (const d of diagnostics) {
    if (d.source !== "pg-flux") continue;
    const code = typeof d.code === "object" && d.code !== null ? (d.code as { value?: unknown }).value : d.code;
    if (code === DIAGNOSTIC_CODES.undeclared) summary.undeclared++;
    else if (code === DIAGNOSTIC_CODES.drift) summary.drift++;
    else if (code === DIAGNOSTIC_CODES.databaseUnavailable) summary.unavailable ??= d.message;
  }
  return summary;
}

/**
 * The database status after the diagnostics changed: the server publishes
 * `database-unavailable` while it cannot connect and withdraws it once it can again.
 */
export function followDiagnostics(previous: DatabaseStatus, summary: DiagnosticSummary): DatabaseStatus {
  if (summary.unavailable !== undefined) return "unavailable";
  if (previous === "unavailable") return "connected";
  if (previous === "pending" && summary.undeclared > 0) return "connected";
  return previous;
}

export interface StatusView {
  text: string;
  tooltip: string;
  /** `warning` and `error` color the item. */
  level: "ok" | "warning" | "error";
}

export function statusView(server: ServerState, database: DatabaseStatus, summary: DiagnosticSummary): StatusView {
  if (server === "failed") {
    return { text: "$(error) pg-flux", tooltip: "The pg-flux language server is not running: see the output.", level: "error" };
  }
  if (server === "stopped") {
    return { text: "$(circle-slash) pg-flux", tooltip: "The pg-flux language server is stopped.", level: "warning" };
  }
  if (server === "starting") {
    return { text: "$(sync~spin) pg-flux", tooltip: "Starting the pg-flux language server…", level: "ok" };
  }
  if (summary.unavailable !== undefined || database === "unavailable") {
    return {
      text: "$(debug-disconnect) pg-flux: database unavailable",
      tooltip: summary.unavailable ?? "The database cannot be reached; pg-flux retries.",
      level: "error",
    };
  }
  const parts: string[] = [];
  if (summary.undeclared > 0) parts.push(`${summary.undeclared} undeclared`);
  if (summary.drift > 0) parts.push(`${summary.drift} drift`);
  if (parts.length > 0) {
    return {
      text: `$(warning) pg-flux: ${parts.join(", ")}`,
      tooltip: "Live objects that the source does not declare (or that differ from it). Click for the Problems view.",
      level: "warning",
    };
  }
  switch (database) {
    case "connected":
      return { text: "$(database) pg-flux: connected", tooltip: "Every live object is declared in source.", level: "ok" };
    case "notConfigured":
      return {
        text: "$(database) pg-flux: no database",
        tooltip: "No database configured: set pgFlux.databaseUrl, $DATABASE_URL or [database] url in pg-flux.toml.",
        level: "warning",
      };
    default:
      return { text: "$(sync~spin) pg-flux: inspecting", tooltip: "Reading the database…", level: "ok" };
  }
}
