/** @module dialog: the conversation, `handleTurn(state, input, deps) → {replies, next, effects}`; pure. */
export { handleTurn, apologyReplies } from './handle-turn.js';
export type { DialogDeps, Effect, Source, TurnInput, TurnResult } from './types.js';
export { TOPICS, type Topic } from './topics.js';
export { encodePostback, decodePostback, type Postback } from './postback.js';
export { needsSettings } from './states/settings-postback.js';
export { needsReminders } from './states/classes-postback.js';
export { classNoticeMessages } from './states/classes-notices.js';
export { looksLikeMyNumber } from './privacy.js';
export { DialogStateSchema, initialDialogState, type DialogState } from '../schema/dialog.js';
