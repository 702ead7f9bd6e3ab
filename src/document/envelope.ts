/** The `format` every topology file carries (docs/format.md). */
export const FORMAT = 'wfm-topology';

/** The format version this build writes. Raising it needs a migration in migrations.ts. */
export const CURRENT_VERSION = 2;
