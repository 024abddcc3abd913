// The pg-flux VS Code extension: a client of `pg-flux lsp`.

import * as vscode from "vscode";

import { registerCommands } from "./commands";
import { Controller } from "./controller";
import { CONFIG_FILE } from "./protocol";
import { StatusBar } from "./statusBar";

let controller: Controller | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel("pg-flux");
  const status = new StatusBar();
  controller = new Controller(context.extensionPath, output, status);
  let pending: NodeJS.Timeout | undefined;
  const configWatcher = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE}`, false, true, true);
  context.subscriptions.push(
    output,
    status,
    controller,
    ...registerCommands(controller, status, output),
    vscode.workspace.onDidChangeConfiguration((e) => {
      controller?.configurationChanged(e).catch((error: unknown) => output.appendLine(`pg-flux: ${String(error)}`));
    }),
    configWatcher,
    // A pg-flux.toml created in a workspace that had none starts the server.
    configWatcher.onDidCreate(() => {
      if (controller !== undefined && !controller.running) void controller.restart();
    }),
    vscode.languages.onDidChangeDiagnostics(() => {
      // Diagnostics arrive file by file: count them once they settle.
      if (pending !== undefined) clearTimeout(pending);
      pending = setTimeout(() => status.diagnosticsChanged(), 150);
    }),
  );
  await controller.start();
}

export async function deactivate(): Promise<void> {
  await controller?.stop();
  controller = undefined;
}
