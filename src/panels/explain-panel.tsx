import { SidePanelFrame } from './side-panel-frame';

export function ExplainPanel() {
  return (
    <SidePanelFrame title="Explain">
      <p>Coming soon.</p>
    </SidePanelFrame>
  );
}
