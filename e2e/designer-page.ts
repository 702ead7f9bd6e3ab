import { expect, type Locator, type Page } from '@playwright/test';
import { clearLibrary } from './library-storage';

export interface Point {
  readonly x: number;
  readonly y: number;
}

interface Box extends Point {
  readonly width: number;
  readonly height: number;
}

/** The designer as a user sees it: the panels by their names, the cards by their labels. */
export class DesignerPage {
  readonly palette: Locator;
  readonly canvas: Locator;
  readonly inspector: Locator;
  readonly edges: Locator;
  readonly undoButton: Locator;
  readonly redoButton: Locator;

  constructor(readonly page: Page) {
    this.palette = page.getByRole('region', { name: 'Components' });
    this.canvas = page.getByRole('application', { name: 'Deployment diagram' });
    this.inspector = page.getByRole('region', { name: 'Inspector' });
    // Connections only: an HA pair's standby link is an edge of the canvas too.
    this.edges = page.locator('.react-flow__edge-connection');
    this.undoButton = page.getByRole('button', { name: 'Undo', exact: true });
    this.redoButton = page.getByRole('button', { name: 'Redo', exact: true });
  }

  /** Opens the designer with nothing saved in the browser. */
  async open(): Promise<void> {
    await this.page.goto('/');
    // The canvas shows once the designer has opened its library (which creates the database).
    await expect(this.canvas).toBeVisible();
    // Every test has a fresh browser context; clear and reload only if something was saved anyway.
    const stored = await this.page.evaluate(() => {
      const count = window.localStorage.length;
      window.localStorage.clear();
      return count;
    });
    const documents = await clearLibrary(this.page);
    if (stored + documents > 0) {
      // The tab's open document (sessionStorage) was one of those just removed.
      await this.page.evaluate(() => window.sessionStorage.clear());
      await this.page.reload();
    }
    await expect(this.canvas).toBeVisible();
  }

  paletteItem(displayName: string): Locator {
    return this.palette.getByRole('button', { name: displayName, exact: true });
  }

  /** Clicks a palette item: the component lands on a free spot near the view's centre. */
  async addFromPalette(displayName: string): Promise<Locator> {
    const before = await this.nodes().count();
    await this.paletteItem(displayName).click();
    await expect(this.nodes()).toHaveCount(before + 1);
    // Cards are drawn in document order: the new one is the last.
    return this.nodes().nth(before);
  }

  /**
   * Drags a palette item onto the canvas (HTML5 drag and drop); `point` is relative to the canvas.
   * Returns the last card (the new one, when a component was dragged; a host, zone or note is
   * found by its name).
   */
  async dragFromPalette(displayName: string, point: Point): Promise<Locator> {
    const before = await this.allNodes().count();
    await this.paletteItem(displayName).dragTo(this.canvas, { targetPosition: point });
    await expect(this.allNodes()).toHaveCount(before + 1);
    return this.nodes().last();
  }

  /** The component cards (version 2 also draws hosts, zones and notes: see `allNodes`). */
  nodes(): Locator {
    return this.canvas.locator('.react-flow__node-component');
  }

  /** Every node of the canvas: cards, and the hosts, zones and notes around them. */
  allNodes(): Locator {
    return this.canvas.locator('.react-flow__node');
  }

  /** A component card by its accessible name, e.g. `node('WFM Server', 'WFM_Server_1')`. */
  node(displayName: string, name: string): Locator {
    return this.canvas.getByRole('group', { name: `${displayName}: ${name}`, exact: true });
  }

  card(node: Locator): Locator {
    return node.locator('.component-card');
  }

  /**
   * Waits until the view and `target` have stopped moving (a pan animation, a card that is still
   * being measured) and `target`'s centre is the element a click there would hit.
   */
  async waitUntilSettled(target: Locator): Promise<void> {
    await expect
      .poll(
        () =>
          target.evaluate(
            (element) =>
              new Promise<boolean>((resolve) => {
                const read = () => {
                  const r = element.getBoundingClientRect();
                  const viewport = document.querySelector('.react-flow__viewport');
                  return `${r.left},${r.top},${r.width},${r.height},${viewport ? getComputedStyle(viewport).transform : ''}`;
                };
                const first = read();
                requestAnimationFrame(() =>
                  requestAnimationFrame(() => {
                    const r = element.getBoundingClientRect();
                    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                    resolve(read() === first && hit !== null && (hit === element || element.contains(hit)));
                  }),
                );
              }),
          ),
        { message: 'the element keeps moving or is covered' },
      )
      .toBe(true);
  }

  /** Presses on a node's source handle and moves away from it: a connection is now being dragged. */
  async startConnection(from: Locator): Promise<void> {
    const handle = from.locator('.source-handle');
    await this.waitUntilSettled(handle);
    const box = await handle.boundingBox();
    if (!box) throw new Error('the source handle is not visible');
    const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await this.page.mouse.move(centre.x, centre.y);
    await this.page.mouse.down();
    await this.page.mouse.move(centre.x + 12, centre.y + 24, { steps: 4 });
    // A press that missed the handle would drag the card instead; say so rather than go on.
    await expect(
      this.canvas.locator('.react-flow__connection-path'),
      'a connection is being drawn',
    ).toHaveCount(1);
  }

  /** During a connection drag: moves the pointer towards `node`, then onto its centre. */
  async dragOver(node: Locator): Promise<void> {
    const box = await node.boundingBox();
    if (!box) throw new Error('the node is not visible');
    const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await this.page.mouse.move(centre.x, centre.y - 8, { steps: 8 });
    await this.page.mouse.move(centre.x, centre.y, { steps: 2 });
  }

  /** Drags a connection from `from`'s source handle and drops it on the centre of `to`. */
  async connect(from: Locator, to: Locator): Promise<void> {
    await this.startConnection(from);
    await this.dragOver(to);
    await this.page.mouse.up();
  }

  /** Drags a card by its body (away from its handle) by `delta` screen pixels. */
  async moveNode(node: Locator, delta: Point): Promise<void> {
    const box = await node.boundingBox();
    if (!box) throw new Error('the node is not visible');
    const start = { x: box.x + 24, y: box.y + 16 };
    await this.page.mouse.move(start.x, start.y);
    await this.page.mouse.down();
    await this.page.mouse.move(start.x + delta.x / 2, start.y + delta.y / 2, { steps: 5 });
    await this.page.mouse.move(start.x + delta.x, start.y + delta.y, { steps: 5 });
    await this.page.mouse.up();
  }

  /** Holds Shift and drags a selection box around `nodes`, starting on the empty canvas. */
  async boxSelect(nodes: readonly Locator[]): Promise<void> {
    const boxes = await Promise.all(nodes.map((node) => node.boundingBox()));
    const left = Math.min(...boxes.map((b) => b?.x ?? Number.NaN)) - 24;
    const top = Math.min(...boxes.map((b) => b?.y ?? Number.NaN)) - 24;
    const right = Math.max(...boxes.map((b) => (b ? b.x + b.width : Number.NaN))) + 24;
    const bottom = Math.max(...boxes.map((b) => (b ? b.y + b.height : Number.NaN))) + 24;
    if ([left, top, right, bottom].some(Number.isNaN)) throw new Error('a node is not visible');
    await this.page.keyboard.down('Shift');
    await this.page.mouse.move(left, top);
    await this.page.mouse.down();
    await this.page.mouse.move((left + right) / 2, (top + bottom) / 2, { steps: 4 });
    await this.page.mouse.move(right, bottom, { steps: 4 });
    await this.page.mouse.up();
    await this.page.keyboard.up('Shift');
  }

  /**
   * Expects the connection named `name` to be on the canvas with its line drawn. (A straight
   * vertical line has a box of zero width, which Playwright's `toBeVisible` counts as hidden.)
   */
  async expectEdgeDrawn(name: string): Promise<void> {
    const edge = this.canvas.getByRole('group', { name, exact: true });
    await expect(edge).toBeAttached();
    await expect
      .poll(() =>
        edge.locator('.react-flow__edge-path').evaluate((path) => (path as SVGPathElement).getTotalLength()),
      )
      .toBeGreaterThan(10);
  }

  /** Clicks the middle of the `index`th connection, which selects it. */
  async selectEdge(index: number): Promise<void> {
    const path = this.edges.nth(index).locator('.react-flow__edge-path');
    const middle = await path.evaluate((element) => {
      const svgPath = element as SVGPathElement;
      const point = svgPath.getPointAtLength(svgPath.getTotalLength() / 2);
      const matrix = svgPath.getScreenCTM();
      if (!matrix) return null;
      const screen = point.matrixTransform(matrix);
      return { x: screen.x, y: screen.y };
    });
    if (!middle) throw new Error('the connection is not drawn');
    await this.page.mouse.click(middle.x, middle.y);
  }

  /**
   * Clicks "Fit View" and waits until the view has stopped moving. React Flow fits on a later
   * render (its fit is queued with the nodes), which on a busy machine came a few hundred
   * milliseconds after the click: a card clicked at once was then clicked where it used to be.
   */
  async fitView(): Promise<void> {
    await this.page.getByRole('button', { name: 'Fit View' }).click();
    await this.page.evaluate(async () => {
      const viewport = window.document.querySelector<HTMLElement>('.react-flow__viewport');
      if (!viewport) return;
      const start = performance.now();
      let last = viewport.style.transform;
      let stableSince = start;
      while (performance.now() - stableSince < 300 && performance.now() - start < 3000) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
        if (viewport.style.transform !== last) {
          last = viewport.style.transform;
          stableSince = performance.now();
        }
      }
    });
  }

  /**
   * Fits the view, then zooms out until every card stands clear of the canvas edges (where a
   * connection drag pans the view), the mini map and the zoom controls.
   */
  async showAllCards(): Promise<void> {
    await this.fitView();
    for (let step = 0; step < 6 && !(await this.cardsStandClear()); step += 1) {
      await this.page.getByRole('button', { name: 'Zoom Out' }).click();
    }
    expect(await this.cardsStandClear(), 'every card is clear of the edges and overlays').toBe(true);
  }

  private async cardsStandClear(): Promise<boolean> {
    const [canvas, miniMap, controls] = await Promise.all([
      this.canvas.boundingBox(),
      this.canvas.locator('.react-flow__minimap').boundingBox(),
      this.canvas.locator('.react-flow__controls').boundingBox(),
    ]);
    if (!canvas) return false;
    const margin = 48;
    const overlaps = (a: Box, b: Box | null) =>
      b !== null &&
      a.x < b.x + b.width &&
      b.x < a.x + a.width &&
      a.y < b.y + b.height &&
      b.y < a.y + a.height;
    for (const node of await this.nodes().all()) {
      const box = await node.boundingBox();
      if (!box) return false;
      // The source handle hangs below the card.
      const card = { x: box.x, y: box.y, width: box.width, height: box.height + 10 };
      const inside =
        card.x >= canvas.x + margin &&
        card.y >= canvas.y + margin &&
        card.x + card.width <= canvas.x + canvas.width - margin &&
        card.y + card.height <= canvas.y + canvas.height - margin;
      if (!inside || overlaps(card, miniMap) || overlaps(card, controls)) return false;
    }
    return true;
  }

  /** "Open recent" from the top bar: the dialog of the documents saved in this browser. */
  async openRecent(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Open recent', exact: true }).click();
    const dialog = this.recentDialog();
    await expect(dialog).toBeVisible();
    return dialog;
  }

  recentDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Open recent' });
  }

  /**
   * A saved document in Open recent: a button whose name starts with the document's name, then
   * what it holds ("Site A 3 components · 1.2 kB · saved just now").
   */
  recentDocument(name: string): Locator {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return this.recentDialog()
      .getByRole('list', { name: 'Saved documents' })
      .getByRole('button', { name: new RegExp(`^${escaped} \\d+ components? · `) });
  }

  problems(): Locator {
    return this.page.getByRole('region', { name: 'Problems' });
  }

  problemItems(code: string): Locator {
    return this.problems()
      .getByRole('listitem')
      .and(this.page.locator(`[data-problem-code="${code}"]`));
  }

  status(): Locator {
    return this.page.getByRole('status');
  }

  async edgeCount(): Promise<number> {
    return this.edges.count();
  }

  field(label: string): Locator {
    return this.inspector.getByLabel(label, { exact: true });
  }

  /** Types a new value into an inspector field and commits it with Enter. */
  async commitField(label: string, value: string): Promise<void> {
    await this.field(label).fill(value);
    await this.field(label).press('Enter');
  }

  /**
   * Adds a host from the palette and names it (version 2: a component runs on a host object,
   * picked in its Inspector's "Host" combobox). Returns the host's node.
   */
  async addHost(name: string): Promise<Locator> {
    await this.paletteItem('Host').click();
    await this.commitField('Name', name);
    const host = this.canvas.getByRole('group', { name: `Host: ${name}`, exact: true });
    await expect(host).toBeAttached();
    return host;
  }

  option(label: string): Locator {
    return this.page.getByRole('checkbox', { name: label, exact: true });
  }

  documentName(): Locator {
    return this.page.getByRole('textbox', { name: 'Document name' });
  }

  /** How far, in screen pixels, a node's centre is from the centre of the canvas. */
  async distanceFromCanvasCentre(node: Locator): Promise<number> {
    const [box, canvas] = await Promise.all([node.boundingBox(), this.canvas.boundingBox()]);
    if (!box || !canvas) throw new Error('the node or the canvas is not visible');
    return Math.hypot(
      box.x + box.width / 2 - (canvas.x + canvas.width / 2),
      box.y + box.height / 2 - (canvas.y + canvas.height / 2),
    );
  }

  /** Where a node sits on the screen, rounded to whole pixels. */
  async position(node: Locator): Promise<Point> {
    const box = await node.boundingBox();
    if (!box) throw new Error('the node is not visible');
    return { x: Math.round(box.x), y: Math.round(box.y) };
  }
}
