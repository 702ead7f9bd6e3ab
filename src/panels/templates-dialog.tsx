import { useId, useState } from 'react';
import type { TopologyDocument } from '../document';
import { parseDocument } from '../document';
import { counted } from '../domain';
import { serializeSvg } from '../export';
import { useDesigner, useDesignerStore } from '../store/react';
import { TEMPLATES, type TemplateEntry } from '../templates/catalog';
import { Modal } from '../ui/modal';
import './templates-dialog.css';

interface Preview {
  readonly entry: TemplateEntry;
  /** A `data:` URL of the template drawn as SVG (the strict CSP allows `data:` images), or null. */
  readonly thumbnail: string | null;
  readonly summary: string;
}

let previews: readonly Preview[] | null = null;

/** The thumbnails, drawn once per page: the templates never change while the app runs. */
function templatePreviews(): readonly Preview[] {
  previews ??= TEMPLATES.map((entry) => {
    const result = parseDocument(entry.text);
    if (!result.ok) return { entry, thumbnail: null, summary: 'This template could not be read.' };
    const { components, connections } = result.document;
    return {
      entry,
      thumbnail: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(serializeSvg(result.document))}`,
      summary: `${counted(components.length, 'component')} · ${counted(connections.length, 'connection')}`,
    };
  });
  return previews;
}

function TemplateCard({ preview, onLoad }: { preview: Preview; onLoad: (entry: TemplateEntry) => void }) {
  const descriptionId = useId();
  const { entry, thumbnail, summary } = preview;
  return (
    <li className="template-card">
      <button
        type="button"
        className="template-card__button"
        aria-describedby={descriptionId}
        onClick={() => onLoad(entry)}
      >
        <span className="template-card__thumbnail">{thumbnail && <img alt="" src={thumbnail} />}</span>
        <span className="template-card__title">{entry.title}</span>
      </button>
      <p id={descriptionId} className="template-card__description">
        {entry.description}
      </p>
      <p className="template-card__summary">{summary}</p>
    </li>
  );
}

/** True when the canvas shows something a template would take the place of. */
function hasContent(document: TopologyDocument): boolean {
  return (
    document.components.length > 0 ||
    (document.hosts?.length ?? 0) > 0 ||
    (document.zones?.length ?? 0) > 0 ||
    (document.annotations?.length ?? 0) > 0
  );
}

/**
 * The reference deployments of domain.md section 5; choosing one opens it as a new document. On a
 * canvas that shows something, it asks first, as an exercise does (issue 15); Cancel goes back to
 * the list and changes nothing.
 */
export function TemplatesDialog({ onClose }: { onClose: () => void }) {
  const store = useDesignerStore();
  const [pending, setPending] = useState<TemplateEntry | null>(null);
  const open = (entry: TemplateEntry) => {
    const state = store.getState();
    const result = parseDocument(entry.text);
    if (!result.ok) {
      state.notify(`The template “${entry.title}” could not be read: ${result.error.message}`, 'error');
      return;
    }
    onClose();
    state.openNewDocument(
      result.document,
      'template',
      `Opened the template “${entry.title}” as a new document.`,
    );
  };
  const load = (entry: TemplateEntry) => {
    if (hasContent(store.getState().document)) setPending(entry);
    else open(entry);
  };
  if (pending)
    return (
      <ConfirmTemplate entry={pending} onConfirm={() => open(pending)} onCancel={() => setPending(null)} />
    );
  return (
    <Modal title="Templates" onClose={onClose} className="templates-dialog">
      <p className="templates-dialog__intro">
        Start from a reference deployment that follows the component connections matrix. It opens as a new
        document; the current one stays in Open recent.
      </p>
      <ul className="templates-dialog__grid">
        {templatePreviews().map((preview) => (
          <TemplateCard key={preview.entry.id} preview={preview} onLoad={load} />
        ))}
      </ul>
    </Modal>
  );
}

/** "Open …?": what happens to the deployment on the canvas, in the words the exercises use. */
function ConfirmTemplate({
  entry,
  onConfirm,
  onCancel,
}: {
  entry: TemplateEntry;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const document = useDesigner((s) => s.document);
  const library = useDesigner((s) => s.libraryAvailable);
  const count = counted(document.components.length, 'component');
  const name = document.name?.trim() || 'Untitled deployment';
  return (
    <Modal
      title={`Open the template “${entry.title}”?`}
      onClose={onCancel}
      closeLabel="Cancel"
      actions={
        <button type="button" className="button button--primary" onClick={onConfirm}>
          Open template
        </button>
      }
    >
      <p>
        {library
          ? `The template takes the place of the deployment on the canvas (“${name}”, ${count}), which stays in Open recent.`
          : `The template replaces the current deployment (${count}). Undo brings your deployment back.`}
      </p>
    </Modal>
  );
}
