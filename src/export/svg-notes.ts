import { type TopologyDocument, visibleText } from '../document';
import type { Rect } from '../drawing/geometry';
import { estimateTextWidth, fitText } from '../drawing/text-metrics';

type DocumentAnnotation = NonNullable<TopologyDocument['annotations']>[number];

/** A note without a stored size: this wide, as tall as its text (up to NOTE_MAX_LINES lines). */
export const NOTE_WIDTH = 220;
export const NOTE_FONT = 12;
export const NOTE_LINE = 16;
export const NOTE_PAD = 10;
const NOTE_MAX_LINES = 8;

/** A note as drawn: its box and the lines of its text (visible, wrapped, cut with an ellipsis). */
export interface NoteLayout {
  readonly rect: Rect;
  readonly lines: readonly string[];
}

/** Words flowed into lines of `maxWidth`; a word wider than a line is cut to fit. */
function wrap(paragraph: string, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of paragraph.split(/ +/)) {
    const candidate = line ? `${line} ${word}` : word;
    if (estimateTextWidth(candidate, NOTE_FONT) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = fitText(word, NOTE_FONT, maxWidth);
  }
  lines.push(line);
  return lines;
}

/**
 * Where a note is drawn and what it says: the text's own line breaks kept, each paragraph made
 * visible (`visibleText`: no hidden or reordering character) and wrapped to the note's width; the
 * lines that do not fit its height (or NOTE_MAX_LINES, for a note without a size) cut with "…".
 */
export function layOutNote(note: DocumentAnnotation): NoteLayout {
  const width = note.size?.width ?? NOTE_WIDTH;
  const maxLines = note.size
    ? Math.max(1, Math.floor((note.size.height - NOTE_PAD * 2) / NOTE_LINE))
    : NOTE_MAX_LINES;
  const all = note.text
    .split(/\r\n|\r|\n/)
    .flatMap((paragraph) => wrap(visibleText(paragraph), width - NOTE_PAD * 2));
  const lines = all.length > maxLines ? [...all.slice(0, maxLines - 1), `${all[maxLines - 1] ?? ''}…`] : all;
  const height = note.size?.height ?? lines.length * NOTE_LINE + NOTE_PAD * 2;
  return { rect: { x: note.position.x, y: note.position.y, width, height }, lines };
}
