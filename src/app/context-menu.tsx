import { type ReactNode, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import {
  ContextMenuContext,
  type ContextMenuRequest,
  type ContextMenuTarget,
  nodeTarget,
  selectForMenu,
} from '../canvas/context-menu-request';
import { useDesignerStore } from '../store/react';
import type { DesignerState } from '../store/store';
import { ALIGN_COMMANDS, DISTRIBUTE_COMMANDS } from './arrange-commands';
import { CommandMenuItem } from './command-button';
import type { CommandId } from './commands';
import { menuItems, onMenuKeyDown } from './menu-keys';
import './context-menu.css';

// The context menu of the canvas (issue 15 item 5, decision 030): on a card, a connection, a host,
// a zone, a note or the empty canvas, the commands of the one list that apply there, enabled as
// the toolbar's and the keyboard's are.

const NAMES: Record<ContextMenuTarget['kind'], string> = {
  component: 'Component',
  connection: 'Connection',
  host: 'Host',
  zone: 'Zone',
  note: 'Note',
  pane: 'Canvas',
};

const ARRANGE: readonly CommandId[] = [...ALIGN_COMMANDS, ...DISTRIBUTE_COMMANDS].map((c) => c.id);

/** The menu's groups of commands for a target, in the state the menu opens in. */
export function menuGroups(target: ContextMenuTarget, state: DesignerState): (readonly CommandId[])[] {
  const boxes = state.selection.components.size + (state.selection.layout?.size ?? 0);
  const selected = boxes + state.selection.connections.size > 0;
  const arrange = boxes >= 2 ? [ARRANGE] : [];
  switch (target.kind) {
    case 'component':
      return [['connect-to', 'copy', 'duplicate', 'delete'], ['zoom-to-selection'], ...arrange];
    case 'connection':
      return [['delete'], ['zoom-to-selection']];
    case 'host':
    case 'zone':
    case 'note':
      return [['delete'], ['zoom-to-selection'], ...arrange];
    case 'pane':
      return [
        ['paste', 'select-all', 'undo', 'redo'],
        ['find', 'tidy-up'],
        ...(selected ? [['zoom-to-selection' as CommandId]] : []),
        ...arrange,
      ];
  }
}

/** Keeps the menu in the window: moved left or up from the pointer when it would not fit. */
const MARGIN = 4;

function ContextMenu({
  request,
  onClose,
}: {
  request: ContextMenuRequest;
  onClose: (refocus: boolean) => void;
}) {
  const store = useDesignerStore();
  const ref = useRef<HTMLDivElement>(null);
  const [groups] = useState(() => menuGroups(request.target, store.getState()));
  const [at, setAt] = useState({ left: request.x, top: request.y });

  useLayoutEffect(() => {
    const menu = ref.current;
    if (!menu) return;
    const { width, height } = menu.getBoundingClientRect();
    setAt({
      left: Math.max(MARGIN, Math.min(request.x, window.innerWidth - width - MARGIN)),
      top: Math.max(MARGIN, Math.min(request.y, window.innerHeight - height - MARGIN)),
    });
    menuItems(menu)[0]?.focus();
  }, [request]);

  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      if (event.target instanceof Node && ref.current?.contains(event.target)) return;
      onClose(false);
    };
    const dismiss = () => onClose(false);
    window.addEventListener('pointerdown', onPointerDown, true);
    window.addEventListener('resize', dismiss);
    window.addEventListener('blur', dismiss);
    window.addEventListener('wheel', dismiss, { passive: true });
    return () => {
      window.removeEventListener('pointerdown', onPointerDown, true);
      window.removeEventListener('resize', dismiss);
      window.removeEventListener('blur', dismiss);
      window.removeEventListener('wheel', dismiss);
    };
  }, [onClose]);

  const choose = () => onClose(true);
  return (
    <div
      ref={ref}
      role="menu"
      aria-label={NAMES[request.target.kind]}
      className="menu menu--keys context-menu"
      style={{ left: at.left, top: at.top }}
      onKeyDown={(event) => onMenuKeyDown(event, ref.current, () => onClose(true))}
      onContextMenu={(event) => event.preventDefault()}
    >
      {groups.map((group, index) => (
        <div key={group.join()} role="none" className="context-menu__group">
          {index > 0 && <hr className="menu__separator" />}
          {group.map((id) => (
            <CommandMenuItem key={id} id={id} onChoose={choose} withShortcut />
          ))}
        </div>
      ))}
    </div>
  );
}

/** The target of Shift+F10 or the ContextMenu key: the focused card or connection, else the canvas. */
function keyboardTarget(active: Element | null): { target: ContextMenuTarget; element: HTMLElement } | null {
  if (!(active instanceof HTMLElement) && !(active instanceof SVGElement)) return null;
  if (active.closest('dialog, [role="menu"]')) return null;
  const node = active.closest<HTMLElement>('.react-flow__node');
  if (node?.dataset.id) {
    const type = [...node.classList].find((c) => c.startsWith('react-flow__node-'))?.slice(17);
    return { target: nodeTarget(type, node.dataset.id), element: node };
  }
  const edge = active.closest<HTMLElement>('.react-flow__edge');
  const edgeId = edge?.dataset.id;
  if (edge && edgeId && !edgeId.startsWith('standby:')) {
    return { target: { kind: 'connection', id: edgeId }, element: edge };
  }
  const canvas = window.document.querySelector<HTMLElement>('.react-flow');
  if (canvas && (active === window.document.body || canvas.contains(active))) {
    return { target: { kind: 'pane' }, element: canvas };
  }
  return null;
}

/**
 * Lends the canvas the function that opens the menu, and opens it by keyboard: Shift+F10 or the
 * ContextMenu key on a focused card or connection, or with the canvas (or nothing) focused.
 */
export function ContextMenuHost({ children }: { children: ReactNode }) {
  const store = useDesignerStore();
  const [request, setRequest] = useState<(ContextMenuRequest & { readonly seq: number }) | null>(null);
  // Each opening is a new menu, with the groups of its own moment.
  const opened = useRef(0);
  const open = useCallback((next: ContextMenuRequest) => {
    opened.current += 1;
    setRequest({ ...next, seq: opened.current });
  }, []);
  const close = useCallback((refocus: boolean) => {
    setRequest((current) => {
      if (refocus) current?.returnFocus?.focus({ preventScroll: true });
      return null;
    });
  }, []);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'ContextMenu' && !(event.shiftKey && event.key === 'F10')) return;
      const found = keyboardTarget(window.document.activeElement);
      if (!found) return;
      event.preventDefault();
      selectForMenu(store, found.target);
      const box = found.element.getBoundingClientRect();
      const pane = found.target.kind === 'pane';
      const focused = window.document.activeElement;
      open({
        target: found.target,
        x: pane ? box.left + box.width / 2 : box.left + Math.min(24, box.width / 2),
        y: pane ? box.top + box.height / 2 : box.top + Math.min(box.height, 40),
        returnFocus: focused instanceof HTMLElement && focused !== window.document.body ? focused : null,
      });
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store, open]);

  return (
    <ContextMenuContext.Provider value={open}>
      {children}
      {request && <ContextMenu key={request.seq} request={request} onClose={close} />}
    </ContextMenuContext.Provider>
  );
}
