#!/usr/bin/env node
// Type-checks a synthesized Pulumi YAML program against the published provider SDK typings:
// every resource's properties against its <Type>Args interface, every fn::invoke's arguments
// against its <Function>Args, every ${resource.output} against the resource class. Expressions
// count as unknown values (assignable to anything). With --package DIR (a Pulumi YAML component
// package, e.g. otel-components), each template's resources are checked the same way, an input
// reference counting as its declared type, and each component instance's properties against the
// template's declared inputs. Exit 1 on any finding, 2 on bad usage.
"use strict";
const fs = require("fs");
const path = require("path");
const ts = require("typescript");
const YAML = require("yaml");

const PACKAGES = { aws: "aws", "azure-native": "azure_native", random: "random" };

/** "aws:ssm:Parameter" -> "aws.ssm.Parameter"; "random:RandomString" -> "random.RandomString". */
function typeExpression(token) {
  const parts = token.split(":");
  if (parts[0] === "pulumi" && parts[1] === "providers") {
    return `${namespaceOf(parts[2], token)}.Provider`;
  }
  const ns = namespaceOf(parts[0], token);
  if (parts.length === 2) return `${ns}.${parts[1]}`;
  const module = parts[1].split("/")[0];
  return module === "index" ? `${ns}.${parts[2]}` : `${ns}.${module}.${parts[2]}`;
}

function namespaceOf(pkg, token) {
  const ns = PACKAGES[pkg];
  if (!ns) throw new Error(`unknown provider package '${pkg}' in '${token}'`);
  return ns;
}

/** "aws:kms:getAlias" -> ["aws.kms.GetAliasArgs", "aws.kms.GetAliasResult"]. */
function invokeTypes(token) {
  const base = typeExpression(token);
  const dot = base.lastIndexOf(".");
  const name = base.slice(dot + 1);
  const prefix = base.slice(0, dot + 1) + name[0].toUpperCase() + name.slice(1);
  return [`${prefix}Args`, `${prefix}Result`];
}

// As Pulumi YAML scans a string (pulumi-yaml ast/interpolation.go): "$$" is a literal "$" anywhere,
// "${" opens a reference up to the next "}".
function references(text) {
  const found = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== "$") continue;
    if (text[i + 1] === "$") { i++; continue; }
    if (text[i + 1] !== "{") continue;
    const close = text.indexOf("}", i + 2);
    if (close < 0) break;
    found.push(text.slice(i + 2, close));
    i = close;
  }
  return found;
}

/** A component package folder: its name (PulumiPlugin.yaml) and every template under `components:`. */
function loadPackage(dir) {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(".yaml")).sort();
  const plugin = YAML.parse(fs.readFileSync(path.join(dir, "PulumiPlugin.yaml"), "utf8"));
  const templates = {};
  for (const file of files) Object.assign(templates, YAML.parse(fs.readFileSync(path.join(dir, file), "utf8")).components || {});
  return { name: plugin.name, templates };
}

// pulumi-yaml's input types (ast/template.go parseTypeSpec) as TypeScript types.
function inputType(spec) {
  switch (spec.type) {
    case "string": return "string";
    case "integer": return "number";
    case "boolean": return "boolean";
    case "array": return `${inputType(spec.items)}[]`;
    default: throw new Error(`unknown input type '${spec.type}'`);
  }
}

class Generator {
  constructor(program, pkg, inputs) {
    this.program = program;
    this.pkg = pkg;
    this.inputs = inputs || {};
    this.lines = ['import * as aws from "@pulumi/aws";', 'import * as azure_native from "@pulumi/azure-native";', 'import * as random from "@pulumi/random";',
      "declare function __unknown(): any;", "declare function __json(value: unknown): string;",
      "declare function __join(value: [string, unknown[]]): string;"];
    this.counter = 0;
    this.resources = program.resources || {};
  }

  generate() {
    for (const [name, resource] of Object.entries(this.resources)) {
      this.where = `resource '${name}' (${resource.type})`;
      if (this.pkg && resource.type === `pulumi:providers:${this.pkg.name}`) continue; // the package itself: no typings
      if (this.pkg && resource.type.startsWith(`${this.pkg.name}:index:`)) {
        this.instance(name, resource);
        continue;
      }
      const body = this.value(resource.properties || {}, "  "); // may add invoke and reference checks first
      this.lines.push(`// ${this.where}`);
      this.lines.push(`const r${++this.counter}: ${typeExpression(resource.type)}Args = ${body};`);
    }
    for (const [name, value] of Object.entries(this.program.outputs || {})) {
      this.where = `output '${name}'`;
      const body = this.value(value, "  ");
      this.lines.push(`// ${this.where}`);
      this.lines.push(`const o${++this.counter} = ${body};`);
    }
    return this.lines.join("\n") + "\n";
  }

  /** An instance's properties against its template's declared inputs (missing, undeclared, wrong type). */
  instance(name, resource) {
    const templateName = resource.type.split(":")[2];
    const template = this.pkg.templates[templateName];
    if (!template) throw new Error(`${this.where}: the package has no template ${templateName}`);
    const fields = Object.entries(template.inputs || {}).map(([k, spec]) => `  ${JSON.stringify(k)}: ${inputType(spec)};`);
    const body = this.value(resource.properties || {}, "  ");
    this.lines.push(`// ${this.where}`);
    this.lines.push(`const r${++this.counter}: {\n${fields.join("\n")}\n} = ${body};`);
  }

  value(node, indent) {
    if (node === null || node === undefined) return "undefined";
    if (typeof node === "string") return this.string(node);
    if (typeof node === "number" || typeof node === "boolean") return JSON.stringify(node);
    if (Array.isArray(node)) return `[${node.map((item) => this.value(item, indent)).join(", ")}]`;
    const keys = Object.keys(node);
    if (keys.length === 1 && keys[0].startsWith("fn::")) return this.func(keys[0], node[keys[0]], indent);
    const fields = keys.map((key) => `${indent}${JSON.stringify(key)}: ${this.value(node[key], indent + "  ")}`);
    return fields.length === 0 ? "{}" : `{\n${fields.join(",\n")}\n${indent.slice(2)}}`;
  }

  string(text) {
    const refs = references(text);
    if (refs.length === 1 && text === `\${${refs[0]}}` && this.inputs[refs[0]]) {
      // A string input may fill an enum: pulumi-yaml (analyser.go isAssignable) checks only the enum's
      // element type for a value that is not a literal; the literal itself is checked in the flat program.
      const type = inputType(this.inputs[refs[0]]);
      return type === "string" ? "__unknown()" : `(undefined as unknown as ${type})`;
    }
    if (refs.length === 0) return JSON.stringify(text.replaceAll("$${", "${"));
    for (const ref of refs) this.reference(ref);
    return "__unknown()";
  }

  reference(ref) {
    const [head, property] = ref.split(/[.[]/);
    const target = this.resources[head];
    if (!target || property === undefined) return; // config keys, inputs and whole-resource references
    if (this.pkg && target.type.startsWith(`${this.pkg.name}:index:`)) return; // component outputs are untyped
    this.lines.push(`type t${++this.counter} = ${typeExpression(target.type)}[${JSON.stringify(property)}]; // \${${ref}} in ${this.where}`);
  }

  func(name, argument, indent) {
    switch (name) {
      case "fn::secret":
        return this.value(argument, indent);
      case "fn::toJSON":
        return `__json(${this.value(argument, indent)})`;
      case "fn::join":
        return `__join(${this.value(argument, indent)})`;
      case "fn::invoke": {
        const [argsType, resultType] = invokeTypes(argument.function);
        this.lines.push(`// fn::invoke ${argument.function} in ${this.where}`);
        if (argument.arguments === undefined) {
          // No arguments block: the function must be callable without one (getClientConfig takes none; its SDK has no Args type).
          this.lines.push(`const i${++this.counter} = ${typeExpression(argument.function)}();`);
        } else {
          this.lines.push(`const i${++this.counter}: ${argsType} = ${this.value(argument.arguments, "  ")};`);
        }
        if (argument.return) this.lines.push(`type t${++this.counter} = ${resultType}[${JSON.stringify(argument.return)}];`);
        return "__unknown()";
      }
      default:
        return "__unknown()";
    }
  }
}

/** Checks programs in one TypeScript compilation (the typings load once); returns findings per file. */
function checkAll(programPaths, packageDir) {
  const outDir = fs.mkdtempSync(path.join(__dirname, "generated-"));
  try {
    const pkg = packageDir ? loadPackage(packageDir) : undefined;
    const sources = programPaths.map((programPath) => ({ programPath, source: new Generator(YAML.parse(fs.readFileSync(programPath, "utf8")), pkg).generate() }));
    // Each template is checked once, as a program of its resources whose inputs have their declared types.
    for (const [name, template] of Object.entries(pkg ? pkg.templates : {})) {
      const generator = new Generator({ resources: template.resources, outputs: template.outputs }, pkg, template.inputs);
      sources.push({ programPath: `${packageDir}#${name}`, source: generator.generate() });
    }
    const generated = sources.map(({ programPath, source }, index) => {
      const file = path.join(outDir, `program${index}.ts`);
      fs.writeFileSync(file, source);
      return { programPath, file: path.resolve(file), lines: source.split("\n") };
    });
    const tsProgram = ts.createProgram(generated.map((g) => g.file), {
      strict: true, noEmit: true, skipLibCheck: true, target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10, types: [],
    });
    const findings = new Map(generated.map((g) => [g.programPath, []]));
    for (const d of ts.getPreEmitDiagnostics(tsProgram)) {
      const message = ts.flattenDiagnosticMessageText(d.messageText, "\n  ");
      const owner = d.file && generated.find((g) => path.resolve(d.file.fileName) === g.file);
      if (!owner) {
        for (const list of findings.values()) list.push(message);
        continue;
      }
      const { line } = d.file.getLineAndCharacterOfPosition(d.start);
      let context = line;
      while (context > 0 && !owner.lines[context].startsWith("// ")) context--;
      const inline = owner.lines[line].match(/\/\/ (.*)$/);
      findings.get(owner.programPath).push(`${inline ? inline[1] : owner.lines[context].slice(3)}: ${message}`);
    }
    return findings;
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}

function main(argv) {
  let packageDir;
  if (argv[0] === "--package") {
    packageDir = argv[1];
    argv = argv.slice(2);
  }
  if (argv.length === 0 || (packageDir !== undefined && !fs.existsSync(path.join(packageDir, "PulumiPlugin.yaml")))) {
    console.error("usage: node check.js [--package COMPONENT_PACKAGE_DIR] PROGRAM.yaml [PROGRAM.yaml ...]  (programs from 'synth --out')");
    return 2;
  }
  const missing = argv.find((file) => !fs.existsSync(file));
  if (missing) {
    console.error(`error: ${missing} does not exist; write it with: dotnet run --project Infra.csproj -- synth --stack NAME --out ${missing}`);
    return 2;
  }
  let failed = 0;
  for (const [file, findings] of checkAll(argv, packageDir)) {
    if (findings.length === 0) {
      console.log(`${file}: every resource, invoke and reference matches the provider typings`);
    } else {
      failed++;
      console.error(`${file}: ${findings.length} finding(s)`);
      for (const finding of findings) console.error(`- ${finding}`);
    }
  }
  return failed === 0 ? 0 : 1;
}

module.exports = { checkAll, typeExpression, invokeTypes };
if (require.main === module) process.exitCode = main(process.argv.slice(2));
