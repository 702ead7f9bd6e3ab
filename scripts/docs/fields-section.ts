// The fields table of docs/format.md, read from the JSON Schema, which is itself made from the
// parser's zod schemas: a field added to the parser appears here with its limits and description.
import { createDocumentJsonSchema, type JsonSchema } from '../../src/document/json-schema';
import { code, table, thousands } from './markdown';

function isSchema(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function literal(value: unknown): string {
  return code(JSON.stringify(value));
}

function lengthWords(node: JsonSchema): string {
  const { minLength: min, maxLength: max } = node;
  if (typeof min === 'number' && typeof max === 'number') return `, ${min}–${thousands(max)} characters`;
  if (typeof max === 'number') return `, at most ${thousands(max)} characters`;
  return '';
}

/** A field's value in words, from its JSON Schema; throws on a keyword it has no words for. */
function valueWords(node: JsonSchema, path: string): string {
  if ('const' in node) return literal(node.const);
  if (Array.isArray(node.enum)) return `one of ${node.enum.map(literal).join(', ')}`;
  switch (node.type) {
    case 'string': {
      if (node.pattern !== undefined && node.pattern !== '\\S')
        throw new Error(`no words for ${path}'s pattern`);
      return `text${lengthWords(node)}${node.pattern === undefined ? '' : ', not blank'}`;
    }
    case 'integer':
      return typeof node.minimum === 'number' && typeof node.maximum === 'number'
        ? `whole number from ${thousands(node.minimum)} to ${thousands(node.maximum)}`
        : 'whole number';
    case 'number':
      return 'number';
    case 'boolean':
      return '`true` or `false`';
    case 'object':
      return 'object';
    case 'array': {
      const item = isSchema(node.items) && typeof node.items.title === 'string' ? node.items.title : 'item';
      const max = typeof node.maxItems === 'number' ? `at most ${thousands(node.maxItems)} ` : '';
      return `list of ${max}${item.toLowerCase()}s`;
    }
    case undefined:
      if (Object.keys(node).every((key) => key === 'description' || key === 'title')) return 'any JSON value';
      throw new Error(`no words for the schema of ${path}`);
    default:
      throw new Error(`no words for the type of ${path}`);
  }
}

function fieldRows(node: JsonSchema, prefix: string, rows: string[][]): string[][] {
  const target = isSchema(node.items) ? node.items : node;
  const path = isSchema(node.items) ? `${prefix}[]` : prefix;
  if (!isSchema(target.properties)) return rows;
  const required = Array.isArray(target.required) ? target.required : [];
  for (const [key, child] of Object.entries(target.properties)) {
    if (!isSchema(child)) continue;
    const childPath = path === '' ? key : `${path}.${key}`;
    rows.push([
      code(childPath),
      required.includes(key) ? 'yes' : 'no',
      valueWords(child, childPath),
      typeof child.description === 'string' ? child.description : '',
    ]);
    fieldRows(child, childPath, rows);
  }
  return rows;
}

/** The fields table of docs/format.md: one row per field of the JSON Schema, in file order. */
export function fieldsTable(): string {
  return table(['field', 'required', 'value', 'meaning'], fieldRows(createDocumentJsonSchema(), '', []));
}
