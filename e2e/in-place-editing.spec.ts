import type { Locator, Page } from '@playwright/test';
import type { DesignerPage } from './designer-page';
import { expect, test } from './fixtures';

// Issue 13, item 6: a note's text and a connection's label are edited in place on the canvas, as
// in draw.io or Excalidraw, and stay in step with the Inspector (decision 024).

const SMALL = {
  format: 'wfm-topology',
  version: 2,
  name: 'Notes and labels',
  components: [
    { id: 'web-1', kind: 'web', name: 'WFM_Web_1', position: { x: 0, y: 0 } },
    { id: 'srv-1', kind: 'server', name: 'WFM_Server_1', position: { x: 0, y: 260 } },
  ],
  connections: [{ id: 'c-1', from: 'web-1', to: 'srv-1' }],
  annotations: [{ id: 'note-1', text: 'Site A', position: { x: 320, y: 40 } }],
};

async function openSmall(designer: DesignerPage): Promise<void> {
  await designer.page
    .locator('input[type="file"]')
    .first()
    .setInputFiles({
      name: 'notes.wfm.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(SMALL)),
    });
  await expect(noteNode(designer, 'Site A')).toBeVisible();
  await designer.fitView();
}

function noteNode(designer: DesignerPage, text: string): Locator {
  return designer.canvas.getByRole('group', { name: `Note: ${text.slice(0, 40)}`, exact: true });
}

function noteEditor(designer: DesignerPage): Locator {
  return designer.canvas.getByRole('textbox', { name: 'Note text', exact: true });
}

function labelEditor(designer: DesignerPage): Locator {
  return designer.canvas.getByRole('textbox', { name: 'Connection label', exact: true });
}

/** The Inspector's own fields keep their exact names (the UI contract of issue 13). */
function inspectorText(designer: DesignerPage): Locator {
  return designer.inspector.getByRole('textbox', { name: 'Text', exact: true });
}

function inspectorLabel(designer: DesignerPage): Locator {
  return designer.inspector.getByRole('textbox', { name: 'Label', exact: true });
}

/** A point on the connection's line, away from its label, in screen pixels. */
async function pointOnEdge(designer: DesignerPage, along = 0.7) {
  await designer.waitUntilSettled(designer.edges.first());
  return designer.edges
    .first()
    .locator('.react-flow__edge-path')
    .evaluate((element, fraction) => {
      const path = element as SVGPathElement;
      const point = path.getPointAtLength(path.getTotalLength() * fraction);
      const screen = point.matrixTransform(path.getScreenCTM() ?? undefined);
      return { x: screen.x, y: screen.y };
    }, along);
}

/** The selected part of a text field, as [start, end]. */
function selectionOf(field: Locator) {
  return field.evaluate((element) => {
    const input = element as HTMLInputElement | HTMLTextAreaElement;
    return [input.selectionStart, input.selectionEnd];
  });
}

async function pressTabUntilFocused(page: Page, target: Locator): Promise<void> {
  for (let presses = 0; presses < 80; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('Tab never reached the element');
}

test('a double click on a note edits its text on the note; Ctrl+Enter keeps it as one undo step', async ({
  designer,
  page,
}) => {
  await openSmall(designer);
  const note = noteNode(designer, 'Site A');
  await designer.waitUntilSettled(note);
  await note.dblclick();

  const editor = noteEditor(designer);
  await expect(editor).toBeFocused();
  await expect(editor).toHaveValue('Site A');
  expect(await selectionOf(editor)).toEqual([0, 'Site A'.length]);
  // While it is edited, the note keeps its name and the Inspector its own field.
  await expect(note).toBeVisible();
  await expect(inspectorText(designer)).toHaveValue('Site A');

  // Enter alone starts a new line; typing replaces the selected text.
  await page.keyboard.type('Agents in London');
  await page.keyboard.press('Enter');
  await page.keyboard.type('and Leeds');
  await expect(editor).toHaveValue('Agents in London\nand Leeds');
  await page.keyboard.press('Control+Enter');

  const edited = noteNode(designer, 'Agents in London\nand Leeds');
  await expect(editor).toHaveCount(0);
  await expect(edited).toContainText('Agents in London');
  await expect(inspectorText(designer)).toHaveValue('Agents in London\nand Leeds');
  // The keyboard is back on the note, so canvas shortcuts work again: one Ctrl+Z undoes the edit.
  await expect(edited).toBeFocused();
  await page.keyboard.press('Control+z');
  await expect(noteNode(designer, 'Site A')).toBeVisible();
  await expect(inspectorText(designer)).toHaveValue('Site A');
  await designer.redoButton.click();
  await expect(edited).toBeVisible();
});

test('Escape cancels an edit, a click elsewhere keeps it, and an empty note keeps its text', async ({
  designer,
  page,
}) => {
  await openSmall(designer);
  const note = noteNode(designer, 'Site A');
  await designer.waitUntilSettled(note);

  await note.dblclick();
  await page.keyboard.type('Thrown away');
  await page.keyboard.press('Escape');
  await expect(noteEditor(designer)).toHaveCount(0);
  await expect(note).toBeVisible();
  await expect(note).toBeFocused();
  // Escape ended the edit only: the note is still selected.
  await expect(inspectorText(designer)).toHaveValue('Site A');
  await expect(designer.undoButton).toBeDisabled();

  await note.dblclick();
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Control+Enter');
  await expect(designer.status()).toContainText('A note needs some text');
  await expect(note).toBeVisible();
  await expect(designer.undoButton).toBeDisabled();

  await note.dblclick();
  await page.keyboard.type('Kept by a click elsewhere');
  const canvas = await designer.canvas.boundingBox();
  if (!canvas) throw new Error('no canvas');
  await page.mouse.click(canvas.x + 40, canvas.y + canvas.height / 2);
  await expect(noteEditor(designer)).toHaveCount(0);
  await expect(noteNode(designer, 'Kept by a click elsewhere')).toBeVisible();
});

test('the keyboard alone edits a note: Tab to it, Enter, type, Ctrl+Enter; then Delete removes it', async ({
  designer,
  page,
}) => {
  await openSmall(designer);
  const note = noteNode(designer, 'Site A');
  await designer.waitUntilSettled(note);
  await designer.paletteItem('Note').focus();
  await pressTabUntilFocused(page, note);

  await page.keyboard.press('Enter');
  const editor = noteEditor(designer);
  await expect(editor).toBeFocused();
  // The Enter that opened the editor is not typed into it.
  await expect(editor).toHaveValue('Site A');
  await page.keyboard.press('End');
  await page.keyboard.type(', first floor');
  await page.keyboard.press('Control+Enter');
  const edited = noteNode(designer, 'Site A, first floor');
  await expect(edited).toBeFocused();
  await expect(inspectorText(designer)).toHaveValue('Site A, first floor');

  // F2 edits too, as in spreadsheets and draw.io.
  await page.keyboard.press('F2');
  await expect(editor).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(edited).toBeFocused();
  await page.keyboard.press('Delete');
  await expect(designer.canvas.locator('.react-flow__node-note')).toHaveCount(0);
});

test('keys typed into an editor change the text, never the diagram', async ({ designer, page }) => {
  await openSmall(designer);
  const note = noteNode(designer, 'Site A');
  await designer.waitUntilSettled(note);
  const before = await note.boundingBox();

  await note.dblclick();
  await page.keyboard.press('Home');
  for (const key of ['Delete', 'Control+d', 'ArrowRight', 'ArrowDown', 'Control+a', 'Backspace']) {
    await page.keyboard.press(key);
  }
  await page.keyboard.type('Typed');
  await expect(noteEditor(designer)).toHaveValue('Typed');
  await page.keyboard.press('Control+Enter');
  await expect(designer.allNodes()).toHaveCount(3);
  await expect(designer.nodes()).toHaveCount(2);
  expect(await note.count()).toBe(0);
  const after = await noteNode(designer, 'Typed').boundingBox();
  expect(after?.x).toBeCloseTo(before?.x ?? Number.NaN, 0);
  expect(after?.y).toBeCloseTo(before?.y ?? Number.NaN, 0);

  const point = await pointOnEdge(designer);
  await page.mouse.dblclick(point.x, point.y);
  await expect(labelEditor(designer)).toBeFocused();
  for (const key of ['Delete', 'Backspace', 'Control+d', 'ArrowLeft', 'Control+a', 'Delete']) {
    await page.keyboard.press(key);
  }
  await page.keyboard.press('Escape');
  await expect(designer.edges).toHaveCount(1);
  await expect(designer.nodes()).toHaveCount(2);
});

test('a double click on a connection edits its label in place; Enter keeps it, Ctrl+Z takes it back', async ({
  designer,
  page,
}) => {
  await openSmall(designer);
  const point = await pointOnEdge(designer);
  await page.mouse.dblclick(point.x, point.y);

  const editor = labelEditor(designer);
  await expect(editor).toBeFocused();
  await expect(editor).toHaveValue('');
  await expect(editor).toHaveAttribute('maxlength', '100');
  // The Inspector shows the connection with its own "Label" field beside the canvas's editor.
  await expect(inspectorLabel(designer)).toHaveValue('');
  await page.keyboard.type('schedules');
  await page.keyboard.press('Enter');

  await expect(editor).toHaveCount(0);
  await expect(designer.canvas.locator('.edge-label.is-user-label')).toHaveText('schedules');
  await expect(inspectorLabel(designer)).toHaveValue('schedules');
  const edge = designer.edges.first();
  await expect(edge).toBeFocused();

  // Enter on the selected connection edits again, with the label selected; Escape keeps it.
  await page.keyboard.press('Enter');
  await expect(editor).toBeFocused();
  await expect(editor).toHaveValue('schedules');
  expect(await selectionOf(editor)).toEqual([0, 'schedules'.length]);
  await page.keyboard.type('changed');
  await page.keyboard.press('Escape');
  await expect(designer.canvas.locator('.edge-label.is-user-label')).toHaveText('schedules');
  await expect(edge).toHaveClass(/selected/);

  await page.keyboard.press('Control+z');
  await expect(designer.canvas.locator('.edge-label.is-user-label')).toHaveCount(0);
  await expect(inspectorLabel(designer)).toHaveValue('');
  await page.keyboard.press('Control+Shift+z');
  await expect(inspectorLabel(designer)).toHaveValue('schedules');

  // A double click on the label itself edits it; an empty label is removed.
  const label = designer.canvas.locator('.edge-label.is-user-label text');
  await label.dblclick();
  await expect(editor).toBeFocused();
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Enter');
  await expect(designer.canvas.locator('.edge-label.is-user-label')).toHaveCount(0);
  await expect(inspectorLabel(designer)).toHaveValue('');
});

test('the Inspector edits the same label and text, and a label longer than 100 characters is cut and said', async ({
  designer,
  page,
  context,
}) => {
  await openSmall(designer);
  await designer.selectEdge(0);
  await inspectorLabel(designer).fill('reports');
  await inspectorLabel(designer).press('Enter');
  await expect(designer.canvas.locator('.edge-label.is-user-label')).toHaveText('reports');

  const point = await pointOnEdge(designer);
  await page.mouse.dblclick(point.x, point.y);
  await expect(labelEditor(designer)).toHaveValue('reports');
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate((text) => navigator.clipboard.writeText(text), 'x'.repeat(130));
  await page.keyboard.press('Control+v');
  await expect(labelEditor(designer)).toHaveValue('x'.repeat(100));
  await expect(designer.status()).toContainText('A connection label has at most 100 characters');
  await expect(designer.canvas.getByText('At most 100 characters: the pasted text was cut.')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(inspectorLabel(designer)).toHaveValue('x'.repeat(100));

  const note = noteNode(designer, 'Site A');
  await designer.waitUntilSettled(note);
  await note.click();
  await inspectorText(designer).fill('Site B');
  await inspectorText(designer).press('Control+Enter');
  await expect(noteNode(designer, 'Site B')).toBeVisible();
  await noteNode(designer, 'Site B').dblclick();
  await expect(noteEditor(designer)).toHaveValue('Site B');
});

test('a double click on a note while a connection is selected edits the note', async ({ designer, page }) => {
  await openSmall(designer);
  await designer.selectEdge(0);
  await expect(inspectorLabel(designer)).toBeVisible();
  const note = noteNode(designer, 'Site A');
  await designer.waitUntilSettled(note);
  await note.dblclick();
  await expect(noteEditor(designer)).toBeFocused();
  await page.keyboard.type('Picked from a connection');
  await page.keyboard.press('Control+Enter');
  await expect(inspectorText(designer)).toHaveValue('Picked from a connection');
});

test('text typed on the canvas survives a reload made while the editor is open', async ({
  designer,
  page,
}) => {
  await openSmall(designer);
  const note = noteNode(designer, 'Site A');
  await designer.waitUntilSettled(note);
  await note.dblclick();
  await page.keyboard.type('Typed just before a reload');
  await expect(noteEditor(designer)).toBeFocused();

  await page.reload();

  await expect(noteNode(designer, 'Typed just before a reload')).toBeVisible();
});
