// The language client: `pg-flux lsp` on stdio for SQL files, settings as initialization
// options (re-read at every start, so a restart picks up changes).

import * as vscode from "vscode";
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from "vscode-languageclient/node";

import { CONFIG_SECTION } from "./protocol";
import { serverSettings } from "./settings";

export function readServerSettings(): ReturnType<typeof serverSettings> {
  const config = vscode.workspace.getConfiguration(CONFIG_SECTION);
  return serverSettings((key) => config.get(key));
}

export function createClient(serverPath: string, output: vscode.OutputChannel): LanguageClient {
  const cwd = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const serverOptions: ServerOptions = {
    command: serverPath,
    args: ["lsp"],
    transport: TransportKind.stdio,
    options: cwd === undefined ? {} : { cwd },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: "file", language: "sql" }],
    initializationOptions: readServerSettings,
    outputChannel: output,
  };
  // The id makes `pgFlux.trace.server` the trace setting.
  return new LanguageClient(CONFIG_SECTION, "pg-flux", serverOptions, clientOptions);
}
