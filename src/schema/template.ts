/** A Flex template file (`flex-templates/<name>.json`): Flex JSON with `{{name}}` placeholders. */
import { z } from 'zod';

export const FlexTemplateSchema = z.strictObject({
  /** What the template is for, for the staff who edit it. */
  description: z.string().optional(),
  /** The notification and chat-list text; placeholders allowed. */
  altText: z.string().min(1),
  /** A Flex container (bubble or carousel) with placeholders, `$if` and `$each` nodes. */
  contents: z.looseObject({ type: z.enum(['bubble', 'carousel']) }),
});
export type FlexTemplate = z.infer<typeof FlexTemplateSchema>;
