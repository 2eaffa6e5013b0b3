// The figures on a broker's, consumer's or index node's card, under its id: its status on a
// line of its own (a consumer's id is long, and the projector theme's ids are larger), two lines
// of facts from the kind's description (pipelineKinds.ts), a broker's disk (crossed out when
// failed) and an index node's rebuild as a progress bar beside its share in words.
import type { PipelineKind } from './layoutPipeline';
import { StatusMark } from './NodeCard';
import type { NodeView } from './nodeState';
import { PIPELINE_KINDS } from './pipelineKinds';

const ROW_STATUS = 40;
const ROW_2 = 58;
const ROW_3 = 76;

/** StatusMark draws right-aligned at x; this puts its mark at the card's left edge instead. */
function leftStatusX(status: NodeView['status']): number {
  const word = status === 'powered off' ? 'power off' : status;
  return 16 + word.length * 13 * 0.55 + 12;
}

export function PipelineFigures({ kind, view, width }: { kind: PipelineKind; view: NodeView; width: number }) {
  const facts = view.pipeline;
  if (!facts || view.status === 'absent') return null;
  const [first, second] = PIPELINE_KINDS[kind].lines(facts, view.status === 'up');
  const progress = kind === 'index' && facts.recovering !== null;
  const barWidth = width - 20 - 72;
  const disk = width - 26;
  return (
    <>
      <StatusMark status={view.status} x={leftStatusX(view.status)} y={ROW_STATUS} />
      <g className="meters" aria-hidden="true">
        <text className={`figure${progress ? ' figure-recovering' : ''}`} x={10} y={ROW_2}>
          {first}
        </text>
        {kind === 'broker' && (
          <g className={`disk ${facts.diskFailed ? 'disk-f' : 'disk-h'}`}>
            <rect x={disk} y={ROW_2 - 12} width={14} height={14} rx={2} />
            {facts.diskFailed && <path className="disk-x" d={`M${disk + 3},${ROW_2 - 9} l8,8 m0,-8 l-8,8`} />}
          </g>
        )}
        {progress ? (
          <>
            <rect className="bar-track" x={10} y={ROW_3 - 8} width={barWidth} height={8} rx={2} />
            <rect
              className="bar-recovered"
              x={10}
              y={ROW_3 - 8}
              width={barWidth * facts.recoveredShare}
              height={8}
              rx={2}
            />
            <text className="figure" x={width - 10} y={ROW_3} textAnchor="end">
              {second}
            </text>
          </>
        ) : (
          <text className="figure" x={10} y={ROW_3}>
            {second}
          </text>
        )}
      </g>
    </>
  );
}
