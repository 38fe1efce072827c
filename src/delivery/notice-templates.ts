/**
 * The Flex layouts a notice can use, in the `{{name}}` template language of src/messages. Each
 * names its parameters; the renderer adds `sender`, `title`, `department`, `contact`,
 * `headerColor` and `call` (a tel: action when the contact has a phone number). Large text and
 * one clear button: many readers are elderly.
 */
import type { NOTICE_TEMPLATES } from '../schema/index.js';

export type NoticeTemplateName = (typeof NOTICE_TEMPLATES)[number];

export interface NoticeTemplate {
  /** Parameters an admin must give. */
  required: readonly string[];
  /** Parameters an admin may give. */
  optional: readonly string[];
  contents: object;
}

const header = {
  type: 'box',
  layout: 'vertical',
  spacing: 'sm',
  paddingAll: '16px',
  backgroundColor: '{{headerColor}}',
  contents: [
    { type: 'text', text: '{{sender}}', size: 'sm', color: '#FFFFFF', wrap: true },
    { type: 'text', text: '{{title}}', size: 'xl', weight: 'bold', color: '#FFFFFF', wrap: true },
  ],
};

const footer = {
  type: 'box',
  layout: 'vertical',
  spacing: 'sm',
  contents: [
    { type: 'separator' },
    { type: 'text', text: 'お問い合わせ', size: 'sm', color: '#555555', margin: 'md' },
    { type: 'text', text: '{{department}}', size: 'md', weight: 'bold', wrap: true },
    { type: 'text', text: '{{contact}}', size: 'md', wrap: true },
    {
      $if: 'linkUrl',
      type: 'button',
      style: 'primary',
      color: '#0B6E4F',
      height: 'md',
      margin: 'md',
      action: { type: 'uri', label: '{{linkLabel}}', uri: '{{linkUrl}}' },
    },
    {
      $if: 'call',
      type: 'button',
      style: 'secondary',
      height: 'md',
      action: '{{call}}',
    },
  ],
};

const text = (value: string, extra: object = {}) => ({
  type: 'text',
  text: `{{${value}}}`,
  size: 'lg',
  wrap: true,
  color: '#1B1B1B',
  ...extra,
});

const row = (label: string, value: string) => ({
  type: 'box',
  layout: 'baseline',
  spacing: 'md',
  contents: [
    { type: 'text', text: label, size: 'md', color: '#555555', flex: 2 },
    { type: 'text', text: `{{${value}}}`, size: 'lg', wrap: true, flex: 5 },
  ],
});

/** A notice bubble: the sender and title on top, `contents` in the body, whom to ask below. */
const bubble = (contents: object[]) => ({
  type: 'bubble',
  size: 'giga',
  header,
  body: { type: 'box', layout: 'vertical', spacing: 'md', contents },
  footer,
});

export const NOTICE_LAYOUTS: Readonly<Record<NoticeTemplateName, NoticeTemplate>> = {
  /** A plain notice: body text, an optional note and link. */
  notice: {
    required: ['body'],
    optional: ['note', 'linkLabel', 'linkUrl'],
    contents: bubble([
      text('body'),
      { $if: 'note', ...text('note', { size: 'md', color: '#444444' }) },
    ]),
  },
  /** An event or class: when and where, then details, fee and a link to apply. */
  event: {
    required: ['date', 'place'],
    optional: ['body', 'fee', 'linkLabel', 'linkUrl'],
    contents: bubble([
      row('日時', 'date'),
      row('場所', 'place'),
      { $if: 'fee', ...row('費用', 'fee') },
      { $if: 'body', ...text('body') },
    ]),
  },
};
