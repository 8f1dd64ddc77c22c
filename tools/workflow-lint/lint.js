#!/usr/bin/env node
// Validates every workflow file offline: the workflow schema and globs (action-validator), then this
// repository's rules on the parsed YAML (policy.js: caches, fork pull requests, backend, OS matrix, Node).
"use strict";
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");
const YAML = require("yaml");
const { check } = require("./policy");

const root = path.resolve(__dirname, "../..");
const directory = path.join(root, ".github", "workflows");
const validator = path.join(__dirname, "node_modules", ".bin", "action-validator");
const files = fs.readdirSync(directory).filter((f) => /\.ya?ml$/.test(f)).sort();
if (files.length === 0) {
  console.error(`error: no workflow files in ${directory}`);
  process.exit(1);
}

/** The repository's files (not build output or dependencies), relative, with '/'. */
function repositoryFiles(dir = root, prefix = "") {
  const skipped = new Set(["bin", "obj", "node_modules", ".git", ".synth"]);
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (skipped.has(entry.name)) return [];
    const relative = prefix + entry.name;
    if (entry.isDirectory()) return repositoryFiles(path.join(dir, entry.name), relative + "/");
    return entry.isFile() ? [relative] : [];
  });
}

let failed = 0;
const workflows = {};
for (const file of files) {
  const result = spawnSync(validator, [path.join(directory, file)], { encoding: "utf8" });
  if (result.status === 0) {
    console.log(`.github/workflows/${file}: ok`);
    workflows[file] = YAML.parse(fs.readFileSync(path.join(directory, file), "utf8"));
  } else {
    failed++;
    console.error(`.github/workflows/${file}: invalid\n${result.stdout}${result.stderr}`);
  }
}
const problems = check(workflows, repositoryFiles());
for (const problem of problems) console.error(`.github/workflows/${problem}`);
console.log(`workflow policy: ${Object.keys(workflows).length} workflows, ${problems.length} problems`);
process.exitCode = failed === 0 && problems.length === 0 ? 0 : 1;
