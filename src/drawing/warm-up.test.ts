import ELK from 'elkjs/lib/elk.bundled.js';
import { expect, test } from 'vitest';
import { parseDocument, serializeDocument } from '../document';
import { countBySeverity, validate } from '../domain';
import { elkLayout } from './elk-layout';
import { warmUpDocument } from './warm-up';

test('the warm-up deployment is a valid document without errors, and ELK lays it out', async () => {
  const document = warmUpDocument();
  const parsed = parseDocument(serializeDocument(document));
  expect(parsed.ok, parsed.ok ? '' : parsed.error.message).toBe(true);
  expect(countBySeverity(validate(document)).error).toBe(0);
  const layout = await elkLayout(new ELK({ algorithms: ['layered'] }), document);
  expect(layout.components.size).toBe(document.components.length);
  expect(layout.routes.size).toBe(document.connections.length);
}, 60_000);
