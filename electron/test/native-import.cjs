/* global module */
// Node's own dynamic import, for a test that must load a module outside Vitest's module runner
// (see stand-in-electron.ts).
module.exports = (url) => import(url);
