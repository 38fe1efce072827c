/** @module messages: replies as views, Flex templates with placeholders, and LINE's limits. */
export { LINE_LIMITS, checkMessages, checkAction, graphemeLength, utf8Length } from './limits.js';
export type { LimitProblem } from './limits.js';
export { clampLabel, clampUtf16, truncateAnswer } from './fit.js';
export { fillTemplate } from './template.js';
export type { TemplateValues } from './template.js';
export { TEMPLATE_NAMES, toAction, toQuickReply } from './view.js';
export type { Choice, TemplateName, View } from './view.js';
export { ANSWER_MAX, answerCard, listCard, infoCard, textView } from './cards.js';
export type { AnswerCardInput, ListCardInput, InfoCardInput } from './cards.js';
export { settingsCard, SETTINGS_MAX_TOPICS } from './settings.js';
export type { SettingsCardInput, SettingsTopicRow, SettingsValueRow } from './settings.js';
export { renderView, renderReplies, renderText, renderFlex } from './render.js';
export type { TemplateSet } from './render.js';
export { parseTemplateSet, checkTemplateSet, worstCaseViews } from './templates.js';
export { checkRichMenu, imageInfo, RICH_MENU_LIMITS } from './richmenu.js';
export type { ImageInfo } from './richmenu.js';
export { describeMessages } from './describe.js';
export type { Described, Tap } from './describe.js';
