export { normalize } from './normalize.js';
export { toSourceOffset, toSourceSpan } from './mapped-text.js';
