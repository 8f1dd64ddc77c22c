// This repository's rules for its GitHub workflows, on the parsed YAML (tests/WorkflowTests.cs holds
// the same ones from the .NET side):
//   - caches: NuGet, npm, the launcher's .synth/ and the Pulumi plugins, wherever they are used,
//     restored before their first use, keyed on hashFiles of what they hold (and every hashFiles
//     pattern matches a file, else the key would never change);
//   - forks: on a pull_request workflow, every step that needs a secret, the OIDC token or the
//     write token is skipped for a fork's pull request, and the job says why (notice + job summary);
//     no pull_request_target;
//   - backend: every pulumi/actions step logs in to inputs.backend-url || vars.PULUMI_BACKEND_URL,
//     with PULUMI_ACCESS_TOKEN and PULUMI_CONFIG_PASSPHRASE, and the workflow has that input;
//   - OS matrix: the pull request tests run on Linux, Windows and macOS, each with its launcher;
//   - Node 22 wherever node runs;
//   - verify (instrumentation/verify, the end-to-end check of a deployed stack): never on a pull request, on a
//     runner chosen by the runner-labels input or the VERIFY_RUNNER_LABELS variable (the load balancer is internal),
//     after the AWS and Azure logins and a Pulumi step that logs in to the backend (it reads the stack's outputs),
//     with the passphrase those secret outputs need;
//   - a scheduled workflow can also be run by hand (workflow_dispatch);
//   - every pulumi/actions step installs the minimum Pulumi CLI the component package needs (pulumi-version;
//     v3.248.0 bundles pulumi-yaml v1.37.0, which loads packages for components; README "Components").
// A pulumi/actions step with `command: output` runs no program: it needs neither the launcher nor the plugins.
"use strict";

const NODE_MAJOR = 22;
const NOT_FROM_A_FORK =
  "github.event_name != 'pull_request' || github.event.pull_request.head.repo.full_name == github.repository";
const PR_FROM_THIS_REPOSITORY =
  "github.event_name == 'pull_request' && github.event.pull_request.head.repo.full_name == github.repository";
const PR_FROM_A_FORK =
  "github.event_name == 'pull_request' && github.event.pull_request.head.repo.full_name != github.repository";
const BACKEND_URL = "${{ inputs.backend-url || vars.PULUMI_BACKEND_URL }}";
const CLOUD_ACTIONS = ["aws-actions/configure-aws-credentials@", "azure/login@", "pulumi/actions@"];
const OSES = ["ubuntu-latest", "windows-latest", "macos-latest"];
const PULUMI_CLI = "3.248.0";
const UNIX_LAUNCHER = "tools/synth/compile --stack dev --out program.yaml";
const WINDOWS_LAUNCHER = "tools\\synth\\compile.cmd --stack dev --out program.yaml";
const TEST_SUITE = "dotnet test otel-multicloud.slnx";

const RUNNER_LABELS = "fromJSON(inputs.runner-labels || vars.VERIFY_RUNNER_LABELS";

const uses = (step) => (typeof step.uses === "string" ? step.uses : "");
const run = (step) => (typeof step.run === "string" ? step.run : "");
const usesAction = (step, prefix) => uses(step).startsWith(prefix);
const runsProgram = (step) => usesAction(step, "pulumi/actions@") && step.with?.command !== "output";
const runsLauncher = (step) =>
  /\.ci\/run|tools\/synth\/compile|tools\\synth\\compile\.cmd/.test(run(step)) || runsProgram(step);
const runsVerify = (step) => /instrumentation\/verify\b/.test(run(step));
const runsDotnet = (step) => runsLauncher(step) || /\bdotnet /.test(run(step));
const runsNpm = (step) => /(^|[\s;&|(])(npm|npx) |\.ci\/run/.test(run(step));
const runsNode = (step) => runsNpm(step) || /(^|[\s;&|(])node /.test(run(step));

const CACHES = [
  {
    what: "NuGet packages",
    path: "~/.nuget/packages",
    prefix: "nuget-${{ runner.os }}-",
    hashes: ["**/*.csproj"],
    usedBy: runsDotnet,
  },
  {
    what: "the compiler launcher's builds",
    path: ".synth",
    prefix: "synth-${{ runner.os }}-${{ runner.arch }}-",
    hashes: ["**/*.cs", "**/*.csproj", "tools/synth/**"],
    usedBy: runsLauncher,
  },
  {
    what: "the Pulumi plugins",
    path: "~/.pulumi/plugins",
    prefix: "pulumi-plugins-${{ runner.os }}-",
    hashes: ["Model/ProviderVersions.cs"],
    usedBy: runsProgram,
  },
];

/** Every string in a node, keys included. */
function strings(node) {
  if (typeof node === "string") return [node];
  if (Array.isArray(node)) return node.flatMap(strings);
  if (node && typeof node === "object") return Object.entries(node).flatMap(([k, v]) => [k, ...strings(v)]);
  return [];
}

/** The patterns of every hashFiles(...) in a text. */
function hashedPatterns(text) {
  const patterns = [];
  for (const call of String(text).matchAll(/hashFiles\(([^)]*)\)/g)) {
    for (const quoted of call[1].matchAll(/'([^']*)'/g)) patterns.push(quoted[1]);
  }
  return patterns;
}

/** A hashFiles glob as a regular expression: ** any directories, * and ? within one name. */
function glob(pattern) {
  let source = "^";
  for (let i = 0; i < pattern.length; i++) {
    if (pattern.startsWith("**/", i)) {
      source += "(?:.*/)?";
      i += 2;
    } else if (pattern.startsWith("**", i)) {
      source += ".*";
      i += 1;
    } else if (pattern[i] === "*") {
      source += "[^/]*";
    } else if (pattern[i] === "?") {
      source += "[^/]";
    } else {
      source += pattern[i].replace(/[.+^${}()|[\]\\]/g, "\\$&");
    }
  }
  return new RegExp(source + "$");
}

const triggers = (workflow) => {
  const on = workflow.on;
  if (typeof on === "string") return [on];
  if (Array.isArray(on)) return on;
  return on && typeof on === "object" ? Object.keys(on) : [];
};

/**
 * Checks parsed workflows against the rules above.
 * @param {Record<string, object>} workflows file name -> parsed workflow
 * @param {string[]} repositoryFiles every file of the repository, relative, with '/'
 * @returns {string[]} one message per broken rule, each starting with the file name
 */
function check(workflows, repositoryFiles) {
  const problems = [];
  const lockfiles = repositoryFiles.filter((f) => /^tools\/[^/]+\/package-lock\.json$/.test(f)).sort();

  for (const [file, workflow] of Object.entries(workflows)) {
    const report = (where, message) => problems.push(`${file}${where ? ` ${where}` : ""}: ${message}`);
    const on = triggers(workflow);
    const pullRequest = on.includes("pull_request");
    const jobs = workflow.jobs && typeof workflow.jobs === "object" ? workflow.jobs : {};

    if (on.includes("pull_request_target")) {
      report("", "pull_request_target runs a fork's code with this repository's secrets; use pull_request");
    }
    for (const pattern of new Set(hashedPatterns(JSON.stringify(workflow)))) {
      if (!repositoryFiles.some((f) => glob(pattern).test(f))) {
        report("", `hashFiles('${pattern}') matches no file, so that cache key never changes`);
      }
    }
    if (on.includes("schedule") && !on.includes("workflow_dispatch")) {
      report("on", "a scheduled workflow can also be run by hand: add workflow_dispatch");
    }
    const runnerLabelInputs = [workflow.on?.workflow_dispatch?.inputs, workflow.on?.workflow_call?.inputs].filter(Boolean);
    if (pullRequest && strings(workflow.env).some((s) => s.includes("secrets."))) {
      report("env", "a pull_request workflow gives secrets only to the steps that need them (guarded), not in env");
    }

    let pulumiSteps = 0;
    let osMatrix = false;
    for (const [name, job] of Object.entries(jobs)) {
      if (!Array.isArray(job.steps)) continue; // a call of a reusable workflow: checked in its own file
      const steps = job.steps;
      const at = (step) => `${name} step ${steps.indexOf(step) + 1} (${step.name || uses(step) || run(step).split("\n")[0]})`;

      // Node
      const setups = steps.filter((s) => usesAction(s, "actions/setup-node@"));
      for (const setup of setups) {
        if (String(setup.with?.["node-version"]) !== String(NODE_MAJOR)) {
          report(at(setup), `node-version is ${setup.with?.["node-version"]}; every workflow sets up Node ${NODE_MAJOR}`);
        }
      }
      for (const step of steps.filter(runsNode)) {
        const before = setups.filter((s) => steps.indexOf(s) < steps.indexOf(step) && (s.if === undefined || s.if === step.if));
        if (before.length === 0) {
          report(at(step), `runs node without actions/setup-node ${NODE_MAJOR} before it (under the same condition)`);
        }
        if (runsNpm(step) && !before.some((s) => s.with?.cache === "npm" && sameSet(lines(s.with?.["cache-dependency-path"]), lockfiles))) {
          report(at(step), `runs npm without setup-node's npm cache keyed on ${lockfiles.join(", ")}`);
        }
      }

      // Caches
      for (const cache of CACHES) {
        const firstUse = steps.findIndex(cache.usedBy);
        if (firstUse < 0) continue;
        const cacheSteps = steps.filter((s) => usesAction(s, "actions/cache@") && s.with?.path === cache.path);
        if (cacheSteps.length !== 1) {
          report(name, `uses ${cache.what} but has ${cacheSteps.length} actions/cache steps for ${cache.path} (one wanted)`);
          continue;
        }
        const [step] = cacheSteps;
        const key = String(step.with.key ?? "");
        if (steps.indexOf(step) > firstUse) report(at(step), `${cache.what} are restored after their first use`);
        if (!key.startsWith(cache.prefix)) report(at(step), `the key of ${cache.what} starts with '${cache.prefix}'`);
        const hashed = hashedPatterns(key);
        for (const pattern of cache.hashes) {
          if (!hashed.includes(pattern)) report(at(step), `the key of ${cache.what} hashes '${pattern}'`);
        }
      }

      // Forks
      if (pullRequest) {
        if (strings(job.env).some((s) => s.includes("secrets."))) {
          report(`${name} env`, "a pull_request job gives secrets only to the steps that need them (guarded), not in env");
        }
        let guarded = 0;
        for (const step of steps) {
          const needsTrust = CLOUD_ACTIONS.some((a) => usesAction(step, a)) || strings(step).some((s) => s.includes("secrets."));
          if (!needsTrust) continue;
          guarded++;
          if (step.if !== NOT_FROM_A_FORK && step.if !== PR_FROM_THIS_REPOSITORY) {
            report(at(step), `needs a secret, the OIDC token or the write token, so it must be skipped on a fork's pull request (if: ${NOT_FROM_A_FORK})`);
          }
        }
        if (guarded > 0) {
          const why = steps.find((s) => s.if === PR_FROM_A_FORK);
          if (!why || !run(why).includes("::notice ") || !run(why).includes("$GITHUB_STEP_SUMMARY")) {
            report(name, `skips steps on a fork's pull request but has no step (if: ${PR_FROM_A_FORK}) writing a ::notice and to $GITHUB_STEP_SUMMARY why`);
          }
        }
      }

      // Verify
      for (const step of steps.filter(runsVerify)) {
        const before = steps.slice(0, steps.indexOf(step));
        if (pullRequest) report(at(step), "runs verify on a pull request: it needs the clouds and the stack's secrets");
        if (typeof job["runs-on"] !== "string" || !job["runs-on"].includes(RUNNER_LABELS)) {
          report(name, `runs verify on ${JSON.stringify(job["runs-on"])}; the load balancer is internal, so runs-on must be \${{ ${RUNNER_LABELS} || ... ) }}`);
        }
        if (!runnerLabelInputs.some((i) => i["runner-labels"]?.type === "string")) {
          report("on", "runs verify but takes no runner-labels input (workflow_dispatch or workflow_call)");
        }
        for (const action of ["aws-actions/configure-aws-credentials@", "azure/login@"]) {
          if (!before.some((s) => usesAction(s, action))) report(at(step), `runs verify without ${action} before it`);
        }
        if (!/--outputs\b/.test(run(step))) {
          if (!before.some((s) => usesAction(s, "pulumi/actions@"))) {
            report(at(step), "runs verify without a pulumi/actions step before it to install the CLI and log in (or give --outputs)");
          }
          if (step.env?.PULUMI_CONFIG_PASSPHRASE !== "${{ secrets.PULUMI_CONFIG_PASSPHRASE }}") {
            report(at(step), "runs verify without env.PULUMI_CONFIG_PASSPHRASE, which `pulumi stack output --show-secrets` needs");
          }
        }
      }

      // Backend
      for (const step of steps.filter((s) => usesAction(s, "pulumi/actions@"))) {
        pulumiSteps++;
        if (String(step.with?.["pulumi-version"]) !== PULUMI_CLI) {
          report(at(step), `pulumi-version is ${JSON.stringify(step.with?.["pulumi-version"])}; it must be ${PULUMI_CLI}, the minimum for the component package`);
        }
        if (step.with?.["cloud-url"] !== BACKEND_URL) {
          report(at(step), `cloud-url is ${JSON.stringify(step.with?.["cloud-url"])}; it must be ${BACKEND_URL}`);
        }
        for (const secret of ["PULUMI_ACCESS_TOKEN", "PULUMI_CONFIG_PASSPHRASE"]) {
          if (step.env?.[secret] !== `\${{ secrets.${secret} }}`) report(at(step), `env.${secret} must be \${{ secrets.${secret} }}`);
        }
      }

      // OS matrix
      const oses = job.strategy?.matrix?.os;
      if (Array.isArray(oses) && OSES.every((os) => oses.includes(os)) && job["runs-on"] === "${{ matrix.os }}") {
        const has = (command, condition) => steps.some((s) => run(s).trim() === command && s.if === condition);
        if (has(UNIX_LAUNCHER, "runner.os != 'Windows'") && has(WINDOWS_LAUNCHER, "runner.os == 'Windows'") && has(TEST_SUITE, "runner.os != 'Linux'")) {
          osMatrix = true;
        } else {
          report(name, `an OS matrix job runs '${UNIX_LAUNCHER}' (if: runner.os != 'Windows'), '${WINDOWS_LAUNCHER}' (if: runner.os == 'Windows') and '${TEST_SUITE}' (if: runner.os != 'Linux')`);
        }
      }
    }

    if (pulumiSteps > 0) {
      const inputs = [workflow.on?.workflow_dispatch?.inputs, workflow.on?.workflow_call?.inputs].filter(Boolean);
      if (!inputs.some((i) => i["backend-url"]?.type === "string")) {
        report("on", "runs Pulumi but takes no backend-url input (workflow_dispatch or workflow_call)");
      }
    }
    if (pullRequest && !osMatrix) {
      report("jobs", `a pull_request workflow tests on ${OSES.join(", ")} (strategy.matrix.os, runs-on: \${{ matrix.os }})`);
    }
  }
  return problems;
}

function lines(value) {
  return String(value ?? "").split("\n").map((l) => l.trim()).filter(Boolean).sort();
}

function sameSet(a, b) {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

module.exports = { PULUMI_CLI, check, glob, hashedPatterns, NODE_MAJOR, NOT_FROM_A_FORK, PR_FROM_A_FORK, BACKEND_URL, RUNNER_LABELS };
