/** The rich menu definition (`richmenu/richmenu.json`), the body of LINE's create-rich-menu call. */
import { z } from 'zod';

const int = z.number().int();

export const RichMenuAreaSchema = z.strictObject({
  bounds: z.strictObject({
    x: int.min(0),
    y: int.min(0),
    width: int.positive(),
    height: int.positive(),
  }),
  /** A postback (what the dialog understands), a message or a link. */
  action: z.union([
    z.strictObject({
      type: z.literal('postback'),
      label: z.string().optional(),
      data: z.string().min(1),
      displayText: z.string().optional(),
    }),
    z.strictObject({
      type: z.literal('message'),
      label: z.string().optional(),
      text: z.string().min(1),
    }),
    z.strictObject({
      type: z.literal('uri'),
      label: z.string().optional(),
      uri: z.string().min(1),
    }),
  ]),
});

export const RichMenuDefinitionSchema = z.strictObject({
  size: z.strictObject({ width: int, height: int }),
  /** Whether the menu opens by default. */
  selected: z.boolean(),
  name: z.string().min(1),
  chatBarText: z.string().min(1),
  areas: z.array(RichMenuAreaSchema).min(1),
});
export type RichMenuDefinition = z.infer<typeof RichMenuDefinitionSchema>;
