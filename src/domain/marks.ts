/** The four marks of the source's legend. */
export type Mark = 'one' | 'one-or-more' | 'optional-one' | 'optional-many';

export interface MarkInfo {
  readonly mark: Mark;
  /** The symbol the source page prints in the cell. */
  readonly symbol: 'X' | 'X+' | '(X)' | '(X+)';
  readonly min: 0 | 1;
  /** `null` means unbounded. */
  readonly max: 1 | null;
  /** Plain words for the legend. */
  readonly legend: string;
}

export const MARKS = {
  one: { mark: 'one', symbol: 'X', min: 1, max: 1, legend: 'single connection (required)' },
  'one-or-more': { mark: 'one-or-more', symbol: 'X+', min: 1, max: null, legend: 'one or more connections' },
  'optional-one': { mark: 'optional-one', symbol: '(X)', min: 0, max: 1, legend: 'optional connection' },
  'optional-many': {
    mark: 'optional-many',
    symbol: '(X+)',
    min: 0,
    max: null,
    legend: 'optional, one or more connections',
  },
} as const satisfies { readonly [M in Mark]: MarkInfo & { readonly mark: M } };
