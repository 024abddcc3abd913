// Owns the language client: starts it (after finding and checking the binary), restarts it,
// forwards settings changes and runs the server's commands.

import * as fs from "fs";
import * as path from "path";
import * as vscode from "vscode";
import { DidChangeConfigurationNotification, ExecuteCommandRequest, LanguageClient, State, WorkDoneProgress } from "vscode-languageclient/node";

import { createClient, readServerSettings } from "./client";
import { CONFIG_FILE, CONFIG_SECTION, SERVER_COMMANDS } from "./protocol";
import { findServer } from "./server";
import { parseDatabaseStatus } from "./status";
import { StatusBar } from "./statusBar";

/** `pgFlux.server.path` from the user's settings only: a workspace cannot choose the binary. */
function configuredServerPath(): string | undefined {
  const inspected = vscode.workspace.getConfiguration(CONFIG_SECTION).inspect<string>("server.path");
  return inspected?.globalValue;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class Controller implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private stateListener: vscode.Disposable | undefined;
  private refreshes = 0;

  constructor(
    private readonly extensionPath: string,
    private readonly output: vscode.OutputChannel,
    private readonly status: StatusBar,
  ) {}

  async start(): Promise<void> {
    if (!this.isPgFluxWorkspace()) {
      // Any SQL file activates the extension; pg-flux only runs where it is set up.
      this.output.appendLine("pg-flux: no pg-flux.toml in the workspace folders and no pgFlux.databaseUrl: the server is not started.");
      this.status.hide();
      return;
    }
    this.status.show();
    this.status.setServer("starting");
    const found = await findServer(configuredServerPath(), this.extensionPath);
    if (!found.ok) {
      this.status.setServer("failed");
      this.output.appendLine(`pg-flux: ${found.message}`);
      void this.showError(found.message, true);
      return;
    }
    this.output.appendLine(`pg-flux: using ${found.path} (${found.version}, from ${found.source})`);
    const client = createClient(found.path, this.output);
    this.client = client;
    this.stateListener = client.onDidChangeState((e) => {
      this.status.setServer(e.newState === State.Running ? "running" : e.newState === State.Starting ? "starting" : "stopped");
    });
    try {
      await client.start();
    } catch (error) {
      this.status.setServer("failed");
      void this.showError(`The language server did not start: ${errorText(error)}`, true);
      return;
    }
    this.status.setServer("running");
    void this.refresh();
  }

  /** A folder with pg-flux.toml, or a database set in the settings. */
  private isPgFluxWorkspace(): boolean {
    const folders = vscode.workspace.workspaceFolders ?? [];
    return (
      folders.some((f) => f.uri.scheme === "file" && fs.existsSync(path.join(f.uri.fsPath, CONFIG_FILE))) ||
      readServerSettings()["pg-flux"].databaseUrl !== undefined
    );
  }

  get running(): boolean {
    return this.client !== undefined;
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.stateListener?.dispose();
    this.stateListener = undefined;
    if (client !== undefined && client.state !== State.Stopped) {
      try {
        await client.stop(5_000);
      } catch (error) {
        this.output.appendLine(`pg-flux: stopping the server: ${errorText(error)}`);
      }
    }
    this.status.setServer("stopped");
  }

  /** Finds the binary again (it may have been installed or the setting changed) and starts. */
  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  /** Sends the server settings again (no restart); `pgFlux.server.path` needs a restart. */
  async configurationChanged(event: vscode.ConfigurationChangeEvent): Promise<void> {
    if (!event.affectsConfiguration(CONFIG_SECTION)) return;
    // Not running (not set up, or the binary failed): the change may be the fix.
    if (event.affectsConfiguration(`${CONFIG_SECTION}.server.path`) || this.client === undefined) {
      await this.restart();
      return;
    }
    if (this.client.state !== State.Running) return;
    await this.client.sendNotification(DidChangeConfigurationNotification.type, { settings: readServerSettings() });
    void this.refresh();
  }

  /**
   * Asks the server to inspect the database now; returns its status. With a server that reports
   * the progress of its commands, once the refresh's `$/progress` end has come too: the server
   * sends it after the inspection's diagnostics, which may reach the editor after the answer.
   */
  async refresh(): Promise<ReturnType<typeof parseDatabaseStatus> | undefined> {
    const client = this.client;
    let token: string | undefined;
    let listener: vscode.Disposable | undefined;
    let ended: Promise<void> = Promise.resolve();
    if (client?.initializeResult?.capabilities.executeCommandProvider?.workDoneProgress === true) {
      const refresh = `pg-flux-refresh-${++this.refreshes}`;
      token = refresh;
      ended = new Promise((resolve) => {
        listener = client.onProgress(WorkDoneProgress.type, refresh, (value) => {
          if (value.kind === "end") resolve();
        });
      });
    }
    try {
      const result = await this.execute(SERVER_COMMANDS.refresh, [], token);
      if (result === undefined) return undefined;
      await ended;
      const status = parseDatabaseStatus(result);
      this.status.setDatabase(status);
      return status;
    } finally {
      listener?.dispose();
    }
  }

  /**
   * Runs a server command (reporting its work-done progress under `token`, when given); an error
   * becomes one message and `undefined`.
   */
  async execute(command: string, args: unknown[], token?: string): Promise<unknown> {
    const client = this.client;
    if (client === undefined || client.state !== State.Running) {
      void this.showError("The language server is not running. Run “pg-flux: Restart server”.", true);
      return undefined;
    }
    try {
      return await client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args, workDoneToken: token });
    } catch (error) {
      void this.showError(errorText(error), false);
      return undefined;
    }
  }

  private async showError(message: string, offerSettings: boolean): Promise<void> {
    const actions = offerSettings ? ["Open Settings", "Show Output"] : ["Show Output"];
    const choice = await vscode.window.showErrorMessage(`pg-flux: ${message}`, ...actions);
    if (choice === "Open Settings") {
      await vscode.commands.executeCommand("workbench.action.openSettings", "pgFlux");
    } else if (choice === "Show Output") {
      this.output.show(true);
    }
  }

  dispose(): void {
    void this.stop();
  }
}
