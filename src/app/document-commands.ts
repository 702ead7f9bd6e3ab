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
    // A square button: the 1440 px top bar has no room for one more word (decision 028).
    icon: '⇄',
    hint: 'Share live: edit this deployment together with others, from a link',
    enabled: always,
    run: ({ store }) => shareLiveCommand(store),
  }),
];
