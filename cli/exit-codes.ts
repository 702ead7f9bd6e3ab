/** The exit codes of rules.md section 6; scripts outside the project depend on them. */
export const EXIT_CODES = {
  /** Every file is valid (warnings and infos allowed). */
  valid: 0,
  /** At least one file has a problem of severity error. */
  problems: 1,
  /** A file could not be read or is not a valid document; also a command line that cannot be run. */
  unusable: 2,
} as const;

export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];
