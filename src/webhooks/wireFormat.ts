// How a webhook's fields travel: JSON, or multipart with Exotel's bracket names for nested values.
// Shared by the sandbox (which sends callbacks) and the receiver (which reads and resends them).
export type Fields = Array<[string, unknown]>;

export function asJson(fields: Fields): string {
  return JSON.stringify(Object.fromEntries(fields));
}

/**
 * multipart/form-data. How Exotel encodes `Legs` here is undocumented; we use the same bracket
 * style Exotel reads arrays in (`Legs[0][OnCallDuration]`), and empty strings for nulls.
 */
export function asMultipart(fields: Fields, boundary: string): string {
  const parts: string[] = [];
  for (const [name, value] of flatten(fields)) {
    parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  }
  return parts.join('') + `--${boundary}--\r\n`;
}

export function flatten(fields: Fields, prefix = ''): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const [key, value] of fields) {
    const name = prefix ? `${prefix}[${key}]` : key;
    if (value !== null && typeof value === 'object') {
      const entries = Array.isArray(value) ? value.map((v, i): [string, unknown] => [String(i), v]) : Object.entries(value);
      out.push(...flatten(entries, name));
    } else {
      out.push([name, value === null || value === undefined ? '' : String(value)]);
    }
  }
  return out;
}
