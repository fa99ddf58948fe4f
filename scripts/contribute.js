#!/usr/bin/env node
// Merges a feature's contributions into package.json and package.nls.json (run once per change; idempotent).
// usage: node scripts/contribute.js path/to/contrib.json
//   { "commands": [...], "menus": { "view/title": [...] }, "configuration": { "exotel.x": {...} }, "nls": { "key": "text" },
//     "views": {...}, "viewsWelcome": [...], "activationEvents": [...] }
const fs = require('fs');
const path = require('path');
const root = path.join(__dirname, '..');
const pkgPath = path.join(root, 'package.json');
const nlsPath = path.join(root, 'package.nls.json');
const add = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const pkg = JSON.parse(fs.readFileSync(pkgPath, 'utf8'));
const nls = JSON.parse(fs.readFileSync(nlsPath, 'utf8'));
const c = pkg.contributes;
const upsert = (list, items, key) => {
  for (const item of items) {
    const i = list.findIndex(x => key(x) === key(item));
    if (i >= 0) list[i] = item; else list.push(item);
  }
};
upsert(c.commands, add.commands || [], x => x.command);
for (const [where, items] of Object.entries(add.menus || {})) upsert(c.menus[where] ||= [], items, x => `${x.command}|${x.when || ''}|${x.group || ''}`);
Object.assign(c.configuration.properties, add.configuration || {});
for (const [container, views] of Object.entries(add.views || {})) upsert(c.views[container] ||= [], views, x => x.id);
upsert(c.viewsWelcome, add.viewsWelcome || [], x => `${x.view}|${x.when}`);
if (add.activationEvents) upsert(pkg.activationEvents, add.activationEvents, x => x);
if (add.walkthroughs) upsert(c.walkthroughs ||= [], add.walkthroughs, x => x.id);
Object.assign(nls, add.nls || {});
fs.writeFileSync(pkgPath, JSON.stringify(pkg, null, 2) + '\n');
fs.writeFileSync(nlsPath, JSON.stringify(nls, null, 2) + '\n');
console.log(`merged ${process.argv[2]}`);
