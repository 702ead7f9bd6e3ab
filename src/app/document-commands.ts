import { createEmptyDocument } from '../document';
import { always, defineCommand } from './command';
import { copyShareLink } from './document-actions';
import { openImportPicker } from './import-input';
import { shareLiveCommand } from './live-actions';

// Documents in and out: New, Open recent, Import and the share link.

export const DOCUMENT_COMMANDS = [
  defineCommand({
    id: 'new',
    label: 'New',
    enabled: always,
    run: ({ store }) =>
      store.getState().openNewDocument(createEmptyDocument(), 'new', 'Started a new deployment.'),
  }),
  defineCommand({
    id: 'open-recent',
    label: 'Open recent',
    hint: 'The deployments saved in this browser',
    enabled: always,
    run: ({ store }) => store.getState().openDialog({ kind: 'open-recent' }),
  }),
  defineCommand({
    id: 'import',
    label: 'Import',
    enabled: always,
    run: () => openImportPicker(),
  }),
  defineCommand({
    id: 'share-link',
    label: 'Copy share link',
    text: 'Share link',
    hint: 'Copy a link that carries this deployment',
    enabled: always,
    run: ({ store }) => copyShareLink(store),
  }),
  defineCommand({
    id: 'share-live',
    label: 'Share live',
    hint: 'Edit this deployment together with others, live, from a link',
    enabled: always,
    run: ({ store }) => shareLiveCommand(store),
  }),
];
