// One turn of the conversation: pick the state handler for the input, then render its views.
import type { messagingApi } from '@line/bot-sdk';
import type { CityConfig, DialogState } from '../schema/index.js';
import { renderReplies, textView } from '../messages/index.js';
import type { DialogDeps, StepResult, Turn, TurnInput, TurnResult } from './types.js';
import { decodePostback } from './postback.js';
import { commandKey, parseCommand, type Command } from './commands.js';
import { looksLikeMyNumber } from './privacy.js';
import { cityContactLines } from './contact.js';
import { baseQuick } from './choices.js';
import { blocked, greet } from './states/greeting.js';
import { addressedText, introduce } from './states/group.js';
import { ask, fallbackView } from './states/ask.js';
import { showEntry } from './states/show.js';
import { feedback } from './states/feedback.js';
import { human } from './states/human.js';
import { menu, topic } from './states/topic.js';
import { help } from './states/help.js';
import { settings, settingsTap } from './states/settings.js';
import { decodeSettingsPostback } from './states/settings-postback.js';
import { media } from './states/media.js';
import { myNumberWarning } from './states/my-number.js';
import { hello, thanks } from './states/small-talk.js';
import { classTap, classText } from './states/classes.js';
import { decodeClassPostback } from './states/classes-postback.js';

/** Questions longer than this are cut before searching (nobody types more in LINE). */
const MAX_QUESTION = 500;

const silent = (state: DialogState): StepResult => ({ views: [], next: state, effects: [] });

/** A command, typed (メニュー, 使い方…) or tapped (the same buttons): one place for both. */
function runCommand(turn: Turn, command: Command, source: TurnInput['source']): StepResult {
  switch (command.kind) {
    case 'menu':
      return menu(turn);
    case 'help':
      return help(turn);
    case 'settings':
      return settings(turn, source);
    case 'human':
      return human(turn);
    case 'hello':
      return hello(turn);
    case 'thanks':
      return thanks(turn);
    case 'topic':
      return topic(turn, command.topic);
  }
}

function onText(
  turn: Turn,
  raw: string,
  source: TurnInput['source'],
  mentioned?: boolean,
): StepResult {
  let text = raw;
  if (source !== 'user') {
    const addressed = addressedText(raw, mentioned);
    if (addressed === undefined) return silent(turn.state);
    if (addressed === '') return introduce(turn);
    text = addressed;
  }
  // Before anything else reads it: such a text goes nowhere (no search, no effect, no state).
  if (looksLikeMyNumber(text)) return myNumberWarning(turn);
  const question = text.trim();
  if (!question) return hello(turn);
  const key = commandKey(question);
  const pick = /^[1-9]$/.test(key) ? turn.state.candidates[Number(key) - 1] : undefined;
  if (pick) return showEntry(turn, pick);
  const command = parseCommand(question);
  if (command) return runCommand(turn, command, source);
  const cut = question.slice(0, MAX_QUESTION);
  return classText(turn, cut, source) ?? ask(turn, cut);
}

function onPostback(turn: Turn, data: string, source: TurnInput['source']): StepResult {
  const tap = decodeSettingsPostback(data);
  if (tap) return settingsTap(turn, tap, source);
  const classTapped = decodeClassPostback(data);
  if (classTapped) return classTap(turn, classTapped, source);
  const p = decodePostback(data);
  switch (p?.a) {
    case 'show':
      return showEntry(turn, p.id);
    case 'fb':
      return feedback(turn, p.id, p.helpful);
    case 'topic':
      return runCommand(turn, { kind: 'topic', topic: p.topic }, source);
    case 'menu':
    case 'help':
    case 'settings':
      return runCommand(turn, { kind: p.a }, source);
    case 'contact':
      return human(turn, p.id);
    case 'none':
      return { views: [fallbackView(turn)], next: { ...turn.state, candidates: [] }, effects: [] };
    default:
      return silent(turn.state); // not ours (an old menu, a tampered postback): ignore safely
  }
}

function step(turn: Turn, input: TurnInput): StepResult {
  switch (input.kind) {
    case 'follow':
      return greet(turn);
    case 'unfollow':
      return blocked();
    case 'join':
      return introduce(turn);
    case 'text':
      return onText(turn, input.text, input.source, input.mentioned);
    case 'postback':
      return onPostback(turn, input.data, input.source);
    case 'media':
      return input.source === 'user' ? media(turn, input.media) : silent(turn.state);
    default:
      return silent(turn.state);
  }
}

/**
 * Handles one event: returns the replies (≤ 5, within LINE's limits), the next state and the
 * effects to record. Pure: the same input gives the same result.
 */
export function handleTurn(state: DialogState, input: TurnInput, deps: DialogDeps): TurnResult {
  const result = step({ state, deps }, input);
  return {
    replies: renderReplies(result.views, deps.templates),
    next: result.next,
    effects: result.effects,
  };
}

/**
 * A kind reply for when a turn failed (the runtime logs the error and sends this): an apology
 * with the city's contact, so the resident still has somewhere to go.
 */
export function apologyReplies(city: CityConfig): messagingApi.Message[] {
  const text = [
    'ごめんなさい。いま、うまくお答えできませんでした。少し待ってから、もう一度送ってください。',
    '',
    'お急ぎのときは、こちらへお問い合わせください。',
    ...cityContactLines(city),
  ].join('\n');
  return renderReplies([textView(text, baseQuick())]);
}
