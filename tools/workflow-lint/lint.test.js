// The workflow rules (policy.js) pass on the checked-in workflows and fail on each way of breaking one.
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const fs = require("fs");
const path = require("path");
const YAML = require("yaml");
const { check, glob, NOT_FROM_A_FORK } = require("./policy");

const root = path.resolve(__dirname, "../..");
const directory = path.join(root, ".github", "workflows");
const load = () =>
  Object.fromEntries(
    fs.readdirSync(directory).filter((f) => /\.ya?ml$/.test(f)).sort()
      .map((f) => [f, YAML.parse(fs.readFileSync(path.join(directory, f), "utf8"))]),
  );
// Enough of the repository for the rules: what the hashFiles patterns and the npm cache refer to.
const files = [
  "Infra.csproj", "Program.cs", "Model/ProviderVersions.cs", "tests/Infra.Tests.csproj",
  "instrumentation/Directory.Build.props", "tools/synth/compile", "tools/synth/SynthInputs.targets",
  "tools/schema-check/package-lock.json", "tools/workflow-lint/package-lock.json",
];
const step = (workflow, job, predicate) => {
  const found = workflow.jobs[job].steps.find(predicate);
  assert.ok(found, `no such step in ${job}`);
  return found;
};
const withPath = (p) => (s) => s.uses?.startsWith("actions/cache@") && s.with?.path === p;
const pulumi = (s) => s.uses?.startsWith("pulumi/actions@");

/** Applies one change to fresh copies of the workflows; returns the problems. */
function broken(change) {
  const workflows = load();
  change(workflows);
  return check(workflows, files);
}

function assertProblem(problems, pattern) {
  assert.ok(problems.some((p) => pattern.test(p)), `expected a problem matching ${pattern}, got:\n${problems.join("\n") || "(none)"}`);
}

test("the checked-in workflows keep every rule", () => {
  assert.deepStrictEqual(check(load(), files), []);
});

test("a job that runs the launcher without the .synth cache fails", () => {
  const problems = broken((w) => {
    w["preview.yml"].jobs.test.steps = w["preview.yml"].jobs.test.steps.filter((s) => !withPath(".synth")(s));
  });
  assertProblem(problems, /^preview\.yml test: uses the compiler launcher's builds but has 0 actions\/cache steps for \.synth/);
});

test("a .synth key that does not hash the sources fails", () => {
  const problems = broken((w) => {
    step(w["up.yml"], "up", withPath(".synth")).with.key = "synth-${{ runner.os }}-${{ runner.arch }}-${{ hashFiles('tools/synth/**') }}";
  });
  assertProblem(problems, /^up\.yml up step \d+ .*hashes '\*\*\/\*\.cs'/);
});

test("a NuGet cache restored after the first dotnet command fails", () => {
  const problems = broken((w) => {
    const steps = w["deploy.yml"].jobs.test.steps;
    const cache = steps.find(withPath("~/.nuget/packages"));
    steps.splice(steps.indexOf(cache), 1);
    steps.push(cache);
  });
  assertProblem(problems, /^deploy\.yml test step \d+ .*NuGet packages are restored after their first use/);
});

test("a Pulumi step without the plugin cache fails", () => {
  const problems = broken((w) => {
    w["up.yml"].jobs.up.steps = w["up.yml"].jobs.up.steps.filter((s) => !withPath("~/.pulumi/plugins")(s));
  });
  assertProblem(problems, /^up\.yml up: uses the Pulumi plugins but has 0/);
});

test("a hashFiles pattern that matches no file fails", () => {
  const problems = broken((w) => {
    step(w["up.yml"], "up", withPath("~/.pulumi/plugins")).with.key = "pulumi-plugins-${{ runner.os }}-${{ hashFiles('Model/Versions.cs') }}";
  });
  assertProblem(problems, /^up\.yml: hashFiles\('Model\/Versions\.cs'\) matches no file/);
});

test("npm without the cache on every tools lockfile fails", () => {
  const problems = broken((w) => {
    step(w["deploy.yml"], "test", (s) => s.uses?.startsWith("actions/setup-node@")).with["cache-dependency-path"] = "tools/schema-check/package-lock.json";
  });
  assertProblem(problems, /^deploy\.yml test step \d+ .*runs npm without setup-node's npm cache/);
});

test("a cloud step that runs on a fork's pull request fails", () => {
  for (const uses of ["aws-actions/configure-aws-credentials@", "azure/login@", "pulumi/actions@"]) {
    const problems = broken((w) => {
      delete step(w["preview.yml"], "preview", (s) => s.uses?.startsWith(uses)).if;
    });
    assertProblem(problems, /^preview\.yml preview step \d+ .*must be skipped on a fork's pull request/);
  }
});

test("a step that reads a secret on a fork's pull request fails", () => {
  const problems = broken((w) => {
    w["preview.yml"].jobs.preview.steps.push({ run: "echo ${{ secrets.PULUMI_ACCESS_TOKEN }} | wc -c" });
  });
  assertProblem(problems, /^preview\.yml preview step \d+ .*must be skipped on a fork's pull request/);
});

test("a secret in a pull_request job's env fails", () => {
  const problems = broken((w) => {
    w["preview.yml"].jobs.preview.env.PULUMI_ACCESS_TOKEN = "${{ secrets.PULUMI_ACCESS_TOKEN }}";
  });
  assertProblem(problems, /^preview\.yml preview env: /);
});

test("skipping the preview for a fork without saying why fails", () => {
  const problems = broken((w) => {
    const why = step(w["preview.yml"], "preview", (s) => s.run?.includes("::notice "));
    why.run = why.run.replace("::notice ", "");
  });
  assertProblem(problems, /^preview\.yml preview: skips steps on a fork's pull request but has no step/);
});

test("pull_request_target fails", () => {
  const problems = broken((w) => {
    w["preview.yml"].on.pull_request_target = w["preview.yml"].on.pull_request;
  });
  assertProblem(problems, /^preview\.yml: pull_request_target/);
});

test("a Pulumi step that ignores the backend input fails", () => {
  const problems = broken((w) => {
    step(w["up.yml"], "up", pulumi).with["cloud-url"] = "${{ vars.PULUMI_BACKEND_URL }}";
  });
  assertProblem(problems, /^up\.yml up step \d+ .*cloud-url is/);
});

test("a Pulumi step without the passphrase fails", () => {
  const problems = broken((w) => {
    delete step(w["preview.yml"], "preview", pulumi).env.PULUMI_CONFIG_PASSPHRASE;
  });
  assertProblem(problems, /env\.PULUMI_CONFIG_PASSPHRASE must be/);
});

test("a workflow that runs Pulumi without the backend-url input fails", () => {
  const problems = broken((w) => {
    delete w["up.yml"].on.workflow_call.inputs["backend-url"];
  });
  assertProblem(problems, /^up\.yml on: runs Pulumi but takes no backend-url input/);
});

test("a pull request workflow without Windows in its OS matrix fails", () => {
  const problems = broken((w) => {
    w["preview.yml"].jobs.test.strategy.matrix.os = ["ubuntu-latest", "macos-latest"];
  });
  assertProblem(problems, /^preview\.yml jobs: a pull_request workflow tests on ubuntu-latest, windows-latest, macos-latest/);
});

test("an OS matrix that runs the Unix launcher on Windows fails", () => {
  const problems = broken((w) => {
    delete step(w["preview.yml"], "test", (s) => s.run === "tools/synth/compile --stack dev --out program.yaml").if;
  });
  assertProblem(problems, /^preview\.yml test: an OS matrix job runs/);
});

test("Node other than 22, or node without setup-node, fails", () => {
  let problems = broken((w) => {
    step(w["deploy.yml"], "test", (s) => s.uses?.startsWith("actions/setup-node@")).with["node-version"] = 20;
  });
  assertProblem(problems, /^deploy\.yml test step \d+ .*node-version is 20/);
  problems = broken((w) => {
    delete step(w["preview.yml"], "test", (s) => s.uses?.startsWith("actions/setup-node@")).if;
    step(w["preview.yml"], "test", (s) => s.uses?.startsWith("actions/setup-node@")).if = "runner.os == 'Windows'";
  });
  assertProblem(problems, /^preview\.yml test step \d+ .*runs node without actions\/setup-node 22/);
});

const verify = (s) => /instrumentation\/verify/.test(s.run ?? "");

test("a Pulumi step that only reads outputs needs no launcher or plugin cache; one that runs the program does", () => {
  assert.deepStrictEqual(broken(() => {}).filter((p) => p.startsWith("canary.yml")), []);
  const problems = broken((w) => {
    step(w["canary.yml"], "canary", pulumi).with.command = "preview";
  });
  assertProblem(problems, /^canary\.yml canary: uses the compiler launcher's builds but has 0 actions\/cache steps for \.synth/);
  assertProblem(problems, /^canary\.yml canary: uses the Pulumi plugins but has 0/);
});

test("the canary restores NuGet packages before dotnet runs verify", () => {
  const problems = broken((w) => {
    w["canary.yml"].jobs.canary.steps = w["canary.yml"].jobs.canary.steps.filter((s) => !withPath("~/.nuget/packages")(s));
  });
  assertProblem(problems, /^canary\.yml canary: uses NuGet packages but has 0 actions\/cache steps/);
});

test("verify on a runner not chosen by the runner-labels input or VERIFY_RUNNER_LABELS fails", () => {
  for (const file of ["canary.yml", "up.yml"]) {
    const job = file === "canary.yml" ? "canary" : "up";
    const problems = broken((w) => {
      w[file].jobs[job]["runs-on"] = "ubuntu-latest";
    });
    assertProblem(problems, new RegExp(`^${file.replace(".", "\\.")} ${job}: runs verify on "ubuntu-latest"; the load balancer is internal`));
  }
  const problems = broken((w) => {
    delete w["canary.yml"].on.workflow_dispatch.inputs["runner-labels"];
  });
  assertProblem(problems, /^canary\.yml on: runs verify but takes no runner-labels input/);
});

test("verify before the cloud logins, or without the Pulumi login and passphrase, fails", () => {
  let problems = broken((w) => {
    const steps = w["up.yml"].jobs.up.steps;
    const check = steps.find(verify);
    steps.splice(steps.indexOf(check), 1);
    steps.splice(steps.findIndex((s) => s.uses?.startsWith("azure/login@")), 0, check);
  });
  assertProblem(problems, /^up\.yml up step \d+ .*runs verify without azure\/login@ before it/);
  assertProblem(problems, /^up\.yml up step \d+ .*runs verify without a pulumi\/actions step before it/);
  problems = broken((w) => {
    delete step(w["canary.yml"], "canary", verify).env.PULUMI_CONFIG_PASSPHRASE;
  });
  assertProblem(problems, /^canary\.yml canary step \d+ .*runs verify without env\.PULUMI_CONFIG_PASSPHRASE/);
  // With an outputs file verify needs neither the Pulumi step nor the passphrase.
  problems = broken((w) => {
    const s = step(w["canary.yml"], "canary", verify);
    delete s.env.PULUMI_CONFIG_PASSPHRASE;
    s.run = s.run.replace("--stack", "--outputs outputs.json --stack");
  });
  assert.deepStrictEqual(problems, []);
});

test("verify on a pull request fails", () => {
  const problems = broken((w) => {
    w["preview.yml"].jobs.preview.steps.push({
      if: NOT_FROM_A_FORK,
      run: "dotnet run --project instrumentation/verify -- --stack dev --outputs o.json",
    });
  });
  assertProblem(problems, /^preview\.yml preview step \d+ .*runs verify on a pull request/);
});

test("a scheduled workflow that cannot be run by hand fails", () => {
  const problems = broken((w) => {
    delete w["canary.yml"].on.workflow_dispatch;
  });
  assertProblem(problems, /^canary\.yml on: a scheduled workflow can also be run by hand/);
});

test("hashFiles globs match as GitHub's do", () => {
  assert.ok(glob("**/*.cs").test("Program.cs"));
  assert.ok(glob("**/*.cs").test("Model/ProviderVersions.cs"));
  assert.ok(!glob("**/*.cs").test("Model/ProviderVersions.csproj"));
  assert.ok(glob("tools/synth/**").test("tools/synth/compile"));
  assert.ok(!glob("tools/synth/**").test("tools/synthesis/compile"));
  assert.ok(!glob("Model/*.cs").test("Model/Sub/X.cs"));
  assert.strictEqual(NOT_FROM_A_FORK.includes("head.repo.full_name == github.repository"), true);
});

test("a Pulumi step without the minimum CLI for the component package fails", () => {
  const problems = broken((w) => {
    delete step(w["up.yml"], "up", pulumi).with["pulumi-version"];
  });
  assertProblem(problems, /^up\.yml up step \d+ .*pulumi-version is undefined; it must be 3\.248\.0/);
});
