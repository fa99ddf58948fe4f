// What the VSIX weighs (issue 20 asks for ≤ 300 KB): the package as `npm run package` wrote it, and each file it
// ships, as it is (raw) and as stored in the package (compressed), read from the zip's own directory.
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..', '..');
const VSIX = path.join(ROOT, 'exotel-vscode.vsix');

export interface ZipEntry {
  name: string;
  raw: number;
  stored: number;
}

/** The entries of a zip file, from its central directory (no zip64: a VSIX is far below 4 GB). */
export function zipEntries(zip: Buffer): ZipEntry[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a zip file');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('bad zip central directory');
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    entries.push({ name: zip.toString('utf8', at + 46, at + 46 + nameLength), stored: zip.readUInt32LE(at + 20), raw: zip.readUInt32LE(at + 24) });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export function benchVsix(): Record<string, string | number> {
  if (!fs.existsSync(VSIX)) return { 'exotel-vscode.vsix': 'not packaged (npm run package)' };
  const zip = fs.readFileSync(VSIX);
  const figures: Record<string, string | number> = { 'exotel-vscode.vsix (goal ≤ 300 KB)': kb(zip.length) };
  const entries = zipEntries(zip).sort((a, b) => b.stored - a.stored);
  for (const e of entries) figures[e.name.replace(/^extension\//, '')] = `${kb(e.stored)} in the VSIX (${kb(e.raw)} raw)`;
  return figures;
}
