export type { Card, CardContext, CardPayGroup, PersonRef, SharedBefore } from './types.js';
export { buildCard } from './build.js';
export { renderCardText, type TextOptions } from './text.js';
export { formatBand, formatMoney, compactNumber, periodSuffix } from './amount.js';
export { collapsePayBands } from './pay.js';
export { cutText, ELLIPSIS } from './cut.js';
export { splitText } from './split.js';
export * as cardLines from './lines.js';
