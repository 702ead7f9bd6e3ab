// The special characters as entities, and the characters XML 1.0 cannot hold at all, even escaped,
// dropped rather than making the file unreadable.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const SPECIAL = /[&<>"'\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const TEXT_SPECIAL = /[&<>\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const ENTITIES: { readonly [ch: string]: string } = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};
const toEntity = (ch: string): string => ENTITIES[ch] ?? '';

/**
 * Escapes text for XML element content and attribute values in one pass. With `quotes` false only
 * `&`, `<` and `>` are escaped, which is all element text needs.
 */
export function escapeXml(text: string, quotes = true): string {
  const special = quotes ? SPECIAL : TEXT_SPECIAL;
  special.lastIndex = 0;
  return special.test(text) ? text.replace(special, toEntity) : text;
}

/** Reverses `escapeXml` and the numeric character references any XML tool may write. */
export function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, entity: string) => {
    switch (entity) {
      case 'amp':
        return '&';
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      default: {
        const code = entity.startsWith('#x') ? Number.parseInt(entity.slice(2), 16) : Number(entity.slice(1));
        return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : '';
      }
    }
  });
}
