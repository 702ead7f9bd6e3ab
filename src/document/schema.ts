import './zod-config';
import { z } from 'zod';
import { COMPONENT_KINDS, displayName, SECURITY_LEVELS, type Topology } from '../domain';
import { CURRENT_VERSION, FORMAT } from './envelope';
import {
  MAX_COMPONENT_NAME_LENGTH,
  MAX_COMPONENT_NAME_RAW_LENGTH,
  MAX_COMPONENTS,
  MAX_CONNECTIONS,
  MAX_DOCUMENT_NAME_LENGTH,
  MAX_HOST_LENGTH,
  MAX_ID_LENGTH,
  MAX_NOTES_LENGTH,
  MAX_PORT,
  MAX_SCHEMA_REFERENCE_LENGTH,
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
const componentNameSchema = z
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

// z.number() refuses NaN and ±Infinity: a position is always finite.
const positionSchema = z.strictObject({ x: z.number(), y: z.number() });

// exactOptional, not optional: the domain reads options as `Partial<DeploymentOptions>`, which
// under exactOptionalPropertyTypes has no room for an explicit `undefined` (JSON has none anyway).
export const optionsSchema = z.strictObject({
  managementLayer: z.boolean().exactOptional(),
  scheduledReporting: z.boolean().exactOptional(),
});

export const componentSchema = z
  .strictObject({
    id: idSchema,
    kind: z.enum(COMPONENT_KINDS),
    name: componentNameSchema,
    position: positionSchema.optional(),
    host: z
      .string()
      .max(MAX_HOST_LENGTH, { error: `must be at most ${MAX_HOST_LENGTH} characters` })
      .optional(),
    port: z
      .int({ error: portError })
      .min(MIN_PORT, { error: portError })
      .max(MAX_PORT, { error: portError })
      .optional(),
    etl: z.boolean().optional(),
    notes: z
      .string()
      .max(MAX_NOTES_LENGTH, { error: `must be at most ${MAX_NOTES_LENGTH} characters` })
      .optional(),
  })
  // ETL runs on a WFM Server only; the flag on another kind would be silently meaningless.
  .superRefine((component, context) => {
    if (component.etl === undefined || component.kind === 'server') return;
    context.addIssue({
      code: 'custom',
      path: ['etl'],
      input: component.etl,
      message: `allowed only on a WFM Server (kind "server"), not on a ${displayName(component.kind)}`,
    });
  });

export const connectionSchema = z.strictObject({
  id: idSchema,
  from: idSchema,
  to: idSchema,
  security: z.enum(SECURITY_LEVELS).optional(),
});

/** A topology document as the app holds it: the file of docs/format.md without `$schema` and `validation`. */
export const topologyDocumentSchema = z.strictObject({
  format: z.literal(FORMAT),
  version: z.literal(CURRENT_VERSION),
  name: z
    .string()
    .max(MAX_DOCUMENT_NAME_LENGTH, { error: `must be at most ${MAX_DOCUMENT_NAME_LENGTH} characters` })
    .optional(),
  options: optionsSchema.optional(),
  components: z
    .array(componentSchema)
    .max(MAX_COMPONENTS, { error: `must have at most ${MAX_COMPONENTS} components` }),
  connections: z
    .array(connectionSchema)
    .max(MAX_CONNECTIONS, { error: `must have at most ${MAX_CONNECTIONS} connections` }),
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

type Expect<T extends true> = T;
/** Compile-time proof that the domain reads a document as it is: `validate(document)` needs no mapping. */
export type DocumentIsTopology = Expect<TopologyDocument extends Topology ? true : false>;
