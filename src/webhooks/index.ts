// Webhooks on the wire, shared by the sandbox (which sends StatusCallbacks) and the Callbacks core (which
// receives, forwards and resends them): sending one HTTP request, the field encodings, a delivery's record.
// Editor-free, and it imports neither src/sandbox nor src/callbacks: both lean on it, never on each other.
export * from './attempt';
export * from './httpSend';
export * from './wireFormat';
