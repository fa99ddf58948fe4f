// node-fetch 2 falls back to whatwg-url only where Node has no URL class; Node 18+ always has one.
// Bundling whatwg-url would add ~280 KB (its IDNA tables) for code that never runs.
module.exports = { URL: globalThis.URL };
