/** A place in a text: 1-based line and column, columns in UTF-16 code units (SARIF's default). */
export interface TextPosition {
  readonly line: number;
  readonly column: number;
}

/** Where the document and each element of its `hosts`, `components` and `connections` arrays start. */
export interface ElementPositions {
  readonly root: TextPosition | undefined;
  readonly hosts: readonly TextPosition[];
  readonly components: readonly TextPosition[];
  readonly connections: readonly TextPosition[];
}

type ListedKey = 'hosts' | 'components' | 'connections';

interface Frame {
  readonly kind: 'object' | 'array';
  /** In an object: whether the next string is a key. */
  expectKey: boolean;
  /** In an object: the key whose value comes next. */
  key: string | undefined;
  /** In one of the listed arrays: where its elements start. */
  readonly elements: TextPosition[] | undefined;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const LF = 0x0a;
const CR = 0x0d;
/** Characters that end a number, `true`, `false` or `null`. */
const VALUE_END = new Set([0x2c, 0x5d, 0x7d, 0x20, 0x09, LF, CR]);

/**
 * Finds where the top-level `hosts[i]`, `components[i]` and `connections[i]` start in a document's JSON text,
 * so a report can point an editor at the element a problem is about. The text has already been
 * read by `JSON.parse` (it is valid JSON); a key given twice counts from its last occurrence, as
 * `JSON.parse` keeps the last value.
 * @example locateElements('{"components":[{"id":"a"}]}').components[0] // { line: 1, column: 16 }
 */
export function locateElements(text: string): ElementPositions {
  const found: Record<ListedKey, TextPosition[]> = { hosts: [], components: [], connections: [] };
  const stack: Frame[] = [];
  let root: TextPosition | undefined;
  // A byte-order mark is not part of the JSON (parseDocument drops it) and takes no column.
  const first = text.startsWith('\uFEFF') ? 1 : 0;
  let line = 1;
  let lineStart = first;
  const valueAt = (offset: number): void => {
    const position = { line, column: offset - lineStart + 1 };
    const top = stack.at(-1);
    if (!top) root = position;
    else top.elements?.push(position);
  };
  for (let i = first; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === LF || (code === CR && text.charCodeAt(i + 1) !== LF)) {
      line += 1;
      lineStart = i + 1;
      continue;
    }
    const top = stack.at(-1);
    switch (text[i]) {
      case ' ':
      case '\t':
      case '\r':
      case ':':
        break;
      case ',':
        if (top?.kind === 'object') top.expectKey = true;
        break;
      case '"': {
        let end = i + 1;
        while (end < text.length && text.charCodeAt(end) !== QUOTE)
          end += text.charCodeAt(end) === BACKSLASH ? 2 : 1;
        if (top?.kind === 'object' && top.expectKey) {
          top.key = JSON.parse(text.slice(i, end + 1));
          top.expectKey = false;
        } else {
          valueAt(i);
        }
        i = end;
        break;
      }
      case '{':
      case '[': {
        valueAt(i);
        const kind = text[i] === '{' ? 'object' : 'array';
        const listed = stack.length === 1 && top?.kind === 'object' ? listedKey(top.key) : undefined;
        let elements: TextPosition[] | undefined;
        if (kind === 'array' && listed) {
          elements = [];
          found[listed] = elements;
        }
        stack.push({ kind, expectKey: kind === 'object', key: undefined, elements });
        break;
      }
      case '}':
      case ']':
        stack.pop();
        break;
      default:
        // A number, true, false or null.
        valueAt(i);
        while (i + 1 < text.length && !VALUE_END.has(text.charCodeAt(i + 1))) i += 1;
    }
  }
  return { root, hosts: found.hosts, components: found.components, connections: found.connections };
}

function listedKey(key: string | undefined): ListedKey | undefined {
  return key === 'hosts' || key === 'components' || key === 'connections' ? key : undefined;
}
