// Kept as the import path the views already use.
export { useControlState } from './use-doc-snapshot'
