import { FeatureMaps } from './FeatureMaps';
import { InputPicker } from './InputPicker';
import { NodeTimes } from './NodeTimes';
import { ResultView } from './ResultView';
import { RunControls } from './RunControls';
import './run.css';
import { LcclZeroRatio } from './LcclZeroRatio';
import { NestedRuns } from './NestedRuns';

/** The Run tab: run the design in the browser on an image, see its outputs, speed and feature maps. */
export function RunPanel() {
  return (
    <div className="run-panel">
      <InputPicker />
      <RunControls />
      <ResultView />
      <NodeTimes />
      <FeatureMaps />
      <LcclZeroRatio />
      <NestedRuns />
    </div>
  );
}
