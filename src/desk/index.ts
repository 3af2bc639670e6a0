export { Desk, DEFAULT_FULL_TEXT_EMOJI, HELP_TEXT, type DeskOptions, type LinkReader, type DeskLogger } from './desk.js';
export type * from './types.js';
