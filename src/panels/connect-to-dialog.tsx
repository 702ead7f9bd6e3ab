import { focusCardSoon } from '../canvas/focus-card';
import { describeComponent, displayName } from '../domain';
import { useDesigner, useDesignerStore, useJudge } from '../store/react';
import { Modal } from '../ui/modal';

/**
 * The keyboard path to a connection: lists only the components the selected one may connect to
 * now, as the domain's judge says; choosing one connects. However it closes, the keyboard goes
 * back to the card the connection starts from, never to the page body.
 */
export function ConnectToDialog({ fromId, onClose: close }: { fromId: string; onClose: () => void }) {
  const onClose = () => {
    close();
    focusCardSoon(fromId);
  };
  const store = useDesignerStore();
  const judge = useJudge();
  const from = useDesigner((s) => s.document.components.find((c) => c.id === fromId));
  const targets = judge.legalTargets(fromId);

  if (!from) return null;
  return (
    <Modal title={`Connect ${describeComponent(from)} to…`} onClose={onClose} closeLabel="Cancel">
      {targets.length === 0 ? (
        <p>
          No component can take a connection from {describeComponent(from)} now: add a component the matrix
          allows, or remove a connection that fills an X or (X) rule.
        </p>
      ) : (
        <ul className="dialog__list" aria-label="Legal targets">
          {targets.map((target) => (
            <li key={target.id}>
              <button
                type="button"
                onClick={() => {
                  // A connection made says so through the store; a refusal says why.
                  const result = store.getState().connect(fromId, target.id);
                  if (!result.ok) store.getState().notify(result.verdict.message, 'refusal');
                  onClose();
                }}
              >
                {displayName(target.kind)}: {target.name}
              </button>
            </li>
          ))}
        </ul>
      )}
    </Modal>
  );
}
