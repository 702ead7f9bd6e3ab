import { z } from 'zod';

// The objects of SARIF 2.1.0 (OASIS standard, sarif-schema-2.1.0.json) that `validate --format
// sarif` writes, typed in from the standard rather than from the code under test, for a check that
// needs no network. Required properties are required here; objects are strict and list only
// properties the standard defines, so a misspelt name (`ruleID`) fails instead of being ignored.

const propertyBag = z.record(z.string(), z.unknown()).optional();

const message = z
  .strictObject({
    text: z.string().optional(),
    markdown: z.string().optional(),
    id: z.string().optional(),
    arguments: z.array(z.string()).optional(),
    properties: propertyBag,
  })
  .refine((value) => value.text !== undefined || value.id !== undefined, 'a message needs text or id');

const multiformatMessageString = z.strictObject({
  text: z.string(),
  markdown: z.string().optional(),
  properties: propertyBag,
});

const level = z.enum(['none', 'note', 'warning', 'error']);

const artifactLocation = z.strictObject({
  uri: z.string().optional(),
  uriBaseId: z.string().optional(),
  index: z.int().min(-1).optional(),
  description: message.optional(),
  properties: propertyBag,
});

const region = z.strictObject({
  startLine: z.int().min(1).optional(),
  startColumn: z.int().min(1).optional(),
  endLine: z.int().min(1).optional(),
  endColumn: z.int().min(1).optional(),
  charOffset: z.int().min(-1).optional(),
  charLength: z.int().min(0).optional(),
  byteOffset: z.int().min(-1).optional(),
  byteLength: z.int().min(0).optional(),
  message: message.optional(),
  sourceLanguage: z.string().optional(),
  properties: propertyBag,
});

const physicalLocation = z
  .strictObject({
    address: z.record(z.string(), z.unknown()).optional(),
    artifactLocation: artifactLocation.optional(),
    region: region.optional(),
    contextRegion: region.optional(),
    properties: propertyBag,
  })
  .refine(
    (value) => value.address !== undefined || value.artifactLocation !== undefined,
    'a physical location needs an address or an artifact location',
  );

const logicalLocation = z.strictObject({
  name: z.string().optional(),
  index: z.int().min(-1).optional(),
  fullyQualifiedName: z.string().optional(),
  decoratedName: z.string().optional(),
  parentIndex: z.int().min(-1).optional(),
  kind: z.string().optional(),
  properties: propertyBag,
});

const location = z.strictObject({
  id: z.int().min(-1).optional(),
  physicalLocation: physicalLocation.optional(),
  logicalLocations: z.array(logicalLocation).optional(),
  message: message.optional(),
  properties: propertyBag,
});

const reportingDescriptorReference = z.strictObject({
  id: z.string().optional(),
  index: z.int().min(-1).optional(),
  guid: z.string().optional(),
  properties: propertyBag,
});

const notification = z.strictObject({
  locations: z.array(location).optional(),
  message,
  level: level.optional(),
  threadId: z.int().optional(),
  timeUtc: z.string().optional(),
  descriptor: reportingDescriptorReference.optional(),
  associatedRule: reportingDescriptorReference.optional(),
  properties: propertyBag,
});

const invocation = z.strictObject({
  commandLine: z.string().optional(),
  arguments: z.array(z.string()).optional(),
  exitCode: z.int().optional(),
  executionSuccessful: z.boolean(),
  toolExecutionNotifications: z.array(notification).optional(),
  toolConfigurationNotifications: z.array(notification).optional(),
  workingDirectory: artifactLocation.optional(),
  properties: propertyBag,
});

const reportingDescriptor = z.strictObject({
  id: z.string(),
  name: z.string().optional(),
  shortDescription: multiformatMessageString.optional(),
  fullDescription: multiformatMessageString.optional(),
  defaultConfiguration: z
    .strictObject({
      enabled: z.boolean().optional(),
      level: level.optional(),
      rank: z.number().min(-1).max(100).optional(),
      properties: propertyBag,
    })
    .optional(),
  helpUri: z.url().optional(),
  help: multiformatMessageString.optional(),
  properties: propertyBag,
});

const toolComponent = z.strictObject({
  name: z.string(),
  fullName: z.string().optional(),
  version: z.string().optional(),
  semanticVersion: z.string().optional(),
  informationUri: z.url().optional(),
  downloadUri: z.url().optional(),
  organization: z.string().optional(),
  shortDescription: multiformatMessageString.optional(),
  fullDescription: multiformatMessageString.optional(),
  rules: z.array(reportingDescriptor).optional(),
  notifications: z.array(reportingDescriptor).optional(),
  properties: propertyBag,
});

const result = z.strictObject({
  ruleId: z.string().optional(),
  ruleIndex: z.int().min(-1).optional(),
  rule: reportingDescriptorReference.optional(),
  kind: z.enum(['notApplicable', 'pass', 'fail', 'review', 'open', 'informational']).optional(),
  level: level.optional(),
  message,
  locations: z.array(location).optional(),
  guid: z.string().optional(),
  partialFingerprints: z.record(z.string(), z.string()).optional(),
  fingerprints: z.record(z.string(), z.string()).optional(),
  relatedLocations: z.array(location).optional(),
  properties: propertyBag,
});

const run = z.strictObject({
  tool: z.strictObject({ driver: toolComponent, extensions: z.array(toolComponent).optional() }),
  invocations: z.array(invocation).optional(),
  results: z.array(result).optional(),
  artifacts: z.array(z.record(z.string(), z.unknown())).optional(),
  columnKind: z.enum(['utf16CodeUnits', 'unicodeCodePoints']).optional(),
  properties: propertyBag,
});

/** A SARIF 2.1.0 log, as far as this tool writes one. */
export const sarifLogSchema = z.strictObject({
  $schema: z.url().optional(),
  version: z.literal('2.1.0'),
  runs: z.array(run),
  properties: propertyBag,
});

export type SarifLogShape = z.infer<typeof sarifLogSchema>;
