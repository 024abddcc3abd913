// The status bar item: server and database state; a click opens the Problems view.

import * as vscode from "vscode";

import { DatabaseStatus, followDiagnostics, ServerState, statusView, summarizeDiagnostics, DiagnosticSummary } from "./status";

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 10);
  private server: ServerState = "starting";
  private database: DatabaseStatus = "unknown";
  private summary: DiagnosticSummary = { undeclared: 0, drift: 0, unavailable: undefined };

  constructor() {
    this.item.name = "pg-flux";
    this.item.command = "workbench.actions.view.problems";
    this.render();
    this.item.show();
  }

  show(): void {
    this.item.show();
  }

  hide(): void {
    this.item.hide();
  }

  setServer(state: ServerState): void {
    this.server = state;
    if (state !== "running") this.database = "unknown";
    this.render();
  }

  setDatabase(status: DatabaseStatus): void {
    this.database = status;
    this.render();
  }

  /** Re-reads every diagnostic VS Code holds. */
  diagnosticsChanged(): void {
    const all = vscode.languages.getDiagnostics().flatMap(([, list]) => list);
    this.summary = summarizeDiagnostics(all);
    this.database = followDiagnostics(this.database, this.summary);
    this.render();
  }

  get counts(): DiagnosticSummary {
    return this.summary;
  }

  private render(): void {
    const view = statusView(this.server, this.database, this.summary);
    this.item.text = view.text;
    this.item.tooltip = view.tooltip;
    this.item.backgroundColor =
      view.level === "error"
        ? new vscode.ThemeColor("statusBarItem.errorBackground")
        : view.level === "warning"
          ? new vscode.ThemeColor("statusBarItem.warningBackground")
          : undefined;
  }

  dispose(): void {
    this.item.dispose();
  }
}
