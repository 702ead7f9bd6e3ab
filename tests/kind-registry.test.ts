import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import type { TopologyDocument } from '../src/document';

// Decision 017: adding a kind is one registry entry and its row and column in the matrix. This
// test adds a made-up kind to copies of those two modules, loads the product afresh on them, and
// checks that every reader picks it up with no other change: the catalog and the file format,
// the palette's groups, the matrix explorer's grid, validation, the explanation, the layouts and
// the store's ids and names, and the SVG, Markdown and Mermaid writers.

/** A string to the compiler: the product's types know nine kinds, the mocked product ten. */
const ARCHIVER: string = 'report-archiver';

/** A made-up kind, in the registry's shape: every field an entry holds. */
const ARCHIVER_ENTRY = {
  kind: ARCHIVER,
  displayName: 'WFM Report Archiver',
  shortName: 'Archiver',
  plural: 'WFM Report Archivers',
  role: 'Keeps every scheduled report for ten years (a kind made up for this test).',
  idPrefix: 'arc',
  namePrefix: 'WFM_Report_Archiver',
  roleTier: 1,
  color: '#0d9488',
  icon: ['M4 4h16v4H4z', 'M6 8v12h12V8', 'M10 12h4'],
  group: 'wfm',
  matrixRow: 'Report Archiver',
  matrixColumn: true,
  rules: {
    unusedWhenUnreached: false,
    tls: 'security-guide',
    serverClientOrder: 5,
    ha: 'none',
    singleInstance: null,
    etl: false,
  },
} as const;

/** Its row (it must connect to one WFM Server) and its column (WFM Web may connect to one). */
const ARCHIVER_ROW = { server: { mark: 'one', consequence: 'no report is ever archived' } } as const;
const WEB_TO_ARCHIVER = { mark: 'optional-one', label: 'archive' } as const;

const DOCUMENT = {
  format: 'wfm-topology',
  version: 2,
  name: 'Archived site',
  components: [
    { id: 'srv-1', kind: 'server', name: 'WFM_Server_1' },
    { id: 'web-1', kind: 'web', name: 'WFM_Web_1' },
    { id: 'arc-1', kind: ARCHIVER, name: 'Archive_London' },
    { id: 'arc-2', kind: ARCHIVER, name: 'Archive_Leeds' },
  ],
  connections: [
    { id: 'c-1', from: 'web-1', to: 'srv-1' },
    { id: 'c-2', from: 'arc-1', to: 'srv-1', security: 'tls' },
    { id: 'c-3', from: 'web-1', to: 'arc-1', security: 'tls' },
  ],
};

beforeAll(() => {
  vi.resetModules();
  vi.doMock('../src/domain/kind-registry', async (importOriginal) => {
    const original = await importOriginal<typeof import('../src/domain/kind-registry')>();
    return { ...original, KIND_REGISTRY: { ...original.KIND_REGISTRY, [ARCHIVER]: ARCHIVER_ENTRY } };
  });
  vi.doMock('../src/domain/matrix-rows', async (importOriginal) => {
    const original = await importOriginal<typeof import('../src/domain/matrix-rows')>();
    const rows = original.MATRIX_ROWS;
    return {
      ...original,
      MATRIX_ROWS: { ...rows, web: { ...rows.web, [ARCHIVER]: WEB_TO_ARCHIVER }, [ARCHIVER]: ARCHIVER_ROW },
    };
  });
});

afterAll(() => {
  vi.doUnmock('../src/domain/kind-registry');
  vi.doUnmock('../src/domain/matrix-rows');
  vi.resetModules();
});

/** The document read through the file format, as the mocked product reads it. */
async function archivedSite(): Promise<TopologyDocument> {
  const { parseDocument } = await import('../src/document');
  const result = parseDocument(JSON.stringify(DOCUMENT));
  if (!result.ok) throw new Error(result.error.message);
  return result.document;
}

test('the catalog and the file format know the new kind', async () => {
  const domain = await import('../src/domain');
  expect(domain.COMPONENT_KINDS.at(-1)).toBe(ARCHIVER);
  expect(domain.isComponentKind(ARCHIVER)).toBe(true);
  expect(Object.keys(domain.KIND_CATALOG)).toContain(ARCHIVER);
  expect(domain.COMPONENT_KINDS.map(domain.displayName)).toContain('WFM Report Archiver');
  expect(domain.SOURCE_KINDS).toContain(ARCHIVER);
  expect(domain.TARGET_KINDS).toContain(ARCHIVER);
  const document = await archivedSite();
  expect(document.components.map((c) => c.kind)).toContain(ARCHIVER);
});

test('the palette lists it in its group with its name, role, colour and icon', async () => {
  const { kindsByGroup } = await import('../src/domain');
  const wfm = kindsByGroup().find((section) => section.group === 'wfm');
  expect(wfm?.title).toBe('WFM applications');
  const entry = wfm?.kinds.find((info) => info.kind === ARCHIVER);
  expect(entry).toMatchObject({
    displayName: 'WFM Report Archiver',
    role: ARCHIVER_ENTRY.role,
    color: '#0d9488',
    icon: ARCHIVER_ENTRY.icon,
  });
});

test('the matrix explorer draws its row and column, with the cells of its row', async () => {
  const { matrixUsage } = await import('../src/domain');
  const { matrixGrid } = await import('../src/panels/matrix-grid');
  const grid = matrixGrid(matrixUsage(await archivedSite()), 'wfm-8.5.2');
  expect(grid.columns.at(-1)).toEqual({ to: ARCHIVER, heading: 'Archiver' });
  const row = grid.rows.find((r) => r.from === ARCHIVER);
  expect(row?.heading).toBe('Report Archiver');
  expect(row?.cells.find((c) => c.to === 'server')?.cell?.mark).toBe('one');
  expect(row?.cells.find((c) => c.to === 'server')?.usage.count).toBe(1);
  const web = grid.rows.find((r) => r.from === 'web');
  expect(web?.cells.find((c) => c.to === ARCHIVER)?.label).toBe(
    'WFM Web to WFM Report Archiver: (X), optional connection; 1 connection in this deployment',
  );
});

test('validation holds it to its row, and its rules come from its entry', async () => {
  const { validate } = await import('../src/domain');
  // The WFM Server's own missing Builder and DAP are no concern here.
  const problems = validate(await archivedSite()).filter(
    (p) => !('componentId' in p && p.componentId === 'srv-1'),
  );
  // No component has a host, so every TLS connection to a kind whose entry says `tls:
  // 'security-guide'` gets `tls-no-certificate` (rules.md section 11): c-2 for the WFM Server, and
  // c-3 for the archiver, whose entry is all that puts it under the Security Deployment Guide.
  // c-3 also gets `tls-web-daemon` from WFM Web's own entry, first, as connection problems go.
  expect(problems).toEqual([
    {
      code: 'missing-connection',
      severity: 'error',
      message: "WFM Report Archiver 'Archive_Leeds' must connect to exactly one WFM Server",
      componentId: 'arc-2',
      targetKind: 'server',
    },
    {
      code: 'tls-no-certificate',
      severity: 'warning',
      message:
        "WFM Report Archiver 'Archive_London' → WFM Server 'WFM_Server_1' uses TLS, but WFM Server 'WFM_Server_1' has no host: for WFM Server, the certificate can only be assigned at the Host object level",
      connectionId: 'c-2',
    },
    {
      code: 'tls-web-daemon',
      severity: 'info',
      message: expect.stringContaining("WFM Web 'WFM_Web_1' → WFM Report Archiver 'Archive_London' uses TLS"),
      connectionId: 'c-3',
    },
    {
      code: 'tls-no-certificate',
      severity: 'warning',
      message:
        "WFM Web 'WFM_Web_1' → WFM Report Archiver 'Archive_London' uses TLS, but WFM Report Archiver 'Archive_London' has no host: for WFM Report Archiver, the certificate can only be assigned at the Host object level",
      connectionId: 'c-3',
    },
  ]);
});

test('the explanation counts it, names it among the Server’s clients and says what its missing cell costs', async () => {
  const { explainDeployment } = await import('../src/domain');
  const sentences = explainDeployment(await archivedSite()).flatMap((section) => section.sentences);
  expect(sentences).toContain(
    'This deployment has 4 components and 3 connections: 1 WFM Server, 1 WFM Web and 2 WFM Report Archivers.',
  );
  expect(sentences).toContain(
    "WFM Server 'WFM_Server_1' serves WFM Web 'WFM_Web_1' and WFM Report Archiver 'Archive_London', which connect to it.",
  );
  expect(sentences).toContain(
    "WFM Report Archiver 'Archive_Leeds' has no WFM Server, so no report is ever archived.",
  );
  expect(sentences).toContain(
    'WFM Server, WFM Builder, WFM Data Aggregator and WFM Report Archiver follow the Genesys Security Deployment Guide; their certificate is assigned on the Host object.',
  );
});

test('the layout puts it in its tier, and the store gives it its id and name', async () => {
  const { layoutByRole, ROLE_TIER } = await import('../src/drawing/layout');
  const { addComponent } = await import('../src/store/operations');
  const { isComponentKind } = await import('../src/domain');
  if (!isComponentKind(ARCHIVER)) throw new Error('not a kind');
  expect(ROLE_TIER[ARCHIVER]).toBe(1);
  const document = await archivedSite();
  const positions = layoutByRole(document);
  expect(positions.get('arc-1')?.y).toBe(positions.get('arc-2')?.y);
  expect(positions.get('arc-1')?.y).toBeLessThan(positions.get('srv-1')?.y ?? 0);
  expect(positions.get('arc-1')?.y).toBeGreaterThan(positions.get('web-1')?.y ?? 0);
  const added = addComponent(document, ARCHIVER, { x: 0, y: 0 });
  expect(added.id).toMatch(/^arc-\d+$/);
  expect(added.document.components.at(-1)?.name).toBe('WFM_Report_Archiver_1');
});

test('the SVG, Markdown and Mermaid writers draw it with its name, colour and icon', async () => {
  const { serializeMarkdown, serializeMermaid, serializeSvg } = await import('../src/export');
  const document = await archivedSite();
  const svg = serializeSvg(document);
  expect(svg).toContain(`<symbol id="kind-${ARCHIVER}"`);
  expect(svg).toContain('fill="#0d9488"');
  for (const path of ARCHIVER_ENTRY.icon) expect(svg).toContain(`<path d="${path}"/>`);
  expect(svg).toContain('>WFM Report Archiver</text>');
  const markdown = serializeMarkdown(document);
  expect(markdown).toContain('### Archive_London (WFM Report Archiver)');
  expect(markdown).toContain('| Archive_London | WFM Report Archiver | `(X)` optional connection | TLS |');
  expect(serializeMermaid(document)).toContain('classDef k_report_archiver fill:#0d9488');
});
