import type { DragEvent } from 'react';
import { KIND_DRAG_TYPE, LAYOUT_DRAG_TYPE, LAYOUT_ITEMS, type LayoutItem } from '../canvas/flow-handle';
import { LAYOUT_ITEM_LABELS, LAYOUT_ITEM_ROLES, useAddLayoutAtViewCentre } from '../canvas/layout-items';
import { useAddAtViewCentre } from '../canvas/view';
import { type ComponentKind, kindsByGroup } from '../domain';
import { useDesigner, useDesignerStore } from '../store/react';
import { KindIcon } from '../ui/kind-icon';

/** Every kind by group: drag one onto the canvas, or click it (Enter/Space) to add it at the view's centre. */
export function Palette() {
  const addAtCentre = useAddAtViewCentre();
  const addLayoutAtCentre = useAddLayoutAtViewCentre();
  const store = useDesignerStore();
  // A view-only live session (issue 16): nothing can be added, so nothing looks addable.
  const viewOnly = useDesigner((s) => s.live?.readOnly ?? false);

  const onDragStart = (event: DragEvent, kind: ComponentKind) => {
    event.dataTransfer.setData(KIND_DRAG_TYPE, kind);
    event.dataTransfer.effectAllowed = 'copy';
  };
  const onLayoutDragStart = (event: DragEvent, item: LayoutItem) => {
    event.dataTransfer.setData(LAYOUT_DRAG_TYPE, item);
    event.dataTransfer.effectAllowed = 'copy';
  };

  return (
    <section className="palette" aria-label="Components">
      <h2 className="panel-title">Components</h2>
      {viewOnly && (
        <p className="palette__view-only">View only: this live session takes no edits from you.</p>
      )}
      {kindsByGroup().map(({ group, title, kinds }) => (
        <div key={group} className="palette__group">
          <h3 id={`palette-${group}`} className="palette__group-title">
            {title}
          </h3>
          {kinds.map((info) => {
            const { kind } = info;
            return (
              <button
                key={kind}
                type="button"
                className="palette__item"
                disabled={viewOnly}
                draggable={!viewOnly}
                onDragStart={(event) => onDragStart(event, kind)}
                onClick={() => {
                  const id = addAtCentre(kind);
                  const added = store.getState().document.components.find((c) => c.id === id);
                  if (added) store.getState().notify(`Added ${info.displayName} '${added.name}'.`, 'success');
                }}
                aria-label={info.displayName}
                title={info.role}
                aria-describedby={`palette-role-${kind}`}
                style={{ '--kind-color': info.color } as React.CSSProperties}
              >
                <span className="palette__icon">
                  <KindIcon kind={kind} size={18} />
                </span>
                <span className="palette__text">
                  <span className="palette__name">{info.displayName}</span>
                  <span className="palette__role" id={`palette-role-${kind}`}>
                    {info.role}
                  </span>
                </span>
              </button>
            );
          })}
        </div>
      ))}
      <div className="palette__group">
        <h3 className="palette__group-title">Layout</h3>
        {LAYOUT_ITEMS.map((item) => (
          <button
            key={item}
            type="button"
            className={`palette__item palette__item--${item}`}
            disabled={viewOnly}
            draggable={!viewOnly}
            onDragStart={(event) => onLayoutDragStart(event, item)}
            onClick={() => addLayoutAtCentre(item)}
            aria-label={LAYOUT_ITEM_LABELS[item]}
            title={LAYOUT_ITEM_ROLES[item]}
            aria-describedby={`palette-role-${item}`}
          >
            <span className={`palette__icon palette__icon--${item}`} aria-hidden="true" />
            <span className="palette__text">
              <span className="palette__name">{LAYOUT_ITEM_LABELS[item]}</span>
              <span className="palette__role" id={`palette-role-${item}`}>
                {LAYOUT_ITEM_ROLES[item]}
              </span>
            </span>
          </button>
        ))}
      </div>
    </section>
  );
}
