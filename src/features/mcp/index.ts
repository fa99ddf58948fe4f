import * as path from 'path';
import * as vscode from 'vscode';
import { affects, setting } from '../../common/settings';
import { Deps } from '../../deps';
import { SANDBOX_PROFILE_ID } from '../../session/profile';
import { mcpApi, McpDefinitionProvider, McpStdioDefinition } from './mcpApi';
import { errorMessage } from '../../base/errorMessage';

/** The id in package.json's contributes.mcpServerDefinitionProviders. */
export const MCP_PROVIDER_ID = 'exotel.mcp';

/** What the in-host tests may see: the definitions offered (no env) and the names of the variables a start sets. */
export interface McpFeature {
  readonly registered: boolean;
  offered(): Promise<Array<Pick<McpStdioDefinition, 'label' | 'command' | 'args' | 'version'>>>;
  /** Resolves the first definition as VS Code does at start; env values other than EXOTEL_API_* are shown, those are not. */
  resolvedForTest(): Promise<{ command: string; args: string[]; env: Record<string, string> } | undefined>;
}

/**
 * The Exotel MCP server (dist/mcp.js, src/mcp) for VS Code's own MCP support (1.101+), for the active profile: on the
 * sandbox profile the server runs a sandbox of its own (`--sandbox`: no key at all, and it keeps working when the
 * editor's sandbox stops); on an account the key and token go from SecretStorage into the server's environment when
 * VS Code starts it (resolveMcpServerDefinition), never into settings, mcp.json or a file, nor into the definitions
 * VS Code lists and caches. Signed out: no server. Registering costs one call; nothing runs until VS Code starts it.
 */
export function registerMcpServer({ context, log, session }: Deps): McpFeature {
  const api = mcpApi();
  const changed = new vscode.EventEmitter<void>();
  context.subscriptions.push(
    changed,
    session.onDidChange(() => changed.fire()),
    vscode.workspace.onDidChangeConfiguration(e => {
      if (affects(e, 'tools.allowCallsOnRealAccounts', 'defaultCallerId')) changed.fire();
    }),
  );
  const server = path.join(context.extensionPath, 'dist', 'mcp.js');

  const offer = (): McpStdioDefinition[] => {
    if (!api || !registered) return [];
    const id = session.profiles.activeId();
    const profile = id && session.profiles.list().find(p => p.id === id);
    if (!profile) return [];
    const sandbox = profile.id === SANDBOX_PROFILE_ID;
    // The extension host's own Node (Electron run as Node): no Node needed on the PATH.
    return [
      api.definition(
        sandbox ? 'Exotel (sandbox)' : `Exotel (${profile.name})`,
        process.execPath,
        sandbox ? [server, '--sandbox'] : [server],
        { ELECTRON_RUN_AS_NODE: '1' },
        // A new version tells VS Code to start the server again: another profile, or real calls allowed or not.
        `${context.extension.packageJSON.version}+${profile.id}${!sandbox && setting('tools.allowCallsOnRealAccounts') ? '+realcalls' : ''}`,
      ),
    ];
  };

  const resolve = async (def: McpStdioDefinition): Promise<McpStdioDefinition | undefined> => {
    if (def.args.includes('--sandbox')) return def;
    const account = await session.profiles.active();
    if (!account || account.profile.id === SANDBOX_PROFILE_ID) return undefined; // the profile changed: VS Code asks again
    const p = account.profile;
    const override = setting('apiBaseUrl').trim();
    // null unsets a variable VS Code's own environment might hold: only the profile and the settings decide.
    const env: Record<string, string | null> = {
      ELECTRON_RUN_AS_NODE: '1',
      EXOTEL_ACCOUNT_SID: p.accountSid,
      EXOTEL_API_KEY: account.secrets.apiKey,
      EXOTEL_API_TOKEN: account.secrets.apiToken,
      EXOTEL_BASE_URL: override || p.baseUrl,
      EXOTEL_SUBDOMAIN: null,
      EXOTEL_PROFILE_NAME: p.name,
      EXOTEL_PRODUCTION: p.production ? '1' : null,
      EXOTEL_CALLER_ID: p.defaultCallerId ?? (setting('defaultCallerId').trim() || null),
      EXOTEL_FLOW_HOST: p.flowHost ?? null,
      // The editor's one switch for calls on real accounts holds for its MCP server too.
      EXOTEL_ALLOW_REAL_CALLS: setting('tools.allowCallsOnRealAccounts') ? '1' : null,
    };
    def.env = { ...def.env, ...env };
    return def;
  };

  const provider: McpDefinitionProvider = {
    onDidChangeMcpServerDefinitions: changed.event,
    provideMcpServerDefinitions: () => offer(),
    resolveMcpServerDefinition: def => resolve(def),
  };
  let registered = false;
  try {
    if (api) context.subscriptions.push(api.register(MCP_PROVIDER_ID, provider));
    registered = api !== undefined;
  } catch (err) {
    // A host whose API differs from the one declared in mcpApi.ts: the rest of the extension keeps working.
    log.warn(`The MCP server could not be offered to VS Code ${vscode.version}: ${errorMessage(err)}`);
  }

  return {
    registered,
    offered: async () => offer().map(({ label, command, args, version }) => ({ label, command, args: [...args], version })),
    async resolvedForTest() {
      const def = offer()[0];
      const r = def && (await resolve(def));
      if (!r) return undefined;
      const env = Object.fromEntries(
        Object.entries(r.env)
          .filter(([, v]) => v !== null) // unset, as VS Code starts the process
          .map(([k, v]) => [k, /^EXOTEL_API_(KEY|TOKEN)$/.test(k) ? '(set)' : String(v)]),
      );
      return { command: r.command, args: [...r.args], env };
    },
  };
}
