// The members feature's public entry point: what src/app/ and other features may use.
// Nothing yet: its one page is in pages.ts.
export {};
