// The palette commands.

import * as vscode from "vscode";

import { Controller } from "./controller";
import { SERVER_COMMANDS } from "./protocol";
import { StatusBar } from "./statusBar";

export const PALETTE_COMMANDS = {
  dump: "pgFlux.dump",
  pull: "pgFlux.pull",
  verify: "pgFlux.verify",
  generateMigration: "pgFlux.generateMigration",
  restart: "pgFlux.restart",
  showOutput: "pgFlux.showOutput",
} as const;

const PROBLEMS = "workbench.actions.view.problems";

function field(value: unknown, name: string): unknown {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>)[name] : undefined;
}

export function registerCommands(controller: Controller, status: StatusBar, output: vscode.OutputChannel): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(PALETTE_COMMANDS.dump, async () => {
      const result = await controller.execute(SERVER_COMMANDS.dump, []);
      if (result === undefined) return;
      if (field(result, "cancelled") === true) {
        void vscode.window.showInformationMessage("pg-flux: dump cancelled; no file was changed.");
      } else {
        void vscode.window.showInformationMessage(`pg-flux: dump wrote ${String(field(result, "written") ?? 0)} file(s).`);
      }
    }),
    vscode.commands.registerCommand(PALETTE_COMMANDS.pull, async () => {
      const result = await controller.execute(SERVER_COMMANDS.pullAll, []);
      if (result === undefined) return;
      const objects = Number(field(result, "objects") ?? 0);
      if (objects === 0) {
        void vscode.window.showInformationMessage("pg-flux: nothing to pull — every live object is declared in source.");
      } else {
        void vscode.window.showInformationMessage(`pg-flux: pulled ${objects} object(s) into ${String(field(result, "path"))}. Review it and move each block where it belongs.`);
      }
    }),
    vscode.commands.registerCommand(PALETTE_COMMANDS.verify, async () => {
      const state = await controller.refresh();
      if (state === undefined) return;
      if (state === "notConfigured") {
        void vscode.window.showWarningMessage("pg-flux: no database configured (pgFlux.databaseUrl, $DATABASE_URL or [database] url in pg-flux.toml).");
        return;
      }
      // The refresh resolves once the inspection's diagnostics have come (its progress end).
      status.diagnosticsChanged();
      const counts = status.counts;
      if (state === "unavailable" || counts.unavailable !== undefined) {
        void vscode.window.showErrorMessage(`pg-flux: database unavailable${counts.unavailable ? `: ${counts.unavailable}` : ""}`);
      } else if (counts.undeclared === 0 && counts.drift === 0) {
        void vscode.window.showInformationMessage("pg-flux verify: clean — every live object is declared in source.");
      } else {
        const choice = await vscode.window.showWarningMessage(
          `pg-flux verify: ${counts.undeclared} undeclared live object(s)${counts.drift > 0 ? `, ${counts.drift} drifted` : ""}.`,
          "Show Problems",
          "Pull All",
        );
        if (choice === "Show Problems") await vscode.commands.executeCommand(PROBLEMS);
        if (choice === "Pull All") await vscode.commands.executeCommand(PALETTE_COMMANDS.pull);
      }
    }),
    vscode.commands.registerCommand(PALETTE_COMMANDS.generateMigration, async () => {
      // From the files on disk: the server warns when open files have unsaved changes.
      const result = await controller.execute(SERVER_COMMANDS.generateMigration, []);
      // Undefined: the error was shown; `error`: the server's own message said why.
      if (result === undefined || field(result, "error") !== undefined) return;
      const file = String(field(result, "path") ?? "");
      const statements = Number(field(result, "statements") ?? 0);
      const count = (name: string) => (Array.isArray(field(result, name)) ? (field(result, name) as unknown[]).length : 0);
      const hazards = count("hazards") + count("locks");
      const text = `pg-flux: generated ${vscode.workspace.asRelativePath(file)} (${statements} statement(s)${hazards > 0 ? `, ${hazards} hazard(s): see its Problems` : ""}).`;
      if (hazards > 0) void vscode.window.showWarningMessage(text);
      else void vscode.window.showInformationMessage(text);
    }),
    vscode.commands.registerCommand(PALETTE_COMMANDS.restart, async () => {
      await controller.restart();
      if (!controller.running) {
        void vscode.window.showWarningMessage("pg-flux: not started — see “pg-flux: Show output”.");
      }
    }),
    vscode.commands.registerCommand(PALETTE_COMMANDS.showOutput, () => output.show(true)),
  ];
}
