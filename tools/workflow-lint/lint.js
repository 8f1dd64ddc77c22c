#!/usr/bin/env node
// Validates every workflow file with action-validator (schema and glob checks, offline).
"use strict";
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const directory = path.resolve(__dirname, "../../.github/workflows");
const validator = path.join(__dirname, "node_modules", ".bin", "action-validator");
const files = fs.readdirSync(directory).filter((f) => /\.ya?ml$/.test(f)).sort();
if (files.length === 0) {
  console.error(`error: no workflow files in ${directory}`);
  process.exit(1);
}
let failed = 0;
for (const file of files) {
  const result = spawnSync(validator, [path.join(directory, file)], { encoding: "utf8" });
  if (result.status === 0) {
    console.log(`.github/workflows/${file}: ok`);
  } else {
    failed++;
    console.error(`.github/workflows/${file}: invalid\n${result.stdout}${result.stderr}`);
  }
}
process.exitCode = failed === 0 ? 0 : 1;
