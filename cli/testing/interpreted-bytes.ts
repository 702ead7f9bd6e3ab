// What a terminal acts on instead of showing, written out here from the issue (11, item 5) and
// Unicode's tables rather than imported from the code under test.
const INTERPRETED: readonly (readonly [number, number])[] = [
  [0x0000, 0x0009], // C0 controls before the newline
  [0x000b, 0x001f], // C0 controls after it (the newline ends the CLI's own lines)
  [0x007f, 0x009f], // DEL and the C1 controls
  [0x061c, 0x061c],
  [0x200e, 0x200f],
  [0x2028, 0x202e],
  [0x2066, 0x2069],
];

/**
 * Every character of a process's output that a terminal would act on, as `U+XXXX at offset`
 * (an empty list when the output is safe). The bytes must be well-formed UTF-8: a stray byte
 * could be half of a C1 control to a terminal that reads Latin-1.
 */
export function interpretedCharacters(bytes: Uint8Array): string[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return ['not well-formed UTF-8'];
  }
  const found: string[] = [];
  let offset = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (INTERPRETED.some(([first, last]) => code >= first && code <= last)) {
      found.push(`U+${code.toString(16).toUpperCase().padStart(4, '0')} at ${offset}`);
    }
    offset += ch.length;
  }
  return found;
}
