import './zod-config';
import { z } from 'zod';
import {
  COMPONENT_KINDS,
  displayName,
  RULESET_IDS,
  SECURITY_LEVELS,
  STANDBY_MODES,
  type Topology,
} from '../domain';
import { CURRENT_VERSION, FORMAT } from './envelope';
import {
  MAX_ADDRESS_LENGTH,
  MAX_ANNOTATION_TEXT_LENGTH,
  MAX_ANNOTATIONS,
  MAX_COMPONENT_NAME_LENGTH,
  MAX_COMPONENT_NAME_RAW_LENGTH,
  MAX_COMPONENTS,
  MAX_CONNECTION_LABEL_LENGTH,
  MAX_CONNECTIONS,
  MAX_DOCUMENT_NAME_LENGTH,
  MAX_HOSTS,
  MAX_ID_LENGTH,
  MAX_NOTES_LENGTH,
  MAX_PORT,
  MAX_SCHEMA_REFERENCE_LENGTH,
  MAX_WAYPOINTS,
  MAX_ZONES,
  MIN_LCA_PORT,
  MIN_PORT,
} from './limits';

// Every object is `z.strictObject`: strictness does not inherit, and an unknown key (a typo in a
// hand-edited file) must be an error that names its path (docs/format.md).
// Lengths are JavaScript string lengths (UTF-16 code units), the unit zod and the inputs of the
// UI count in; for the Latin names Genesys Applications carry it is the number of characters.

const idSchema = z
  .string()
  .min(1, { error: 'must not be empty' })
  .max(MAX_ID_LENGTH, { error: `must be at most ${MAX_ID_LENGTH} characters` });

/**
 * A component name is stored exactly as written, so a file round-trips byte for byte. Its length
 * is counted as written, spaces around it included: a cap that counted the trimmed name let a
 * name of 9 MB of spaces and one letter through, to fill the browser's storage. Only "not empty"
 * is judged trimmed, as Genesys compares Application names without the surrounding spaces (and
 * the domain's `duplicate-name` rule compares them trimmed too).
 */
const nameSchema = z
  .string()
  // `abort`: a name over the raw cap is not trimmed as well, however long it is (issue 11: a name
  // of 9 MB of spaces and one letter passed the trimmed cap and filled the browser's storage).
  .max(MAX_COMPONENT_NAME_RAW_LENGTH, {
    error: `must be at most ${MAX_COMPONENT_NAME_RAW_LENGTH} characters as written, spaces around it included`,
    abort: true,
  })
  .refine((name) => name.trim().length >= 1, { error: 'must not be empty or only spaces' })
  .refine((name) => name.trim().length <= MAX_COMPONENT_NAME_LENGTH, {
    error: `must be at most ${MAX_COMPONENT_NAME_LENGTH} characters, not counting leading and trailing spaces`,
  });

const portError = `must be an integer from ${MIN_PORT} to ${MAX_PORT}`;
const lcaPortError = `must be an integer from ${MIN_LCA_PORT} to ${MAX_PORT}`;

const notesSchema = z
  .string()
  .max(MAX_NOTES_LENGTH, { error: `must be at most ${MAX_NOTES_LENGTH} characters` });

const sizeSchema = z.strictObject({
  width: z.number().gt(0, { error: 'must be greater than 0' }),
  height: z.number().gt(0, { error: 'must be greater than 0' }),
});

// z.number() refuses NaN and ±Infinity: a position is always finite.
const positionSchema = z.strictObject({ x: z.number(), y: z.number() });

// exactOptional, not optional: the domain reads options as `Partial<DeploymentOptions>`, which
// under exactOptionalPropertyTypes has no room for an explicit `undefined` (JSON has none anyway).
export const optionsSchema = z.strictObject({
  managementLayer: z.boolean().exactOptional(),
  scheduledReporting: z.boolean().exactOptional(),
});

/** The kinds whose certificate and mutual TLS the Security Deployment Guide sets up (rules.md 11). */
const MUTUAL_AUTH_KINDS: ReadonlySet<string> = new Set(['server', 'builder', 'data-aggregator']);

export const componentSchema = z
  .strictObject({
    id: idSchema,
    kind: z.enum(COMPONENT_KINDS),
    name: nameSchema,
    position: positionSchema.optional(),
    /** Version 2: the id of a host of the document (a v1 host string is migrated to a host). */
    host: idSchema.optional(),
    port: z
      .int({ error: portError })
      .min(MIN_PORT, { error: portError })
      .max(MAX_PORT, { error: portError })
      .optional(),
    etl: z.boolean().optional(),
    backupOf: idSchema.optional(),
    standby: z.enum(STANDBY_MODES).optional(),
    mutualAuth: z.boolean().optional(),
    notes: notesSchema.optional(),
  })
  // ETL runs on a WFM Server only; the flag on another kind would be silently meaningless.
  .superRefine((component, context) => {
    if (component.etl !== undefined && component.kind !== 'server') {
      context.addIssue({
        code: 'custom',
        path: ['etl'],
        input: component.etl,
        message: `allowed only on a WFM Server (kind "server"), not on a ${displayName(component.kind)}`,
      });
    }
    if (component.mutualAuth !== undefined && !MUTUAL_AUTH_KINDS.has(component.kind)) {
      context.addIssue({
        code: 'custom',
        path: ['mutualAuth'],
        input: component.mutualAuth,
        message: `allowed only on a WFM Server, WFM Builder or WFM Data Aggregator, not on a ${displayName(component.kind)}`,
      });
    }
    if (component.backupOf !== undefined && component.standby === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['standby'],
        input: undefined,
        message: 'is required with "backupOf": "warm" or "hot"',
      });
    }
    if (component.standby !== undefined && component.backupOf === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['standby'],
        input: component.standby,
        message: 'allowed only on a backup (a component with "backupOf")',
      });
    }
  });

export const connectionSchema = z.strictObject({
  id: idSchema,
  from: idSchema,
  to: idSchema,
  security: z.enum(SECURITY_LEVELS).optional(),
  label: z
    .string()
    .max(MAX_CONNECTION_LABEL_LENGTH, { error: `must be at most ${MAX_CONNECTION_LABEL_LENGTH} characters` })
    .optional(),
  /** The drawn route's bends, absolute canvas coordinates: drawing only, never judged. */
  waypoints: z
    .array(positionSchema)
    .max(MAX_WAYPOINTS, { error: `must have at most ${MAX_WAYPOINTS} points` })
    .optional(),
});

/** A place or network area that holds hosts (rules.md section 9); zones carry no rules. */
export const zoneSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  notes: notesSchema.optional(),
  position: positionSchema.optional(),
  size: sizeSchema.optional(),
});

/** A Genesys Host object: a machine that runs applications (rules.md section 9). */
export const hostSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  address: z
    .string()
    .max(MAX_ADDRESS_LENGTH, { error: `must be at most ${MAX_ADDRESS_LENGTH} characters` })
    .optional(),
  zone: idSchema.optional(),
  lca: z.boolean().optional(),
  lcaPort: z
    .int({ error: lcaPortError })
    .min(MIN_LCA_PORT, { error: lcaPortError })
    .max(MAX_PORT, { error: lcaPortError })
    .optional(),
  certificate: z.boolean().optional(),
  notes: notesSchema.optional(),
  position: positionSchema.optional(),
  size: sizeSchema.optional(),
});

/** A free text note on the canvas. */
export const annotationSchema = z.strictObject({
  id: idSchema,
  text: z
    .string()
    .min(1, { error: 'must not be empty' })
    .max(MAX_ANNOTATION_TEXT_LENGTH, { error: `must be at most ${MAX_ANNOTATION_TEXT_LENGTH} characters` }),
  position: positionSchema,
  size: sizeSchema.optional(),
});

/** How the drawing shows things; never judged. */
export const viewSchema = z.strictObject({
  messageServerLinks: z.enum(['lines', 'badges', 'hidden']).optional(),
});

/** A topology document as the app holds it: the file of docs/format.md without `$schema` and `validation`. */
export const topologyDocumentSchema = z.strictObject({
  format: z.literal(FORMAT),
  version: z.literal(CURRENT_VERSION),
  name: z
    .string()
    .max(MAX_DOCUMENT_NAME_LENGTH, { error: `must be at most ${MAX_DOCUMENT_NAME_LENGTH} characters` })
    .optional(),
  ruleset: z.enum(RULESET_IDS).optional(),
  options: optionsSchema.optional(),
  zones: z
    .array(zoneSchema)
    .max(MAX_ZONES, { error: `must have at most ${MAX_ZONES} zones` })
    .optional(),
  hosts: z
    .array(hostSchema)
    .max(MAX_HOSTS, { error: `must have at most ${MAX_HOSTS} hosts` })
    .optional(),
  components: z
    .array(componentSchema)
    .max(MAX_COMPONENTS, { error: `must have at most ${MAX_COMPONENTS} components` }),
  connections: z
    .array(connectionSchema)
    .max(MAX_CONNECTIONS, { error: `must have at most ${MAX_CONNECTIONS} connections` }),
  annotations: z
    .array(annotationSchema)
    .max(MAX_ANNOTATIONS, { error: `must have at most ${MAX_ANNOTATIONS} annotations` })
    .optional(),
  view: viewSchema.optional(),
});

/**
 * A file as written to disk. Two keys are for readers of the file only, and neither is kept in
 * the document: `$schema`, which a hand-edited file may carry so that editors find the JSON
 * Schema, and the `validation` block, written on export and accepted in any shape on import
 * because problems are always recomputed (a stale or hand-mangled block must not stop a file
 * from opening).
 */
export const documentFileSchema = z.strictObject({
  $schema: z
    .string()
    .max(MAX_SCHEMA_REFERENCE_LENGTH, { error: `must be at most ${MAX_SCHEMA_REFERENCE_LENGTH} characters` })
    .optional(),
  ...topologyDocumentSchema.shape,
  validation: z.unknown().optional(),
});

export type TopologyDocument = z.infer<typeof topologyDocumentSchema>;
export type DocumentComponent = z.infer<typeof componentSchema>;
export type DocumentConnection = z.infer<typeof connectionSchema>;
export type DocumentOptions = z.infer<typeof optionsSchema>;
export type Point = z.infer<typeof positionSchema>;
export type Size = z.infer<typeof sizeSchema>;
export type DocumentZone = z.infer<typeof zoneSchema>;
export type DocumentHost = z.infer<typeof hostSchema>;
export type DocumentAnnotation = z.infer<typeof annotationSchema>;
export type DocumentView = z.infer<typeof viewSchema>;

type Expect<T extends true> = T;
/** Compile-time proof that the domain reads a document as it is: `validate(document)` needs no mapping. */
export type DocumentIsTopology = Expect<TopologyDocument extends Topology ? true : false>;
