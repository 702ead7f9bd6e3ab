import { z } from 'zod';
import { defineCommand } from './command';
import { EXIT_CODES } from './exit-codes';
import { renderMatrix } from './matrix-table';

export const matrixCommand = defineCommand({
  name: 'matrix',
  synopsis: 'matrix',
  summary: 'Print the WFM component connections matrix and its legend.',
  details: ['Rows are the source Application, columns the target listed on its Connections tab.'],
  options: {},
  input: z.strictObject({ positionals: z.array(z.string()).max(0, { error: 'matrix takes no arguments' }) }),
  run: (_input, output) => {
    output.print(renderMatrix());
    return EXIT_CODES.valid;
  },
});
