import * as aws from "@pulumi/aws";
import * as azure_native from "@pulumi/azure-native";
import * as random from "@pulumi/random";
declare function __unknown(): any;
declare function __json(value: unknown): string;
// resource 'azure-name-suffix' (random:RandomString)
const r1: random.RandomStringArgs = {
  "length": 6,
  "special": false,
  "upper": false
};
// resource 'resource-group' (azure-native:resources:ResourceGroup)
type t3 = random.RandomString["result"]; // ${azure-name-suffix.result} in resource 'resource-group' (azure-native:resources:ResourceGroup)
const r2: azure_native.resources.ResourceGroupArgs = {
  "resourceGroupName": __unknown(),
  "location": "westeurope",
  "tags": {
    "managed-by": "pulumi",
    "project": "otel-multicloud",
    "stack": "dev"
  }
};
// resource 'log-analytics-workspace' (azure-native:operationalinsights:Workspace)
type t5 = azure_native.resources.ResourceGroup["name"]; // ${resource-group.name} in resource 'log-analytics-workspace' (azure-native:operationalinsights:Workspace)
type t6 = random.RandomString["result"]; // ${azure-name-suffix.result} in resource 'log-analytics-workspace' (azure-native:operationalinsights:Workspace)
const r4: azure_native.operationalinsights.WorkspaceArgs = {
  "resourceGroupName": __unknown(),
  "workspaceName": __unknown(),
  "location": "westeurope",
  "sku": {
    "name": "PerGB2018"
  },
  "retentionInDays": 30,
  "tags": {
    "managed-by": "pulumi",
    "project": "otel-multicloud",
    "stack": "dev"
  }
};
// resource 'application-insights' (azure-native:applicationinsights:Component)
type t8 = azure_native.resources.ResourceGroup["name"]; // ${resource-group.name} in resource 'application-insights' (azure-native:applicationinsights:Component)
type t9 = random.RandomString["result"]; // ${azure-name-suffix.result} in resource 'application-insights' (azure-native:applicationinsights:Component)
type t10 = azure_native.operationalinsights.Workspace["id"]; // ${log-analytics-workspace.id} in resource 'application-insights' (azure-native:applicationinsights:Component)
const r7: azure_native.applicationinsights.ComponentArgs = {
  "resourceGroupName": __unknown(),
  "resourceName": __unknown(),
  "location": "westeurope",
  "kind": "web",
  "applicationType": "web",
  "workspaceResourceId": __unknown(),
  "ingestionMode": "LogAnalytics",
  "disableLocalAuth": false,
  "tags": {
    "managed-by": "pulumi",
    "project": "otel-multicloud",
    "stack": "dev"
  }
};
// resource 'otel-collector-config' (aws:ssm:Parameter)
const r11: aws.ssm.ParameterArgs = {
  "name": "/otel-multicloud/dev/otel-collector-config",
  "type": "String",
  "insecureValue": "receivers:\n  otlp:\n    protocols:\n      grpc:\n        endpoint: 0.0.0.0:4317\n      http:\n        endpoint: 0.0.0.0:4318\nprocessors:\n  memory_limiter:\n    check_interval: 1s\n    limit_percentage: 80\n    spike_limit_percentage: 20\n  tail_sampling:\n    decision_wait: 10s\n    num_traces: 20000\n    expected_new_traces_per_sec: 50\n    policies:\n    - name: keep-errors\n      type: status_code\n      status_code:\n        status_codes:\n        - ERROR\n    - name: keep-slow\n      type: latency\n      latency:\n        threshold_ms: 500\n    - name: baseline\n      type: probabilistic\n      probabilistic:\n        sampling_percentage: 50\n  batch:\n    timeout: 5s\n    send_batch_size: 512\n    send_batch_max_size: 1024\nexporters:\n  awsxray:\n    region: eu-west-1\n    max_retries: 3\n  azuremonitor:\n    sending_queue:\n      enabled: true\n      num_consumers: 10\n      queue_size: 1000\n    shutdown_timeout: 10s\nextensions:\n  health_check:\n    endpoint: 0.0.0.0:13133\nservice:\n  extensions:\n  - health_check\n  pipelines:\n    traces:\n      receivers:\n      - otlp\n      processors:\n      - memory_limiter\n      - tail_sampling\n      - batch\n      exporters:\n      - awsxray\n      - azuremonitor\n  telemetry:\n    logs:\n      level: info\n",
  "tier": "Standard",
  "description": "OpenTelemetry Collector config (otelcol-contrib 0.159.0) that the ECS task runs.",
  "tags": {
    "managed-by": "pulumi",
    "project": "otel-multicloud",
    "stack": "dev"
  }
};
// resource 'otel-sampling-config' (aws:ssm:Parameter)
const r12: aws.ssm.ParameterArgs = {
  "name": "/otel-multicloud/dev/otel-sampling-config",
  "type": "String",
  "insecureValue": "processors:\n  tail_sampling:\n    decision_wait: 10s\n    num_traces: 20000\n    expected_new_traces_per_sec: 50\n    policies:\n    - name: keep-errors\n      type: status_code\n      status_code:\n        status_codes:\n        - ERROR\n    - name: keep-slow\n      type: latency\n      latency:\n        threshold_ms: 500\n    - name: baseline\n      type: probabilistic\n      probabilistic:\n        sampling_percentage: 50\n",
  "tier": "Standard",
  "description": "The tail_sampling block of the running collector config, for operators and audit. Not read by the collector.",
  "tags": {
    "managed-by": "pulumi",
    "project": "otel-multicloud",
    "stack": "dev"
  }
};
// resource 'azure-monitor-connection-string' (aws:ssm:Parameter)
type t14 = azure_native.applicationinsights.Component["connectionString"]; // ${application-insights.connectionString} in resource 'azure-monitor-connection-string' (aws:ssm:Parameter)
const r13: aws.ssm.ParameterArgs = {
  "name": "/otel-multicloud/dev/azure-monitor-connection-string",
  "type": "SecureString",
  "value": __unknown(),
  "tier": "Standard",
  "description": "Application Insights connection string; ECS injects it as APPLICATIONINSIGHTS_CONNECTION_STRING.",
  "tags": {
    "managed-by": "pulumi",
    "project": "otel-multicloud",
    "stack": "dev"
  }
};
// resource 'collector-security-group' (aws:ec2:SecurityGroup)
const r15: aws.ec2.SecurityGroupArgs = {
  "description": "OpenTelemetry collector otel-dev: OTLP in from named CIDRs, HTTPS out",
  "vpcId": "vpc-0a1b2c3d4e5f60718",
  "revokeRulesOnDelete": true,
  "tags": {
    "managed-by": "pulumi",
    "project": "otel-multicloud",
    "stack": "dev"
  }
};
// resource 'otlp-grpc-ingress-1' (aws:vpc:SecurityGroupIngressRule)
type t17 = aws.ec2.SecurityGroup["id"]; // ${collector-security-group.id} in resource 'otlp-grpc-ingress-1' (aws:vpc:SecurityGroupIngressRule)
const r16: aws.vpc.SecurityGroupIngressRuleArgs = {
  "securityGroupId": __unknown(),
  "ipProtocol": "tcp",
  "fromPort": 4317,
  "toPort": 4317,
  "cidrIpv4": "10.20.0.0/16",
  "description": "OTLP/grpc from 10.20.0.0/16",
  "tags": {
    "managed-by": "pulumi",
    "project": "otel-multicloud",
    "stack": "dev"
  }
};
// resource 'otlp-http-ingress-1' (aws:vpc:SecurityGroupIngressRule)
type t19 = aws.ec2.SecurityGroup["id"]; // ${collector-security-group.id} in resource 'otlp-http-ingress-1' (aws:vpc:SecurityGroupIngressRule)
const r18: aws.vpc.SecurityGroupIngressRuleArgs = {
  "securityGroupId": __unknown(),
  "ipProtocol": "tcp",
  "fromPort": 4318,
  "toPort": 4318,
  "cidrIpv4": "10.20.0.0/16",
  "description": "OTLP/http from 10.20.0.0/16",
  "tags": {
    "managed-by": "pulumi",
    "project": "otel-multicloud",
    "stack": "dev"
  }
};
// resource 'health-check-ingress' (aws:vpc:SecurityGroupIngressRule)
type t21 = aws.ec2.SecurityGroup["id"]; // ${collector-security-group.id} in resource 'health-check-ingress' (aws:vpc:SecurityGroupIngressRule)
const r20: aws.vpc.SecurityGroupIngressRuleArgs = {
  "securityGroupId": __unknown(),
  "ipProtocol": "tcp",
  "fromPort": 13133,
  "toPort": 13133,
  "cidrIpv4": "10.20.0.0/16",
  "description": "Load balancer health checks from inside the VPC",
  "tags": {
    "managed-by": "pulumi",
    "project": "otel-multicloud",
    "stack": "dev"
  }
};
// resource 'https-egress' (aws:vpc:SecurityGroupEgressRule)
type t23 = aws.ec2.SecurityGroup["id"]; // ${collector-security-group.id} in resource 'https-egress' (aws:vpc:SecurityGroupEgressRule)
const r22: aws.vpc.SecurityGroupEgressRuleArgs = {
  "securityGroupId": __unknown(),
  "ipProtocol": "tcp",
  "fromPort": 443,
  "toPort": 443,
  "cidrIpv4": "0.0.0.0/0",
  "description": "HTTPS to X-Ray, Azure Monitor, SSM, CloudWatch Logs and the image registry",
  "tags": {
    "managed-by": "pulumi",
    "project": "otel-multicloud",
    "stack": "dev"
  }
};
// resource 'otlp-load-balancer' (aws:lb:LoadBalancer)
const r24: aws.lb.LoadBalancerArgs = {
  "loadBalancerType": "network",
  "internal": true,
  "subnets": ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"],
  "enableCrossZoneLoadBalancing": true,
  "tags": {
    "managed-by": "pulumi",
    "project": "otel-multicloud",
    "stack": "dev"
  }
};
// resource 'otlp-grpc-targets' (aws:lb:TargetGroup)
const r25: aws.lb.TargetGroupArgs = {
  "port": 4317,
  "protocol": "TCP",
  "targetType": "ip",
  "vpcId": "vpc-0a1b2c3d4e5f60718",
  "preserveClientIp": "true",
  "deregistrationDelay": 30,
  "healthCheck": {
    "enabled": true,
    "protocol": "HTTP",
    "port": "13133",
    "path": "/",
    "interval": 10,
    "healthyThreshold": 2,
    "unhealthyThreshold": 2
  },
  "tags": {
    "managed-by": "pulumi",
    "project": "otel-multicloud",
    "stack": "dev"
  }
};
// resource 'otlp-grpc-listener' (aws:lb:Listener)
type t27 = aws.lb.LoadBalancer["arn"]; // ${otlp-load-balancer.arn} in resource 'otlp-grpc-listener' (aws:lb:Listener)
type t28 = aws.lb.TargetGroup["arn"]; // ${otlp-grpc-targets.arn} in resource 'otlp-grpc-listener' (aws:lb:Listener)
const r26: aws.lb.ListenerArgs = {
  "loadBalancerArn": __unknown(),
  "port": 4317,
  "protocol": "TCP",
  "defaultActions": [{
    "type": "forward",
    "targetGroupArn": __unknown()
  }],
  "tags": {
    "managed-by": "pulumi",
    "project": "otel-multicloud",
    "stack": "dev"
  }
};
// resource 'otlp-http-targets' (aws:lb:TargetGroup)
const r29: aws.lb.TargetGroupArgs = {
  "port": 4318,
  "protocol": "TCP",
  "targetType": "ip",
  "vpcId": "vpc-0a1b2c3d4e5f60718",
  "preserveClientIp": "true",
  "deregistrationDelay": 30,
  "healthCheck": {
    "enabled": true,
    "protocol": "HTTP",
    "port": "13133",
    "path": "/",
    "interval": 10,
    "healthyThreshold": 2,
    "unhealthyThreshold": 2
  },
  "tags": {
    "managed-by": "pulumi",
    "project": "otel-multicloud",
    "stack": "dev"
  }
};
// resource 'otlp-http-listener' (aws:lb:Listener)
type t31 = aws.lb.LoadBalancer["arn"]; // ${otlp-load-balancer.arn} in resource 'otlp-http-listener' (aws:lb:Listener)
type t32 = aws.lb.TargetGroup["arn"]; // ${otlp-http-targets.arn} in resource 'otlp-http-listener' (aws:lb:Listener)
const r30: aws.lb.ListenerArgs = {
  "loadBalancerArn": __unknown(),
  "port": 4318,
  "protocol": "TCP",
  "defaultActions": [{
    "type": "forward",
    "targetGroupArn": __unknown()
  }],
  "tags": {
    "managed-by": "pulumi",
    "project": "otel-multicloud",
    "stack": "dev"
  }
};
// resource 'collector-cluster' (aws:ecs:Cluster)
const r33: aws.ecs.ClusterArgs = {
  "settings": [{
    "name": "containerInsights",
    "value": "enabled"
  }],
  "tags": {
    "managed-by": "pulumi",
    "project": "otel-multicloud",
    "stack": "dev"
  }
};
// resource 'collector-log-group' (aws:cloudwatch:LogGroup)
const r34: aws.cloudwatch.LogGroupArgs = {
  "name": "/ecs/otel-dev/otel-collector",
  "retentionInDays": 7,
  "tags": {
    "managed-by": "pulumi",
    "project": "otel-multicloud",
    "stack": "dev"
  }
};
// resource 'collector-execution-role' (aws:iam:Role)
const r35: aws.iam.RoleArgs = {
  "description": "ECS pulls the collector's config and connection string from SSM and writes its logs.",
  "assumeRolePolicy": __json({
    "Version": "2012-10-17",
    "Statement": [{
      "Effect": "Allow",
      "Principal": {
        "Service": "ecs-tasks.amazonaws.com"
      },
      "Action": ["sts:AssumeRole"]
    }]
  }),
  "tags": {
    "managed-by": "pulumi",
    "project": "otel-multicloud",
    "stack": "dev"
  }
};
// resource 'collector-execution-policy' (aws:iam:RolePolicy)
type t37 = aws.iam.Role["name"]; // ${collector-execution-role.name} in resource 'collector-execution-policy' (aws:iam:RolePolicy)
type t38 = aws.ssm.Parameter["arn"]; // ${otel-collector-config.arn} in resource 'collector-execution-policy' (aws:iam:RolePolicy)
type t39 = aws.ssm.Parameter["arn"]; // ${azure-monitor-connection-string.arn} in resource 'collector-execution-policy' (aws:iam:RolePolicy)
const i40: aws.kms.GetAliasArgs = {
  "name": "alias/aws/ssm"
}; // fn::invoke aws:kms:getAlias in resource 'collector-execution-policy' (aws:iam:RolePolicy)
type t41 = aws.kms.GetAliasResult["targetKeyArn"];
type t42 = aws.cloudwatch.LogGroup["arn"]; // ${collector-log-group.arn} in resource 'collector-execution-policy' (aws:iam:RolePolicy)
const r36: aws.iam.RolePolicyArgs = {
  "role": __unknown(),
  "policy": __json({
    "Version": "2012-10-17",
    "Statement": [{
      "Sid": "ReadCollectorParameters",
      "Effect": "Allow",
      "Action": ["ssm:GetParameters"],
      "Resource": [__unknown(), __unknown()]
    }, {
      "Sid": "DecryptViaSsmOnly",
      "Effect": "Allow",
      "Action": ["kms:Decrypt"],
      "Resource": [__unknown()],
      "Condition": {
        "StringEquals": {
          "kms:ViaService": "ssm.eu-west-1.amazonaws.com"
        }
      }
    }, {
      "Sid": "WriteCollectorLogs",
      "Effect": "Allow",
      "Action": ["logs:CreateLogStream", "logs:PutLogEvents"],
      "Resource": [__unknown()]
    }]
  })
};
// resource 'collector-task-role' (aws:iam:Role)
const r43: aws.iam.RoleArgs = {
  "description": "The collector writes trace segments to X-Ray.",
  "assumeRolePolicy": __json({
    "Version": "2012-10-17",
    "Statement": [{
      "Effect": "Allow",
      "Principal": {
        "Service": "ecs-tasks.amazonaws.com"
      },
      "Action": ["sts:AssumeRole"]
    }]
  }),
  "tags": {
    "managed-by": "pulumi",
    "project": "otel-multicloud",
    "stack": "dev"
  }
};
// resource 'collector-task-policy' (aws:iam:RolePolicy)
type t45 = aws.iam.Role["name"]; // ${collector-task-role.name} in resource 'collector-task-policy' (aws:iam:RolePolicy)
const r44: aws.iam.RolePolicyArgs = {
  "role": __unknown(),
  "policy": __json({
    "Version": "2012-10-17",
    "Statement": [{
      "Sid": "WriteTraces",
      "Effect": "Allow",
      "Action": ["xray:PutTraceSegments", "xray:PutTelemetryRecords"],
      "Resource": ["*"]
    }]
  })
};
// resource 'collector-task' (aws:ecs:TaskDefinition)
type t47 = aws.iam.Role["arn"]; // ${collector-execution-role.arn} in resource 'collector-task' (aws:ecs:TaskDefinition)
type t48 = aws.iam.Role["arn"]; // ${collector-task-role.arn} in resource 'collector-task' (aws:ecs:TaskDefinition)
type t49 = aws.ssm.Parameter["arn"]; // ${otel-collector-config.arn} in resource 'collector-task' (aws:ecs:TaskDefinition)
type t50 = aws.ssm.Parameter["arn"]; // ${azure-monitor-connection-string.arn} in resource 'collector-task' (aws:ecs:TaskDefinition)
type t51 = aws.cloudwatch.LogGroup["name"]; // ${collector-log-group.name} in resource 'collector-task' (aws:ecs:TaskDefinition)
const r46: aws.ecs.TaskDefinitionArgs = {
  "family": "otel-dev-otel-collector",
  "cpu": "512",
  "memory": "1024",
  "networkMode": "awsvpc",
  "requiresCompatibilities": ["FARGATE"],
  "executionRoleArn": __unknown(),
  "taskRoleArn": __unknown(),
  "containerDefinitions": __json([{
    "name": "otel-collector",
    "image": "otel/opentelemetry-collector-contrib:0.159.0",
    "essential": true,
    "command": ["--config=env:OTEL_CONFIG"],
    "portMappings": [{
      "containerPort": 4317,
      "protocol": "tcp",
      "name": "otlp-grpc"
    }, {
      "containerPort": 4318,
      "protocol": "tcp",
      "name": "otlp-http"
    }, {
      "containerPort": 13133,
      "protocol": "tcp",
      "name": "health"
    }],
    "environment": [{
      "name": "GOMEMLIMIT",
      "value": "819MiB"
    }],
    "secrets": [{
      "name": "OTEL_CONFIG",
      "valueFrom": __unknown()
    }, {
      "name": "APPLICATIONINSIGHTS_CONNECTION_STRING",
      "valueFrom": __unknown()
    }],
    "logConfiguration": {
      "logDriver": "awslogs",
      "options": {
        "awslogs-group": __unknown(),
        "awslogs-region": "eu-west-1",
        "awslogs-stream-prefix": "collector"
      }
    },
    "readonlyRootFilesystem": true,
    "user": "10001"
  }]),
  "runtimePlatform": {
    "operatingSystemFamily": "LINUX",
    "cpuArchitecture": "ARM64"
  },
  "tags": {
    "managed-by": "pulumi",
    "project": "otel-multicloud",
    "stack": "dev"
  }
};
// resource 'collector-service' (aws:ecs:Service)
type t53 = aws.ecs.Cluster["arn"]; // ${collector-cluster.arn} in resource 'collector-service' (aws:ecs:Service)
type t54 = aws.ecs.TaskDefinition["arn"]; // ${collector-task.arn} in resource 'collector-service' (aws:ecs:Service)
type t55 = aws.ec2.SecurityGroup["id"]; // ${collector-security-group.id} in resource 'collector-service' (aws:ecs:Service)
type t56 = aws.lb.TargetGroup["arn"]; // ${otlp-grpc-targets.arn} in resource 'collector-service' (aws:ecs:Service)
type t57 = aws.lb.TargetGroup["arn"]; // ${otlp-http-targets.arn} in resource 'collector-service' (aws:ecs:Service)
const r52: aws.ecs.ServiceArgs = {
  "cluster": __unknown(),
  "taskDefinition": __unknown(),
  "desiredCount": 1,
  "launchType": "FARGATE",
  "networkConfiguration": {
    "subnets": ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"],
    "securityGroups": [__unknown()],
    "assignPublicIp": false
  },
  "deploymentCircuitBreaker": {
    "enable": true,
    "rollback": true
  },
  "deploymentMinimumHealthyPercent": 100,
  "deploymentMaximumPercent": 200,
  "loadBalancers": [{
    "targetGroupArn": __unknown(),
    "containerName": "otel-collector",
    "containerPort": 4317
  }, {
    "targetGroupArn": __unknown(),
    "containerName": "otel-collector",
    "containerPort": 4318
  }],
  "healthCheckGracePeriodSeconds": 60,
  "propagateTags": "SERVICE",
  "tags": {
    "managed-by": "pulumi",
    "project": "otel-multicloud",
    "stack": "dev"
  }
};
// output 'applicationInsightsConnectionString'
type t59 = azure_native.applicationinsights.Component["connectionString"]; // ${application-insights.connectionString} in output 'applicationInsightsConnectionString'
const o58 = __unknown();
// output 'applicationInsightsName'
type t61 = azure_native.applicationinsights.Component["name"]; // ${application-insights.name} in output 'applicationInsightsName'
const o60 = __unknown();
// output 'logAnalyticsWorkspaceId'
type t63 = azure_native.operationalinsights.Workspace["id"]; // ${log-analytics-workspace.id} in output 'logAnalyticsWorkspaceId'
const o62 = __unknown();
// output 'otlpGrpcEndpoint'
type t65 = aws.lb.LoadBalancer["dnsName"]; // ${otlp-load-balancer.dnsName} in output 'otlpGrpcEndpoint'
const o64 = __unknown();
// output 'otlpHttpEndpoint'
type t67 = aws.lb.LoadBalancer["dnsName"]; // ${otlp-load-balancer.dnsName} in output 'otlpHttpEndpoint'
const o66 = __unknown();
