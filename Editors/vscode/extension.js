// extension.js — starts `snnc lsp` for .snn files and speaks the Language Server Protocol to it over the child
// process's stdin/stdout (a small hand-written client: no npm packages needed). Diagnostics, quick fixes,
// hover, go to definition, references, rename, completion, signature help, the outline and formatting.
'use strict';
const vscode = require('vscode');
const { spawn } = require('child_process');

let server = null;

/** One `snnc lsp` process with Content-Length framing and request/response matching. */
class Server {
  constructor(command, log) {
    this.pending = new Map();
    this.nextId = 1;
    this.buffer = Buffer.alloc(0);
    this.onNotification = () => {};
    this.process = spawn(command, ['lsp'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.on('error', (error) => vscode.window.showErrorMessage(`snnc lsp could not start (${command}): ${error.message}`));
    this.process.stderr.on('data', (data) => log.append(data.toString()));
    this.process.stdout.on('data', (data) => this.receive(data));
  }

  receive(data) {
    this.buffer = Buffer.concat([this.buffer, data]);
    for (;;) {
      const end = this.buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const match = /content-length:\s*(\d+)/i.exec(this.buffer.slice(0, end).toString());
      const length = match ? Number(match[1]) : 0;
      if (this.buffer.length < end + 4 + length) return;
      const body = this.buffer.slice(end + 4, end + 4 + length).toString('utf8');
      this.buffer = this.buffer.slice(end + 4 + length);
      let message;
      try { message = JSON.parse(body); } catch { continue; }
      if (message.id !== undefined && this.pending.has(message.id)) {
        const { resolve, reject } = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (message.error) reject(new Error(message.error.message)); else resolve(message.result);
      } else if (message.method) {
        this.onNotification(message.method, message.params);
      }
    }
  }

  send(message) {
    const body = Buffer.from(JSON.stringify(Object.assign({ jsonrpc: '2.0' }, message)), 'utf8');
    this.process.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.process.stdin.write(body);
  }

  request(method, params) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.send({ id, method, params });
    });
  }

  notify(method, params) { this.send({ method, params }); }
}

// Conversions between VS Code's and the protocol's values (both count columns in UTF-16 units).
const toPosition = (p) => new vscode.Position(p.line, p.character);
const toRange = (r) => new vscode.Range(toPosition(r.start), toPosition(r.end));
const toLocation = (l) => new vscode.Location(vscode.Uri.parse(l.uri), toRange(l.range));
const fromPosition = (p) => ({ line: p.line, character: p.character });
const fromRange = (r) => ({ start: fromPosition(r.start), end: fromPosition(r.end) });
const at = (document, position) => ({ textDocument: { uri: document.uri.toString() }, position: fromPosition(position) });
const severities = [null, vscode.DiagnosticSeverity.Error, vscode.DiagnosticSeverity.Warning,
  vscode.DiagnosticSeverity.Information, vscode.DiagnosticSeverity.Hint];

function toWorkspaceEdit(edit) {
  const result = new vscode.WorkspaceEdit();
  for (const [uri, edits] of Object.entries((edit && edit.changes) || {})) {
    for (const e of edits) result.replace(vscode.Uri.parse(uri), toRange(e.range), e.newText);
  }
  return result;
}

function toDiagnostic(d) {
  const diagnostic = new vscode.Diagnostic(toRange(d.range), d.message, severities[d.severity || 1]);
  diagnostic.code = d.code;
  diagnostic.source = 'snnc';
  diagnostic.relatedInformation = (d.relatedInformation || []).map(
    (r) => new vscode.DiagnosticRelatedInformation(toLocation(r.location), r.message));
  return diagnostic;
}

function toSymbol(s) {
  const symbol = new vscode.DocumentSymbol(s.name, s.detail || '', s.kind - 1, toRange(s.range), toRange(s.selectionRange));
  symbol.children = (s.children || []).map(toSymbol);
  return symbol;
}

async function activate(context) {
  const log = vscode.window.createOutputChannel('snnc lsp');
  const command = vscode.workspace.getConfiguration('snnc').get('path') || 'snnc';
  server = new Server(command, log);
  const diagnostics = vscode.languages.createDiagnosticCollection('snnc');
  context.subscriptions.push(diagnostics, log);
  server.onNotification = (method, params) => {
    if (method === 'textDocument/publishDiagnostics') {
      diagnostics.set(vscode.Uri.parse(params.uri), params.diagnostics.map(toDiagnostic));
    }
  };
  await server.request('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
  server.notify('initialized', {});

  const isSnn = (document) => document.languageId === 'snn';
  const open = (document) => isSnn(document) && server.notify('textDocument/didOpen', {
    textDocument: { uri: document.uri.toString(), languageId: 'snn', version: document.version, text: document.getText() },
  });
  vscode.workspace.textDocuments.forEach(open);
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument(open),
    vscode.workspace.onDidChangeTextDocument((event) => isSnn(event.document) && server.notify('textDocument/didChange', {
      textDocument: { uri: event.document.uri.toString(), version: event.document.version },
      contentChanges: event.contentChanges.map((c) => ({ range: fromRange(c.range), text: c.text })),
    })),
    vscode.workspace.onDidSaveTextDocument((document) => isSnn(document) &&
      server.notify('textDocument/didSave', { textDocument: { uri: document.uri.toString() } })),
    vscode.workspace.onDidCloseTextDocument((document) => isSnn(document) &&
      server.notify('textDocument/didClose', { textDocument: { uri: document.uri.toString() } })));

  const selector = { language: 'snn' };
  const L = vscode.languages;
  context.subscriptions.push(
    L.registerHoverProvider(selector, { provideHover: async (d, p) => {
      const r = await server.request('textDocument/hover', at(d, p));
      return r && new vscode.Hover(new vscode.MarkdownString(r.contents.value), r.range && toRange(r.range));
    } }),
    L.registerDefinitionProvider(selector, { provideDefinition: async (d, p) => {
      const r = await server.request('textDocument/definition', at(d, p));
      return r && toLocation(r);
    } }),
    L.registerReferenceProvider(selector, { provideReferences: async (d, p, c) => {
      const r = await server.request('textDocument/references', Object.assign(at(d, p), { context: c }));
      return (r || []).map(toLocation);
    } }),
    L.registerRenameProvider(selector, { provideRenameEdits: async (d, p, newName) =>
      toWorkspaceEdit(await server.request('textDocument/rename', Object.assign(at(d, p), { newName }))) }),
    L.registerCompletionItemProvider(selector, { provideCompletionItems: async (d, p) => {
      const r = await server.request('textDocument/completion', at(d, p));
      return ((r && r.items) || []).map((i) => Object.assign(new vscode.CompletionItem(i.label, i.kind - 1),
        { detail: i.detail, documentation: i.documentation, insertText: i.insertText, sortText: i.sortText }));
    } }, '(', ',', ':', '>'),
    L.registerSignatureHelpProvider(selector, { provideSignatureHelp: async (d, p) => {
      const r = await server.request('textDocument/signatureHelp', at(d, p));
      if (!r) return null;
      const help = new vscode.SignatureHelp();
      help.signatures = r.signatures.map((s) => Object.assign(new vscode.SignatureInformation(s.label, s.documentation),
        { parameters: s.parameters.map((q) => new vscode.ParameterInformation(q.label)) }));
      help.activeSignature = r.activeSignature;
      help.activeParameter = r.activeParameter;
      return help;
    } }, '(', ','),
    L.registerDocumentSymbolProvider(selector, { provideDocumentSymbols: async (d) =>
      ((await server.request('textDocument/documentSymbol', { textDocument: { uri: d.uri.toString() } })) || []).map(toSymbol) }),
    L.registerDocumentFormattingEditProvider(selector, { provideDocumentFormattingEdits: async (d, options) =>
      ((await server.request('textDocument/formatting', { textDocument: { uri: d.uri.toString() }, options })) || [])
        .map((e) => vscode.TextEdit.replace(toRange(e.range), e.newText)) }),
    L.registerCodeActionsProvider(selector, { provideCodeActions: async (d, range) => {
      const r = await server.request('textDocument/codeAction', { textDocument: { uri: d.uri.toString() },
        range: fromRange(range), context: { diagnostics: [] } });
      return (r || []).map((a) => Object.assign(new vscode.CodeAction(a.title, vscode.CodeActionKind.QuickFix),
        { edit: toWorkspaceEdit(a.edit), isPreferred: a.isPreferred }));
    } }));
}

async function deactivate() {
  if (!server) return;
  try { await server.request('shutdown', null); server.notify('exit', null); } catch { server.process.kill(); }
}

module.exports = { activate, deactivate };
