import { SidePanelFrame } from './side-panel-frame';

export function ExercisesPanel() {
  return (
    <SidePanelFrame title="Exercises">
      <p>Coming soon.</p>
    </SidePanelFrame>
  );
}
