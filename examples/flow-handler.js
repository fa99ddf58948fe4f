#!/usr/bin/env node
// The example flow's handler: a plain Node HTTP server (no dependencies) answering every URL of
// examples/support.exotel-flow.json the way Exotel needs. Start it with `node examples/flow-handler.js [port]`
// (default 3005, or $PORT), then run the flow from the sandbox. Each request is logged with its query.
'use strict';
const http = require('http');

const port = Number(process.argv[2] || process.env.PORT || 3005);

// Exotel sends `digits` with literal double quotes ("1"): trim them, as Exotel's docs say.
const digitsOf = query => (query.get('digits') || '').replace(/"/g, '');

const text = (res, status, body) => {
  res.writeHead(status, { 'Content-Type': 'text/plain' });
  res.end(body);
};
const json = (res, body) => {
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
};

const routes = {
  // Greeting "Read text like a robot" URL: HEAD then GET, text/plain, the text to speak.
  '/greeting': (q, res) => text(res, 200, `Welcome to Acme support. Your call ${q.get('CallSid').slice(-4)} matters to us.`),
  // Gather dynamic URL (Exotel-Version: 1.0): JSON with gather_prompt.
  '/menu': (q, res) =>
    json(res, {
      gather_prompt: { text: 'Press 1 for sales, 2 for support, then the hash key.' },
      max_input_digits: 1,
      finish_on_key: '#',
      input_timeout: 5,
      repeat_menu: 1,
    }),
  // Passthru: 200 → "ok" (sales: keys 1 or 3), anything else → "else" (support).
  '/route': (q, res) => text(res, ['1', '3'].includes(digitsOf(q)) ? 200 : 302, ''),
  // Programmable Connect (Exotel-Version: 1.0): whom to dial, recorded. In the sandbox a number ending in 0 answers;
  // key 3 asks for a sales agent who never picks up (ends in 6), so the caller reaches the voicemail.
  '/sales': (q, res) =>
    json(res, {
      destination: { numbers: [digitsOf(q) === '3' ? '+919812345676' : '+919812345670'] },
      record: true,
      recording_channels: 'single',
      max_ringing_duration: 30,
      max_conversation_duration: 600,
    }),
  // Connect "Dial whom" URL: text/plain, a comma-separated list; 6 does not answer, 1 does.
  '/support-agents': (q, res) => text(res, 200, '09812345676,09812345671'),
  // SMS applet URL: HEAD then GET, text/plain, the SMS text.
  '/sms': (q, res) => text(res, 200, `Thanks for calling Acme. Ref ${q.get('CallSid').slice(-6)}.`),
  // An async Passthru for logging: Exotel does not wait for it.
  '/log': (q, res) => text(res, 200, 'logged'),
  '/health': (q, res) => text(res, 200, 'ok'),
};

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  console.log(`${req.method} ${url.pathname} ${[...url.searchParams].map(([k, v]) => `${k}=${v}`).join(' ')}`);
  const route = routes[url.pathname];
  if (!route) return text(res, 404, 'not found');
  if (req.method !== 'GET' && req.method !== 'HEAD') return text(res, 405, 'GET or HEAD');
  route(url.searchParams, res); // Node leaves out the body of a HEAD answer by itself, keeping the headers
});

server.listen(port, '127.0.0.1', () => console.log(`Example flow handler on http://127.0.0.1:${port}`));
process.once('SIGTERM', () => server.close(() => process.exit(0)));
process.once('SIGINT', () => server.close(() => process.exit(0)));
