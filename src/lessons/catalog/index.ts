// Every lesson, in teaching order, validated once when first imported.
import { lessonSchema, type Lesson, type LessonInput } from '../lessonSchema';
import { faultsNotFailures } from './faultsNotFailures';
import { disksAtScale } from './disksAtScale';
import { correlatedFaults } from './correlatedFaults';
import { softwareFaults } from './softwareFaults';
import { humanError } from './humanError';
import { loadParameters } from './loadParameters';
import { describingPerformance } from './describingPerformance';
import { queueingAndSaturation } from './queueingAndSaturation';
import { scalingAndDegradation } from './scalingAndDegradation';
import { tailLatencyAmplification } from './tailLatencyAmplification';
import { cacheFaultDomain } from './cacheFaultDomain';
import { scalingOut } from './scalingOut';
import { queueLag } from './queueLag';
import { derivedData } from './derivedData';

const inputs: readonly LessonInput[] = [
  faultsNotFailures,
  disksAtScale,
  correlatedFaults,
  softwareFaults,
  humanError,
  loadParameters,
  describingPerformance,
  tailLatencyAmplification,
  queueingAndSaturation,
  scalingAndDegradation,
  cacheFaultDomain,
  scalingOut,
  queueLag,
  derivedData,
];

export const lessons: readonly Lesson[] = inputs.map((l) => lessonSchema.parse(l));

export function getLesson(id: string): Lesson | undefined {
  return lessons.find((l) => l.id === id);
}
