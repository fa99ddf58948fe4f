// VS Code's MCP server definition API (1.101+), declared here because @types/vscode is older: read from the
// running host at run time, so that 1.100 (which has none of it) keeps working.
import * as vscode from 'vscode';

export interface McpStdioDefinition {
  readonly label: string;
  command: string;
  args: string[];
  env: Record<string, string | number | null>;
  version?: string;
  cwd?: vscode.Uri;
}

export interface McpDefinitionProvider {
  readonly onDidChangeMcpServerDefinitions?: vscode.Event<void>;
  provideMcpServerDefinitions(token: vscode.CancellationToken): vscode.ProviderResult<McpStdioDefinition[]>;
  resolveMcpServerDefinition?(server: McpStdioDefinition, token: vscode.CancellationToken): vscode.ProviderResult<McpStdioDefinition>;
}

export interface McpApi {
  register(id: string, provider: McpDefinitionProvider): vscode.Disposable;
  definition(label: string, command: string, args: string[], env: Record<string, string>, version: string): McpStdioDefinition;
}

/** The first VS Code with the final API and its contribution point `mcpServerDefinitionProviders`. */
const FIRST = [1, 101];

/** True from VS Code 1.101 (1.100 has a function of that name that wants an older contribution point, and throws). */
export function hasFinalMcpApi(version: string): boolean {
  const [major, minor] = version.split('.').map(n => parseInt(n, 10));
  return major > FIRST[0] || (major === FIRST[0] && minor >= FIRST[1]);
}

/** The host's MCP API, or undefined where it has none (or only an earlier draft of it). */
export function mcpApi(): McpApi | undefined {
  if (!hasFinalMcpApi(vscode.version)) return undefined;
  const lm = (vscode as { lm?: { registerMcpServerDefinitionProvider?: (id: string, p: McpDefinitionProvider) => vscode.Disposable } }).lm;
  const register = lm?.registerMcpServerDefinitionProvider;
  const Definition = (vscode as unknown as { McpStdioServerDefinition?: new (...a: unknown[]) => McpStdioDefinition }).McpStdioServerDefinition;
  if (typeof register !== 'function' || typeof Definition !== 'function') return undefined;
  return {
    register: (id, provider) => register.call(lm, id, provider),
    definition: (label, command, args, env, version) => new Definition(label, command, args, env, version),
  };
}
