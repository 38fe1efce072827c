/**
 * Draws LINE Flex JSON (a bubble or a carousel of bubbles) in HTML, close to how the LINE app
 * shows it: blocks header/hero/body/footer, boxes (vertical, horizontal, baseline), text,
 * buttons, separators, spacers, images, fillers and icons. Enough for our notice templates
 * (src/delivery/notice-templates.ts) and the bot's own cards; anything unknown is skipped.
 * Buttons are drawn, not live: a preview must not call anyone or open links.
 */
import type { FlexNode } from '../api/types.js';
import type { Direction } from './flex-style.js';
import { boxStyle, bubbleWidth, childStyle, imageSize, space, textStyle } from './flex-style.js';

const nodes = (v: unknown): FlexNode[] =>
  Array.isArray(v)
    ? v.filter((n): n is FlexNode => !!n && typeof n === 'object' && 'type' in n)
    : [];
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' ? (v as Record<string, unknown>) : {};

function FlexText(props: { node: FlexNode; parent: Direction; first: boolean }) {
  const { node } = props;
  const spans = nodes(node['contents']).filter((s) => s.type === 'span');
  const style = { ...childStyle(node, props.parent, props.first), ...textStyle(node) };
  return (
    <p class="fx-text" style={style}>
      {spans.length > 0
        ? spans.map((s, i) => (
            <span
              key={i}
              style={{
                ...(str(s['color']) ? { color: str(s['color']) } : {}),
                ...(s['weight'] === 'bold' ? { fontWeight: 700 } : {}),
                ...(str(s['size']) ? { fontSize: textStyle(s)['fontSize'] } : {}),
              }}
            >
              {str(s['text'])}
            </span>
          ))
        : str(node['text'])}
    </p>
  );
}

function FlexButton(props: { node: FlexNode; parent: Direction; first: boolean }) {
  const { node } = props;
  const style = str(node['style']) ?? 'link';
  const color = str(node['color']);
  const action = obj(node['action']);
  const css: Record<string, string | number> = {
    ...childStyle(node, props.parent, props.first),
    height: node['height'] === 'sm' ? '40px' : '52px',
  };
  if (style === 'primary') css['backgroundColor'] = color ?? '#17C950';
  else if (style === 'secondary') css['backgroundColor'] = color ?? '#DCDFE5';
  else if (color) css['color'] = color;
  return (
    <span class={`fx-button fx-button-${style}`} style={css}>
      {str(action['label']) ?? ''}
    </span>
  );
}

function FlexImage(props: { node: FlexNode; parent: Direction; first: boolean; hero?: boolean }) {
  const { node } = props;
  const ratio = /^(\d+(?:\.\d+)?):(\d+(?:\.\d+)?)$/.exec(str(node['aspectRatio']) ?? '1:1');
  const width = props.hero ? '100%' : imageSize(node['size']);
  const align = str(node['align']) ?? 'center';
  return (
    <div
      class="fx-image"
      style={{
        ...childStyle(node, props.parent, props.first),
        display: 'flex',
        justifyContent: align === 'start' ? 'flex-start' : align === 'end' ? 'flex-end' : 'center',
      }}
    >
      <img
        src={str(node['url'])}
        alt=""
        referrerpolicy="no-referrer"
        style={{
          width,
          maxWidth: '100%',
          aspectRatio: ratio ? `${ratio[1]} / ${ratio[2]}` : '1 / 1',
          objectFit: node['aspectMode'] === 'cover' ? 'cover' : 'contain',
          ...(str(node['backgroundColor'])
            ? { backgroundColor: str(node['backgroundColor']) }
            : {}),
        }}
      />
    </div>
  );
}

/** One component inside a box; `first` drops the margin of the box's first child, as LINE does. */
function FlexComponent(props: { node: FlexNode; parent: Direction; first: boolean }) {
  const { node, parent, first } = props;
  switch (node.type) {
    case 'box':
      return <FlexBox node={node} parent={parent} first={first} />;
    case 'text':
      return <FlexText node={node} parent={parent} first={first} />;
    case 'button':
      return <FlexButton node={node} parent={parent} first={first} />;
    case 'image':
      return <FlexImage node={node} parent={parent} first={first} />;
    case 'icon':
      return (
        <img
          class="fx-icon"
          src={str(node['url'])}
          alt=""
          referrerpolicy="no-referrer"
          style={{ ...childStyle(node, parent, first), flex: '0 0 auto', width: '1em' }}
        />
      );
    case 'separator': {
      const margin = space(node['margin']);
      const vertical = parent === 'vertical';
      const color = str(node['color']) ?? '#E5E5E5';
      return (
        <hr
          class="fx-separator"
          style={{
            border: 'none',
            flex: '0 0 auto',
            ...(vertical
              ? {
                  borderTop: `1px solid ${color}`,
                  ...(margin && !first ? { marginTop: margin } : {}),
                }
              : {
                  borderLeft: `1px solid ${color}`,
                  ...(margin && !first ? { marginLeft: margin } : {}),
                }),
          }}
        />
      );
    }
    case 'spacer':
      return (
        <span class="fx-spacer" style={{ flex: '0 0 auto', height: space(node['size'] ?? 'md') }} />
      );
    case 'filler':
      return (
        <span
          class="fx-filler"
          style={{ flex: `${typeof node['flex'] === 'number' ? node['flex'] : 1}` }}
        />
      );
    default:
      return null;
  }
}

function FlexBox(props: { node: FlexNode; parent: Direction; first: boolean; block?: boolean }) {
  const { node } = props;
  const layout = (str(node['layout']) ?? 'vertical') as Direction;
  const gap = space(node['spacing']);
  const css = {
    ...(props.block ? {} : childStyle(node, props.parent, props.first)),
    ...boxStyle(node),
    ...(gap ? { gap } : {}),
  };
  return (
    <div class={`fx-box fx-${layout}`} style={css}>
      {nodes(node['contents']).map((child, i) => (
        <FlexComponent key={i} node={child} parent={layout} first={i === 0} />
      ))}
    </div>
  );
}

const BLOCK_PADDING: Record<string, string> = { header: '20px', body: '20px', footer: '10px' };

/** One of a bubble's blocks, with LINE's default padding unless the box sets its own. */
function FlexBlock(props: { name: 'header' | 'body' | 'footer'; node: FlexNode; styles: unknown }) {
  const blockStyle = obj(obj(props.styles)[props.name]);
  const bg = str(blockStyle['backgroundColor']);
  const separator = blockStyle['separator'] === true;
  const hasPadding = [
    'paddingAll',
    'paddingTop',
    'paddingBottom',
    'paddingStart',
    'paddingEnd',
  ].some((k) => props.node[k] !== undefined);
  return (
    <div
      class={`fx-block fx-block-${props.name}`}
      style={{
        ...(hasPadding ? {} : { padding: BLOCK_PADDING[props.name] }),
        ...(bg ? { backgroundColor: bg } : {}),
        ...(separator
          ? { borderTop: `1px solid ${str(blockStyle['separatorColor']) ?? '#E5E5E5'}` }
          : {}),
      }}
    >
      <FlexBox node={props.node} parent="vertical" first block />
    </div>
  );
}

export function FlexBubble(props: { node: FlexNode }) {
  const { node } = props;
  const header = obj(node['header']) as FlexNode;
  const hero = obj(node['hero']) as FlexNode;
  const body = obj(node['body']) as FlexNode;
  const footer = obj(node['footer']) as FlexNode;
  return (
    <div class="fx-bubble" style={{ width: bubbleWidth(node['size']) }}>
      {header.type === 'box' && <FlexBlock name="header" node={header} styles={node['styles']} />}
      {hero.type === 'image' && <FlexImage node={hero} parent="vertical" first hero />}
      {hero.type === 'box' && <FlexBox node={hero} parent="vertical" first block />}
      {body.type === 'box' && <FlexBlock name="body" node={body} styles={node['styles']} />}
      {footer.type === 'box' && <FlexBlock name="footer" node={footer} styles={node['styles']} />}
    </div>
  );
}

/** A Flex message's container: one bubble, or a carousel that scrolls sideways. */
export function FlexContainer(props: { node: FlexNode }) {
  if (props.node.type === 'carousel') {
    return (
      <div class="fx-carousel">
        {nodes(props.node['contents']).map((b, i) => (
          <FlexBubble key={i} node={b} />
        ))}
      </div>
    );
  }
  return <FlexBubble node={props.node} />;
}
