import { z } from 'zod';

const uuid = z.uuid();

/** A route's id parameter; anything that is not a UUID cannot exist, so it is a 404. */
export function idParam(value: string | undefined): string {
  const parsed = uuid.safeParse(value);
  if (!parsed.success) throw new Response(null, { status: 404 });
  return parsed.data;
}
