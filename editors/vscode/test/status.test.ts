import assert from "node:assert/strict";
import { test } from "node:test";

import { followDiagnostics, parseDatabaseStatus, statusView, summarizeDiagnostics } from "../src/status";

const diag = (code: string, message = "m", source = "pg-flux") => ({ source, code, message });

test("the refresh command's status, as the server answers it", () => {
  assert.equal(parseDatabaseStatus({ status: "connected", drift: "checked", drifted: 0 }), "connected");
  assert.equal(parseDatabaseStatus({ status: "unavailable", cause: "connection refused" }), "unavailable");
  assert.equal(parseDatabaseStatus({ status: "pending", drift: "unknown" }), "pending");
  assert.equal(parseDatabaseStatus({ status: "Connected" }), "connected");
  assert.equal(parseDatabaseStatus({ status: "NotConfigured" }), "notConfigured");
  assert.equal(parseDatabaseStatus({ status: "Pending" }), "pending");
  assert.equal(parseDatabaseStatus({ status: 'Unavailable("connection refused (Connected)")' }), "unavailable");
  assert.equal(parseDatabaseStatus({ status: "not-configured" }), "notConfigured");
  assert.equal(parseDatabaseStatus(null), "unknown");
  assert.equal(parseDatabaseStatus({}), "unknown");
});

test("counts pg-flux's undeclared and drift diagnostics only", () => {
  const summary = summarizeDiagnostics([
    diag("undeclared-live-object"),
    { source: "pg-flux", code: { value: "undeclared-live-object", target: {} }, message: "x" },
    diag("drift"),
    diag("syntax-error"),
    diag("undeclared-live-object", "m", "other-linter"),
  ]);
  assert.deepEqual(summary, { undeclared: 2, drift: 1, unavailable: undefined });
});

test("connected, undeclared and drift", () => {
  const clean = { undeclared: 0, drift: 0, unavailable: undefined };
  assert.equal(statusView("running", "connected", clean).text, "$(database) pg-flux: connected");
  const some = { undeclared: 3, drift: 1, unavailable: undefined };
  const view = statusView("running", "connected", some);
  assert.equal(view.text, "$(warning) pg-flux: 3 undeclared, 1 drift");
  assert.equal(view.level, "warning");
});

test("database unavailable shows the server's cause", () => {
  const summary = summarizeDiagnostics([diag("database-unavailable", "database unavailable: connection refused")]);
  const view = statusView("running", "connected", summary);
  assert.equal(view.text, "$(debug-disconnect) pg-flux: database unavailable");
  assert.equal(view.tooltip, "database unavailable: connection refused");
  assert.equal(view.level, "error");
});

test("the database state follows the diagnostics: down, then back up", () => {
  const down = summarizeDiagnostics([diag("database-unavailable")]);
  const up = summarizeDiagnostics([]);
  assert.equal(followDiagnostics("connected", down), "unavailable");
  assert.equal(followDiagnostics("unavailable", up), "connected");
  assert.equal(followDiagnostics("notConfigured", up), "notConfigured");
});

test("server not running, no database", () => {
  const none = { undeclared: 0, drift: 0, unavailable: undefined };
  assert.equal(statusView("failed", "unknown", none).level, "error");
  assert.equal(statusView("stopped", "unknown", none).text, "$(circle-slash) pg-flux");
  assert.equal(statusView("running", "notConfigured", none).text, "$(database) pg-flux: no database");
});
