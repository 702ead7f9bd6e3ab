import { useId } from 'react';
import { parseDocument } from '../document';
import { counted } from '../domain';
import { serializeSvg } from '../export';
import { useDesignerStore } from '../store/react';
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

/** The reference deployments of domain.md section 5; choosing one opens it as a new document. */
export function TemplatesDialog({ onClose }: { onClose: () => void }) {
  const store = useDesignerStore();
  const load = (entry: TemplateEntry) => {
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
