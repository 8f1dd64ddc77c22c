import * as aws from "@pulumi/aws";
import * as azure_native from "@pulumi/azure-native";
import * as random from "@pulumi/random";
declare function __unknown(): any;
declare function __json(value: unknown): string;
// resource 'aws-provider' (pulumi:providers:aws)
const r1: aws.ProviderArgs = {};
// resource 'azure-native-provider' (pulumi:providers:azure-native)
const r2: azure_native.ProviderArgs = {};
// resource 'random-provider' (pulumi:providers:random)
const r3: random.ProviderArgs = {};
