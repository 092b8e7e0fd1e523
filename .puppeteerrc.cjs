// The tests drive Debian's chromium and firefox-esr (see tests/e2e/harness/paths.ts);
// Puppeteer must never download a browser of its own (this machine cannot fetch one).
module.exports = { skipDownload: true };
