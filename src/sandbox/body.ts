// Request bodies: Exotel takes form parameters, urlencoded (every SDK) or multipart (Exotel's Java sample).
import busboy from 'busboy';
import { IncomingMessage } from 'http';

const MAX_BODY_BYTES = 1024 * 1024;

export type Params = Record<string, string | string[]>;

export interface ParsedBody {
  raw: Buffer;
  /** In the order received; repeated names kept. */
  fields: Array<[string, string]>;
  kind: 'urlencoded' | 'multipart' | 'empty' | 'other';
}

export class BodyError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function readRaw(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new BodyError(413, `Request body larger than ${limit} bytes`));
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function parseBody(raw: Buffer, contentType: string | undefined): Promise<ParsedBody> {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (raw.length === 0) {
    return { raw, fields: [], kind: 'empty' };
  }
  if (type === 'application/x-www-form-urlencoded') {
    return { raw, fields: [...new URLSearchParams(raw.toString('utf8'))], kind: 'urlencoded' };
  }
  if (type === 'multipart/form-data') {
    return { raw, fields: await parseMultipart(raw, contentType as string), kind: 'multipart' };
  }
  return { raw, fields: [], kind: 'other' };
}

function parseMultipart(raw: Buffer, contentType: string): Promise<Array<[string, string]>> {
  return new Promise((resolve, reject) => {
    const fields: Array<[string, string]> = [];
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: { 'content-type': contentType } });
    } catch (err) {
      reject(new BodyError(400, `Malformed multipart/form-data body: ${(err as Error).message}`));
      return;
    }
    parser.on('field', (name, value) => fields.push([name, value]));
    parser.on('file', (_name, stream) => stream.resume());
    parser.on('close', () => resolve(fields));
    parser.on('error', (err: Error) => reject(new BodyError(400, `Malformed multipart/form-data body: ${err.message}`)));
    parser.end(raw);
  });
}

/** Flat view for tests: a name sent once maps to a string, a repeated name to all its values. */
export function toParams(fields: ReadonlyArray<[string, string]>): Params {
  const params: Params = {};
  for (const [name, value] of fields) {
    const existing = params[name];
    params[name] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return params;
}

/** The last value of a parameter, as a form handler would see it. */
export function lastValue(fields: ReadonlyArray<[string, string]>, name: string): string | undefined {
  let found: string | undefined;
  for (const [key, value] of fields) {
    if (key === name) {
      found = value;
    }
  }
  return found;
}

/** Array parameters: `X[0]=a&X[1]=b` (Exotel's form), also `X[]=a` or a repeated `X=a`. */
export function arrayValues(fields: ReadonlyArray<[string, string]>, name: string): string[] | undefined {
  const indexed: Array<[number, string]> = [];
  let seen = false;
  const indexPattern = /^\[(\d*)\]$/;
  for (const [key, value] of fields) {
    if (key === name) {
      seen = true;
      indexed.push([Number.MAX_SAFE_INTEGER, value]);
    } else if (key.startsWith(name)) {
      const m = indexPattern.exec(key.slice(name.length));
      if (m) {
        seen = true;
        indexed.push([m[1] === '' ? Number.MAX_SAFE_INTEGER : Number(m[1]), value]);
      }
    }
  }
  if (!seen) {
    return undefined;
  }
  // A stable sort keeps `X[]` and repeated `X` in arrival order after the indexed ones.
  return indexed.sort((a, b) => a[0] - b[0]).map(([, v]) => v);
}
