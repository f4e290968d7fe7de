import { Stack } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import type { CfnRole, IRole } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';

export interface PolicyStatementJson {
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource: unknown;
  Condition?: unknown;
}

/** Every IAM statement of every AWS::IAM::Policy in the template. */
export function allIdentityStatements(template: Template): PolicyStatementJson[] {
  return Object.values(template.findResources('AWS::IAM::Policy')).flatMap((policy) => policy.Properties.PolicyDocument.Statement as PolicyStatementJson[]);
}

/** The IAM statements attached to a function's execution role or to a role (inline policies the grants created). */
export function statementsOf(template: Template, principal: IFunction | IRole): PolicyStatementJson[] {
  const roleConstruct = 'roleArn' in principal ? principal : principal.role;
  const role = roleConstruct?.node.defaultChild as CfnRole | undefined;
  if (!role) throw new Error(`${principal.node.path} has no role`);
  const roleId = Stack.of(role).getLogicalId(role);
  return Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((policy) => (policy.Properties.Roles as Array<{ Ref?: string }>).some((ref) => ref.Ref === roleId))
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement as PolicyStatementJson[]);
}

export function actionsOf(statement: PolicyStatementJson): string[] {
  return Array.isArray(statement.Action) ? statement.Action : [statement.Action];
}

/** Actions allowed on resources whose ARN expression mentions `resourceHint` (e.g. `IntakeBucket`, `/incoming/*`). */
export function allowedActionsOn(statements: PolicyStatementJson[], ...resourceHints: string[]): string[] {
  return statements
    .filter((statement) => statement.Effect === 'Allow')
    .filter((statement) => {
      const text = JSON.stringify(statement.Resource);
      return resourceHints.every((hint) => text.includes(hint));
    })
    .flatMap(actionsOf);
}
