import { expect, test } from 'vitest';
import { parseDocument, type ValidationBlock } from '../src/document';
import { EXIT_CODES } from './exit-codes';
import { toSarif } from './validate-sarif';

// A problem about a host (rules.md section 11: missing-lca, a host's duplicate-name) is located
// at its host in the file, as a component's problem is at its component.

const TEXT = [
  '{',
  '  "format": "wfm-topology",',
  '  "version": 2,',
  '  "hosts": [',
  '    { "id": "h-1", "name": "wfm01" },',
  '    { "id": "h-2", "name": "WFM01" }',
  '  ],',
  '  "components": [],',
  '  "connections": []',
  '}',
].join('\n');

test('a problem with a hostId is located at that host, line and column', () => {
  const parsed = parseDocument(TEXT);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const validation: ValidationBlock = {
    ruleset: 'wfm-8.5.1',
    valid: false,
    counts: { error: 1, warning: 0, info: 0 },
    problems: [
      {
        code: 'duplicate-name',
        severity: 'error',
        message: "Host 'WFM01' has the same name as Host 'wfm01'",
        hostId: 'h-2',
        componentId: undefined,
        connectionId: undefined,
        targetKind: undefined,
      },
    ],
  };
  const log = toSarif(
    [
      {
        file: 'site.wfm.json',
        ok: true,
        validation,
        parsed: { ok: true, document: parsed.document, text: TEXT, source: 'json' },
      },
    ],
    EXIT_CODES.problems,
  );
  const [run] = log.runs;
  expect(run.properties.rulesets).toEqual([{ uri: 'site.wfm.json', ruleset: 'wfm-8.5.1' }]);
  expect(run.results[0]?.properties).toEqual({ ruleset: 'wfm-8.5.1' });
  expect(run.results[0]?.locations[0]).toMatchObject({
    physicalLocation: { region: { startLine: 6, startColumn: 5 } },
    logicalLocations: [{ name: 'hosts[1]', fullyQualifiedName: 'hosts[1]', kind: 'object' }],
  });
});
