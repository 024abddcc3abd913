// An LSP client over the real `pg-flux lsp` process, built on vscode-languageserver-protocol as
// vscode-languageclient is: the same capabilities for the features pg-flux uses, the same
// initialization options (the extension's own settings code), workspace edits applied and
// saved, documents shown.

import { ChildProcess, spawn } from "node:child_process";
import { pathToFileURL, fileURLToPath } from "node:url";

import {
  ApplyWorkspaceEditParams,
  ClientCapabilities,
  CompletionItemKind,
  createProtocolConnection,
  Diagnostic,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  DidOpenTextDocumentNotification,
  ExecuteCommandRequest,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  InitializeResult,
  ProtocolConnection,
  PublishDiagnosticsNotification,
  ShowDocumentParams,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  WorkDoneProgress,
  WorkspaceEdit,
} from "vscode-languageserver-protocol/node";

import { applyToDisk } from "./harness";

/** What vscode-languageclient 9 announces for the features the pg-flux server looks at. */
export const CLIENT_CAPABILITIES: ClientCapabilities = {
  workspace: {
    applyEdit: true,
    workspaceEdit: {
      documentChanges: true,
      resourceOperations: ["create", "rename", "delete"],
      failureHandling: "textOnlyTransactional",
      normalizesLineEndings: true,
      changeAnnotationSupport: { groupsOnLabel: true },
    },
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
    executeCommand: { dynamicRegistration: true },
    configuration: true,
    workspaceFolders: true,
    symbol: { dynamicRegistration: true },
    codeLens: { refreshSupport: true },
  },
  textDocument: {
    synchronization: { dynamicRegistration: true, willSave: true, willSaveWaitUntil: true, didSave: true },
    publishDiagnostics: {
      relatedInformation: true,
      versionSupport: false,
      tagSupport: { valueSet: [1, 2] },
      codeDescriptionSupport: true,
      dataSupport: true,
    },
    codeAction: {
      dynamicRegistration: true,
      isPreferredSupport: true,
      disabledSupport: true,
      dataSupport: true,
      resolveSupport: { properties: ["edit"] },
      codeActionLiteralSupport: {
        codeActionKind: {
          valueSet: ["", "quickfix", "refactor", "refactor.extract", "refactor.inline", "refactor.rewrite", "source", "source.organizeImports"],
        },
      },
      honorsChangeAnnotations: false,
    },
    hover: { dynamicRegistration: true, contentFormat: ["markdown", "plaintext"] },
    definition: { dynamicRegistration: true, linkSupport: true },
    documentSymbol: { dynamicRegistration: true, hierarchicalDocumentSymbolSupport: true },
    completion: {
      dynamicRegistration: true,
      contextSupport: true,
      completionItem: {
        snippetSupport: true,
        commitCharactersSupport: true,
        documentationFormat: ["markdown", "plaintext"],
        deprecatedSupport: true,
        preselectSupport: true,
        tagSupport: { valueSet: [1] },
        insertReplaceSupport: true,
        resolveSupport: { properties: ["documentation", "detail", "additionalTextEdits"] },
        insertTextModeSupport: { valueSet: [1, 2] },
        labelDetailsSupport: true,
      },
      insertTextMode: 2,
      completionItemKind: { valueSet: Array.from({ length: 25 }, (_, i) => (i + 1) as CompletionItemKind) },
      completionList: { itemDefaults: ["commitCharacters", "editRange", "insertTextFormat", "insertTextMode", "data"] },
    },
    references: { dynamicRegistration: true },
    rename: { dynamicRegistration: true, prepareSupport: true, prepareSupportDefaultBehavior: 1, honorsChangeAnnotations: true },
    codeLens: { dynamicRegistration: true },
  },
  window: {
    showMessage: { messageActionItem: { additionalPropertiesSupport: true } },
    showDocument: { support: true },
    workDoneProgress: true,
  },
  general: { positionEncodings: ["utf-16"] },
};

export const uri = (file: string): string => pathToFileURL(file).href;
export const filePath = (u: string): string => fileURLToPath(u);

type Waiter = { check: () => boolean; resolve: () => void };

export class TestClient {
  readonly diagnostics = new Map<string, Diagnostic[]>();
  /** Requests the server sent, in order: method and params. */
  readonly serverRequests: { method: string; params: unknown }[] = [];
  /** `workspace/codeLens/refresh` requests (not in `serverRequests`: their number depends on timing). */
  lensRefreshes = 0;
  private waiters: Waiter[] = [];
  private stderr = "";
  private tokens = 0;

  private constructor(
    private readonly process: ChildProcess,
    readonly connection: ProtocolConnection,
  ) {
    process.stderr?.on("data", (chunk: Buffer) => (this.stderr += chunk.toString()));
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.diagnostics.set(params.uri, params.diagnostics);
      this.wake();
    });
    connection.onRequest("client/registerCapability", (params) => {
      this.serverRequests.push({ method: "client/registerCapability", params });
      return null;
    });
    connection.onRequest("workspace/applyEdit", async (params: ApplyWorkspaceEditParams) => {
      this.serverRequests.push({ method: "workspace/applyEdit", params });
      await this.applyEdit(params.edit);
      return { applied: true };
    });
    connection.onRequest("workspace/codeLens/refresh", () => {
      this.lensRefreshes++;
      return null;
    });
    connection.onRequest("window/showDocument", (params: ShowDocumentParams) => {
      this.serverRequests.push({ method: "window/showDocument", params });
      return { success: true };
    });
    connection.listen();
  }

  /** Spawns `<binary> lsp` in `root` (no DATABASE_URL from this environment) and initializes. */
  static async start(binary: string, root: string, initializationOptions: unknown): Promise<{ client: TestClient; result: InitializeResult }> {
    const env = { ...process.env };
    delete env.DATABASE_URL;
    delete env.PGFLUX_E2E_DATABASE_URL;
    const child = spawn(binary, ["lsp"], { cwd: root, env, stdio: ["pipe", "pipe", "pipe"] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new TestClient(child, connection);
    const result = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      clientInfo: { name: "Visual Studio Code", version: "1.82.0" },
      rootUri: uri(root),
      workspaceFolders: [{ uri: uri(root), name: "fixture" }],
      capabilities: CLIENT_CAPABILITIES,
      initializationOptions,
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return { client, result };
  }

  /**
   * Applies a workspace edit as VS Code does (a rename's, or the server's `workspace/applyEdit`)
   * and saves the files; its file watcher then reports them to the server.
   */
  applyEdit(edit: WorkspaceEdit): Promise<void> {
    const changes = applyToDisk(edit, filePath);
    return this.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: changes.map((c) => ({ uri: uri(c.file), type: c.created ? FileChangeType.Created : FileChangeType.Changed })),
    });
  }

  open(file: string, text: string): Promise<void> {
    return this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: uri(file), languageId: "sql", version: 1, text },
    });
  }

  changeConfiguration(settings: unknown): Promise<void> {
    return this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings });
  }

  execute(command: string, args: unknown[] = []): Promise<unknown> {
    return this.connection.sendRequest(ExecuteCommandRequest.type, { command, arguments: args });
  }

  /**
   * `pg-flux.refresh` with a work-done token: resolves with its answer once the server's
   * `$/progress` end for the token has come too. The server sends that end after every
   * diagnostic due to what it was sent before (edits, file and configuration changes) and to
   * the inspection the refresh ran: from then on, a diagnostic `diagnostics` lacks is one the
   * server does not report.
   */
  async refresh(timeoutMs = 30_000): Promise<unknown> {
    const token = `pg-flux-e2e-refresh-${++this.tokens}`;
    let timer: NodeJS.Timeout | undefined;
    let listener: { dispose(): void } | undefined;
    const ended = new Promise<void>((resolve, reject) => {
      listener = this.connection.onProgress(WorkDoneProgress.type, token, (value) => {
        if (value.kind === "end") resolve();
      });
      timer = setTimeout(() => reject(new Error(`no $/progress end for ${token}; server stderr: ${this.stderr}`)), timeoutMs);
    });
    try {
      const [answer] = await Promise.all([
        this.connection.sendRequest(ExecuteCommandRequest.type, { command: "pg-flux.refresh", arguments: [], workDoneToken: token }),
        ended,
      ]);
      return answer;
    } finally {
      clearTimeout(timer);
      listener?.dispose();
    }
  }

  /** Resolves once `check` holds after a diagnostics notification (or at once). */
  waitFor(what: string, check: () => boolean, timeoutMs = 30_000): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`timed out waiting for ${what}; diagnostics: ${JSON.stringify([...this.diagnostics])}; server stderr: ${this.stderr}`));
      }, timeoutMs);
      const waiter: Waiter = {
        check,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      this.waiters.push(waiter);
    });
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) {
      if (waiter.check()) {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        waiter.resolve();
      }
    }
  }

  /** shutdown, exit; resolves with the process's exit code. */
  async shutdown(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.process.once("exit", (code) => resolve(code)));
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    const code = await exited;
    this.connection.dispose();
    return code;
  }

  kill(): void {
    this.connection.dispose();
    this.process.kill();
  }
}
