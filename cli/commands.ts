import type { Command } from './command';
import { exportCommand } from './export-command';
import { gradeCommand } from './grade-command';
import { matrixCommand } from './matrix-command';
import { migrateCommand } from './migrate-command';
import { validateCommand } from './validate-command';

/** Every command, in the order the usage lists them; a new command is one more entry. */
export const COMMANDS: readonly Command[] = [
  validateCommand,
  matrixCommand,
  exportCommand,
  migrateCommand,
  gradeCommand,
];
