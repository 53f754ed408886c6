// The sensitivity (SMAA-2 rank acceptability, 10,000 weight samples, with the one-way intervals
// and the sentences) off the main thread, so the page stays responsive while it runs.
import { frameworkOutcome, type FrameworkOutcomeInput } from '@triage/shared'

export interface SensitivityRequest {
  readonly id: number
  readonly input: FrameworkOutcomeInput
}

self.onmessage = (event: MessageEvent<SensitivityRequest>) => {
  const { id, input } = event.data
  try {
    const { sensitivity } = frameworkOutcome(input)
    self.postMessage({ id, sensitivity })
  } catch (e) {
    self.postMessage({ id, error: e instanceof Error ? e.message : String(e) })
  }
}
