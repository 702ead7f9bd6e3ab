import { type ReactNode, useMemo } from 'react';
import { useRevealElement } from '../canvas/view';
import type { TopologyDocument } from '../document';
import {
  COMPONENT_KINDS,
  displayName,
  type ExplanationSection,
  explainDeployment,
  type Problem,
} from '../domain';
import { useDerivations, useDesigner } from '../store/react';
import './explain-panel.css';
import type { DesignerState } from '../store/store';
import { SidePanelFrame } from './side-panel-frame';

/** "WFM Builder 'B1'": how the explanation names a component (describeComponent's form). */
const NAME_PATTERN = new RegExp(
  `(${COMPONENT_KINDS.map((kind) => displayName(kind).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')}) '([^']*)'`,
  'g',
);

function nameKey(kindName: string, name: string): string {
  return `${kindName}\u0000${name}`;
}

/** True when two documents explain the same: positions, hosts and notes do not change a sentence. */
function sameStructure(a: TopologyDocument, b: TopologyDocument): boolean {
  if (a.connections !== b.connections || a.options !== b.options) return false;
  if (a.components === b.components) return true;
  if (a.components.length !== b.components.length) return false;
  return a.components.every((x, i) => {
    const y = b.components[i];
    return (
      x === y ||
      (y !== undefined && x.id === y.id && x.kind === y.kind && x.name === y.name && x.etl === y.etl)
    );
  });
}

interface Explanation {
  readonly sections: readonly ExplanationSection[];
  /** Component ids by the words that name them, for the name buttons. */
  readonly ids: ReadonlyMap<string, string>;
}

function explain(document: TopologyDocument, problems: readonly Problem[]): Explanation {
  const ids = new Map<string, string>();
  for (const component of document.components) {
    const key = nameKey(displayName(component.kind), component.name);
    if (!ids.has(key)) ids.set(key, component.id);
  }
  return { sections: explainDeployment(document, problems), ids };
}

/** The explanation of the open document; a drag or an edit of a host or a note keeps the same one. */
function useExplanation(): Explanation {
  const derivations = useDerivations();
  const select = useMemo(() => {
    let last: { document: TopologyDocument; value: Explanation } | undefined;
    return (state: DesignerState): Explanation => {
      const { document } = state;
      last =
        last && sameStructure(last.document, document)
          ? { document, value: last.value }
          : { document, value: explain(document, derivations.problems(document).problems) };
      return last.value;
    };
  }, [derivations]);
  return useDesigner(select);
}

/** A sentence with every component it names turned into a button that shows it on the canvas. */
function Sentence({ text, ids }: { text: string; ids: ReadonlyMap<string, string> }) {
  const reveal = useRevealElement();
  const parts: ReactNode[] = [];
  let at = 0;
  for (const match of text.matchAll(NAME_PATTERN)) {
    const [whole, kindName = '', name = ''] = match;
    const id = ids.get(nameKey(kindName, name));
    if (id === undefined) continue;
    // Only the name is the button, so a sentence wraps like text; its accessible name is the whole phrase.
    // The quotes and the punctuation after them stay on the button's line.
    const quoteAt = match.index + kindName.length + 1;
    const end = match.index + whole.length;
    const tail = /^[.,;:)]*/.exec(text.slice(end, end + 4))?.[0] ?? '';
    parts.push(text.slice(at, quoteAt));
    parts.push(
      <span key={match.index} className="explain__nowrap">
        '
        <button
          type="button"
          className="explain__name"
          aria-label={whole}
          title="Show on the canvas"
          onClick={() => reveal({ componentId: id })}
        >
          {name}
        </button>
        '{tail}
      </span>,
    );
    at = end + tail.length;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <p className="explain__sentence">{parts}</p>;
}

/** The open deployment in plain sentences, live as it changes; component names show the component. */
export function ExplainPanel() {
  const { sections, ids } = useExplanation();
  return (
    <SidePanelFrame title="Explain this deployment">
      <div className="explain">
        {sections.map((section) => (
          <section key={section.heading} className="explain__section">
            <h3 className="explain__heading">{section.heading}</h3>
            {section.sentences.map((sentence, index) => (
              // Sentences repeat (two Daemons each "It has no connection…"), so their place is their key.
              // biome-ignore lint/suspicious/noArrayIndexKey: the list is regenerated whole, never reordered.
              <Sentence key={index} text={sentence} ids={ids} />
            ))}
          </section>
        ))}
      </div>
    </SidePanelFrame>
  );
}
