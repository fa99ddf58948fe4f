// "Copy as cURL" / "Copy as Node.js code": the exact connect request, with the key and token left
// as environment variables so that no secret is ever copied. Editor-free, unit-tested in Node.

/** A shell-safe single-quoted string. */
function sq(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

export function curlSnippet(url: string, form: Array<[string, string]>): string {
  const lines = [`curl -X POST ${sq(url)}`, `  -u "$EXOTEL_API_KEY:$EXOTEL_API_TOKEN"`, `  -H 'Accept: application/json'`];
  for (const [k, v] of form) lines.push(`  --data-urlencode ${sq(`${k}=${v}`)}`);
  return lines.join(' \\\n') + '\n';
}

export function nodeSnippet(url: string, form: Array<[string, string]>): string {
  const pairs = form.map(([k, v]) => `  [${JSON.stringify(k)}, ${JSON.stringify(v)}],`).join('\n');
  return `// Node.js 18+ (global fetch). Set EXOTEL_API_KEY and EXOTEL_API_TOKEN in the environment first.
const auth = Buffer.from(\`\${process.env.EXOTEL_API_KEY}:\${process.env.EXOTEL_API_TOKEN}\`).toString('base64');
const body = new URLSearchParams([
${pairs}
]);
const res = await fetch(${JSON.stringify(url)}, {
  method: 'POST',
  headers: { Authorization: \`Basic \${auth}\`, Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
  body,
});
console.log(res.status, JSON.stringify(await res.json(), null, 2));
`;
}
