// The list and block label rules live with their elements; re-exported for the exporters.
export { listLabel, SUBPARAGRAPH_FORMATS } from '../elements/number-formats';
export { blockLetter } from '../elements/attributed';
