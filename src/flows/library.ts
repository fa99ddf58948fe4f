// Which flow a call runs: by app id (Calls/connect's Url …/exoml/start_voice/<id>) or by the ExoPhone an incoming
// call dials. Flows come from files (`*.exotel-flow.json`) or from a list given by the caller.
import * as fs from 'fs';
import * as path from 'path';
import { FlowValidation, validateFlow } from './diagnostics';
import { FLOW_FILE_SUFFIX, FlowFile, LoadedFlow } from './types';

/** `http(s)://my.exotel.com/<sid>/exoml/start_voice/<id>`, or the legacy `…/exoml/start/<id>`: the app id, else undefined. */
export function appIdOfFlowUrl(url: string): string | undefined {
  const m = /\/exoml\/start(?:_voice)?\/(\d+)\/?(?:[?#].*)?$/.exec(url.trim());
  return m?.[1];
}

/** The flow URL Exotel documents for an app id (V1.15). */
export function flowUrlFor(accountSid: string, appId: string, portal = 'http://my.exotel.com'): string {
  return `${portal}/${accountSid}/exoml/start_voice/${appId}`;
}

/** A number as applets send it: national, 0-prefixed (`+91 80 4711 2345` → `08047112345`). Non-Indian numbers keep their digits. */
export function nationalNumber(number: string): string {
  const digits = number.replace(/[^0-9]/g, '');
  if (number.trim().startsWith('+') && !digits.startsWith('91')) return digits;
  if (digits.length === 12 && digits.startsWith('91')) return `0${digits.slice(2)}`;
  if (digits.length === 10) return `0${digits}`;
  return digits;
}

export function exoPhonesOf(flow: FlowFile): string[] {
  const list = flow.exoPhone === undefined ? [] : Array.isArray(flow.exoPhone) ? flow.exoPhone : [flow.exoPhone];
  return list.map(nationalNumber);
}

/** Finds flows by app id or ExoPhone. `source` is read at every lookup, so a caller may hand a live view of the workspace. */
export class FlowLibrary {
  constructor(private readonly source: readonly LoadedFlow[] | (() => readonly LoadedFlow[])) {}

  all(): readonly LoadedFlow[] {
    return typeof this.source === 'function' ? this.source() : this.source;
  }

  byAppId(appId: string): LoadedFlow | undefined {
    return this.all().find(f => String(f.flow.appId) === appId);
  }

  byFlowUrl(url: string): LoadedFlow | undefined {
    const id = appIdOfFlowUrl(url);
    return id === undefined ? undefined : this.byAppId(id);
  }

  byExoPhone(exoPhone: string): LoadedFlow | undefined {
    const wanted = nationalNumber(exoPhone);
    return this.all().find(f => exoPhonesOf(f.flow).includes(wanted));
  }
}

/** Reads one flow file; the validation says whether it can run (a file that is not JSON has no flow). */
export function loadFlowFile(file: string): { loaded?: LoadedFlow; validation: FlowValidation } {
  const text = fs.readFileSync(file, 'utf8');
  const validation = validateFlow(text);
  return { loaded: validation.flow ? { flow: validation.flow, file, text } : undefined, validation };
}

/** Every `*.exotel-flow.json` under `dir` (not into node_modules or dot-folders), sorted by path. */
export function findFlowFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(FLOW_FILE_SUFFIX)) out.push(full);
    }
  };
  walk(dir);
  return out.sort();
}

/** Loads every flow file under `dir` (or the one file `dir` names); files that are not JSON objects are skipped and reported. */
export function loadFlows(dirOrFile: string): { flows: LoadedFlow[]; problems: Array<{ file: string; validation: FlowValidation }> } {
  const files = fs.statSync(dirOrFile).isDirectory() ? findFlowFiles(dirOrFile) : [dirOrFile];
  const flows: LoadedFlow[] = [];
  const problems: Array<{ file: string; validation: FlowValidation }> = [];
  for (const file of files) {
    const { loaded, validation } = loadFlowFile(file);
    if (loaded) flows.push(loaded);
    if (!validation.ok) problems.push({ file, validation });
  }
  return { flows, problems };
}
