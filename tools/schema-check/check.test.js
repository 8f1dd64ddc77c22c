// The checker must fail on what `pulumi preview` would refuse; each test breaks one thing.
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { checkAll, typeExpression, invokeTypes } = require("./check.js");

const VALID = `
resources:
  parameter:
    type: aws:ssm:Parameter
    properties:
      name: /p/x
      type: String
      insecureValue: "a $\${literal} value"
      tier: Standard
  suffix:
    type: random:RandomString
    properties:
      length: 6
  group:
    type: azure-native:resources:ResourceGroup
    properties:
      location: westeurope
      resourceGroupName: rg-\${suffix.result}
  key-policy:
    type: aws:iam:RolePolicy
    properties:
      role: some-role
      policy:
        fn::toJSON:
          Resource:
            - fn::invoke:
                function: aws:kms:getAlias
                arguments:
                  name: alias/aws/ssm
                return: targetKeyArn
outputs:
  parameterArn: \${parameter.arn}
`;

function findings(yaml) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "schema-check-")), "program.yaml");
  fs.writeFileSync(file, yaml);
  return checkAll([file]).get(file);
}

test("a valid program has no findings", () => {
  assert.deepStrictEqual(findings(VALID), []);
});

test("a misspelled property fails", () => {
  const result = findings(VALID.replace("insecureValue:", "insecureValu:"));
  assert.strictEqual(result.length, 1);
  assert.match(result[0], /^resource 'parameter' \(aws:ssm:Parameter\): .*'"insecureValu"' does not exist in type 'ParameterArgs'/);
});

test("a missing required input fails", () => {
  const result = findings(VALID.replace("      type: String\n", ""));
  assert.strictEqual(result.length, 1);
  assert.match(result[0], /^resource 'parameter' \(aws:ssm:Parameter\): Property 'type' is missing/);
});

test("a literal of the wrong type fails", () => {
  const result = findings(VALID.replace("length: 6", "length: six"));
  assert.strictEqual(result.length, 1);
  assert.match(result[0], /^resource 'suffix' \(random:RandomString\): Type 'string' is not assignable to type 'Input<number>'/);
});

test("a reference to an output the resource lacks fails", () => {
  const result = findings(VALID.replace("${suffix.result}", "${suffix.reslt}"));
  assert.strictEqual(result.length, 1);
  assert.match(result[0], /\$\{suffix\.reslt\}.*Property 'reslt' does not exist on type 'RandomString'/);
});

test("an invoke with a wrong argument or return property fails", () => {
  assert.match(findings(VALID.replace("name: alias/aws/ssm", "nme: alias/aws/ssm")).join("\n"), /^fn::invoke aws:kms:getAlias in resource 'key-policy' \(aws:iam:RolePolicy\): .*'"nme"' does not exist in type 'GetAliasArgs'/);
  assert.match(findings(VALID.replace("return: targetKeyArn", "return: targetKeyArm")).join("\n"), /Property 'targetKeyArm' does not exist on type 'GetAliasResult'/);
});

test("type tokens map to the SDK's classes", () => {
  assert.strictEqual(typeExpression("aws:ssm:Parameter"), "aws.ssm.Parameter");
  assert.strictEqual(typeExpression("aws:ssm/parameter:Parameter"), "aws.ssm.Parameter");
  assert.strictEqual(typeExpression("random:RandomString"), "random.RandomString");
  assert.strictEqual(typeExpression("random:index/randomString:RandomString"), "random.RandomString");
  assert.strictEqual(typeExpression("pulumi:providers:azure-native"), "azure_native.Provider");
  assert.deepStrictEqual(invokeTypes("aws:kms:getAlias"), ["aws.kms.GetAliasArgs", "aws.kms.GetAliasResult"]);
});

test("a reference after a literal dollar is checked; an escaped one is not", () => {
  // "$$" is one literal "$": in "rg-$$${suffix.reslt}" the reference is live, in "rg-$$$${suffix.reslt}" it is not.
  // A function replacement: a replacement string would itself read "$$" as "$".
  const live = findings(VALID.replace("rg-${suffix.result}", () => "rg-$$${suffix.reslt}"));
  assert.strictEqual(live.length, 1);
  assert.match(live[0], /Property 'reslt' does not exist on type 'RandomString'/);
  assert.deepStrictEqual(findings(VALID.replace("rg-${suffix.result}", () => "rg-$$$${suffix.reslt}")), []);
});

test("an invoke without arguments must name a function that takes none", () => {
  const clientConfig = `
resources:
  vault:
    type: azure-native:keyvault:Vault
    properties:
      resourceGroupName: rg
      properties:
        sku: { family: A, name: standard }
        tenantId:
          fn::invoke:
            function: azure-native:authorization:getClientConfig
            return: tenantId
`;
  assert.deepStrictEqual(findings(clientConfig), []);
  assert.match(findings(clientConfig.replace("return: tenantId", "return: tenant")).join("\n"), /Property 'tenant' does not exist on type 'GetClientConfigResult'/);
  const aliasWithoutName = VALID.replace("                arguments:\n                  name: alias/aws/ssm\n", "");
  assert.match(findings(aliasWithoutName).join("\n"), /^fn::invoke aws:kms:getAlias in resource 'key-policy' \(aws:iam:RolePolicy\): Expected 1-2 arguments, but got 0/);
});

test("fn::join takes a delimiter and a list, and the invokes inside it are checked", () => {
  const join = `
resources:
  assignment:
    type: azure-native:authorization:RoleAssignment
    properties:
      principalId: 00000000-0000-4000-8000-000000000001
      scope: /subscriptions/x
      roleDefinitionId:
        fn::join:
          - ""
          - - /subscriptions/
            - fn::invoke:
                function: azure-native:authorization:getClientConfig
                return: subscriptionId
            - /providers/Microsoft.Authorization/roleDefinitions/4633458b-17de-408a-b874-0445c86b69e6
`;
  assert.deepStrictEqual(findings(join), []);
  assert.match(findings(join.replace("return: subscriptionId", "return: subscription")).join("\n"), /Property 'subscription' does not exist on type 'GetClientConfigResult'/);
  assert.notDeepStrictEqual(findings(join.replace('          - ""\n', "")), []);
});

// A component package of one template, and a program with one instance of it.
function packageFindings(template, instanceProperties) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "schema-check-package-"));
  fs.writeFileSync(path.join(dir, "PulumiPlugin.yaml"), "name: otel\nruntime: yaml\n");
  fs.writeFileSync(path.join(dir, "suffix.yaml"), template);
  const program = path.join(dir, "..", `${path.basename(dir)}-program.yaml`);
  fs.writeFileSync(program, `resources:\n  suffix:\n    type: otel:index:Suffix\n    properties:\n${instanceProperties}`);
  return [...checkAll([program], dir).values()].flat();
}

const TEMPLATE = `components:
  Suffix:
    inputs:
      length:
        type: integer
      prefix:
        type: string
    resources:
      suffix:
        type: random:RandomString
        properties:
          length: \${length}
          special: false
    outputs:
      result: \${suffix.result}
`;

test("a component instance and its template that match the typings have no findings", () => {
  assert.deepStrictEqual(packageFindings(TEMPLATE, "      length: 6\n      prefix: a\n"), []);
});

test("an instance missing, mistyping or adding an input fails", () => {
  assert.match(packageFindings(TEMPLATE, "      length: 6\n").join("\n"), /Property '"prefix"' is missing/);
  assert.match(packageFindings(TEMPLATE, "      length: six\n      prefix: a\n").join("\n"), /Type 'string' is not assignable to type 'number'/);
  assert.match(packageFindings(TEMPLATE, "      length: 6\n      prefix: a\n      extra: b\n").join("\n"), /'"extra"' does not exist/);
});

test("a template resource that misuses an input's type or misspells a property fails", () => {
  assert.match(packageFindings(TEMPLATE.replace("length: ${length}", "length: ${prefix}").replace("type: string", "type: boolean"), "      length: 6\n      prefix: true\n").join("\n"),
    /^resource 'suffix' \(random:RandomString\): Type 'boolean' is not assignable to type 'Input<number>'/);
  assert.match(packageFindings(TEMPLATE.replace("special: false", "specal: false"), "      length: 6\n      prefix: a\n").join("\n"), /'"specal"' does not exist in type 'RandomStringArgs'/);
});
