// One way to read a content file against its schema: a mistake stops the build with a message
// naming the file and each field that is wrong, so an editor can put it right.
import type { z } from 'zod';

export function parseContent<T>(file: string, schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  - ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
    throw new Error(`${file} is not valid:\n${problems.join('\n')}`);
  }
  return result.data;
}
