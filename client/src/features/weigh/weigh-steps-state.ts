// What the console and the projector read for the weigh phase's other ways to rank: the method
// (weighted criteria or RICE), the RICE estimates, the MoSCoW step and the 2x2's placement whose
// effort it may use. Kept apart from weigh-state.ts so the phone, which shows none of it, does
// not load it.
import type * as Y from 'yjs'
import {
  readFrameworkMethod,
  readMatrixPlacement,
  readMoscowPlan,
  readRiceEstimates,
  type FrameworkMethod,
  type MatrixPoint,
  type MoscowPlan,
  type RiceEstimates,
} from '@triage/shared'
import { useDocSnapshot } from '../../sync/use-doc-snapshot'

export interface WeighSteps {
  /** How the items are ranked: weighted criteria, or RICE. */
  readonly method: FrameworkMethod
  readonly rice: RiceEstimates | null
  /** The optional MoSCoW step, or null when it was not used. */
  readonly moscow: MoscowPlan | null
  /** The 2x2's placement by item key (MoSCoW may take its effort). */
  readonly positions: Readonly<Record<string, MatrixPoint>>
}

/** Reads the method, RICE and MoSCoW (module level: it keys the snapshot cache). */
export function readWeighSteps(doc: Y.Doc): WeighSteps {
  return {
    method: readFrameworkMethod(doc),
    rice: readRiceEstimates(doc),
    moscow: readMoscowPlan(doc),
    positions: readMatrixPlacement(doc).positions,
  }
}

export const useWeighSteps = (doc: Y.Doc): WeighSteps => useDocSnapshot(doc, readWeighSteps)
