import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SynthesisedIntake, synthesiseIntake } from './support/intake-app.js';

function nagFindings(stack: Stack): string[] {
  const annotations = Annotations.fromStack(stack);
  const pattern = Match.stringLikeRegexp('AwsSolutions-');
  return [...annotations.findError('*', pattern), ...annotations.findWarning('*', pattern)].map(
    (finding) => `${finding.id}: ${String(finding.entry.data).split(':')[0]}`,
  );
}

interface SuppressionMetadata {
  rules_to_suppress?: Array<{ id: string; reason: string }>;
}

function suppressionsIn(intake: SynthesisedIntake): Array<{ id: string; reason: string }> {
  const templates = [intake.statefulTemplate, intake.processingTemplate].map(
    (template) => template.toJSON() as { Resources: Record<string, { Metadata?: { cdk_nag?: SuppressionMetadata } }> },
  );
  return templates.flatMap((template) => Object.values(template.Resources).flatMap((resource) => resource.Metadata?.cdk_nag?.rules_to_suppress ?? []));
}

let pageDirectory: string;
// Every optional part switched on: this tree holds every resource and statement of the default one and more, so one
// synthesis covers both (and keeps the suite's CPU time down).
let everything: SynthesisedIntake;
beforeAll(() => {
  pageDirectory = mkdtempSync(path.join(tmpdir(), 'clerk-page-'));
  writeFileSync(path.join(pageDirectory, 'index.html'), '<!doctype html><title>审核</title>');
  everything = synthesiseIntake(
    {
      ocrEngine: 'textract',
      receivingDomain: 'intake.example.gov.cn',
      alarmEmail: 'ops@example.gov.cn',
      clerkSiteDomain: 'review.example.gov.cn',
      clerkSiteCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555',
      authLocalhostPort: 5173,
    },
    // With cdk.json's validateAgainstDefaultRules, a CloudFormation Validate violation fails this synthesis.
    { clerkPageDirectory: pageDirectory, cloudFormationValidation: true },
  );
});
afterAll(() => rmSync(pageDirectory, { recursive: true, force: true }));

describe('cdk-nag AwsSolutions pack', () => {
  it('reports none with Textract, e-mail receiving, an alarm address and the clerk page deployment switched on', () => {
    expect(nagFindings(everything.stateful)).toEqual([]);
    expect(nagFindings(everything.processing)).toEqual([]);
  });

  it('passes CDK’s CloudFormation validation without a single violation, warnings included', () => {
    // The report is written only when there is something to report.
    const reportFile = path.join(everything.app.outdir, 'validation-report.json');
    const report = existsSync(reportFile)
      ? (JSON.parse(readFileSync(reportFile, 'utf8')) as {
          pluginReports: Array<{ violations: Array<{ ruleName: string; description: string }> }>;
        })
      : { pluginReports: [] };
    expect(report.pluginReports.flatMap((plugin) => plugin.violations)).toEqual([]);
  });

  it('records a reason with every suppression', () => {
    const suppressions = suppressionsIn(everything);
    expect(suppressions.length).toBeGreaterThan(0);
    for (const suppression of suppressions) {
      expect(suppression.reason.length, suppression.id).toBeGreaterThan(40);
    }
  });

  it('suppresses nothing on the bucket, table and key, and only rotation on the lookup-key secret', () => {
    const template = everything.statefulTemplate.toJSON() as {
      Resources: Record<string, { Metadata?: { cdk_nag?: SuppressionMetadata } }>;
    };
    for (const [id, resource] of Object.entries(template.Resources)) {
      const suppressed = (resource.Metadata?.cdk_nag?.rules_to_suppress ?? []).map((rule) => rule.id);
      // Rotating the HMAC key would orphan every pseudonymous index key (docs/data-model.md).
      expect(suppressed, id).toEqual(id === 'LookupKeySecret' ? ['AwsSolutions-SMG4'] : []);
    }
  });
});
