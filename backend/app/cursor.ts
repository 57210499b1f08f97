import type { Cursor, Slice } from './ports/store.port';

// An opaque cursor for newest-first lists: the last item's (createdAt, id), base64url JSON.

export function encodeCursor(position: Cursor): string {
  return Buffer.from(JSON.stringify([position.createdAt, position.id]), 'utf8').toString('base64url');
}

/** The position a cursor names, or null when it is not one of ours. */
export function decodeCursor(text: string | undefined): Cursor | null | undefined {
  if (text === undefined) return undefined;
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value) && value.length === 2 && value.every((part) => typeof part === 'string' && part.length <= 100)) {
      return { createdAt: value[0], id: value[1] };
    }
  } catch {
    // Not base64url JSON: fall through.
  }
  return null;
}

/**
 * Every item a paged store listing gives, page after page: `next` makes the position after an
 * item, which the listing takes as `after` for the following page.
 */
export async function everyItem<T, P>(list: (after: P | undefined) => Promise<Slice<T>>, next: (last: T) => P): Promise<T[]> {
  const items: T[] = [];
  let after: P | undefined;
  for (;;) {
    const slice = await list(after);
    items.push(...slice.items);
    const last = slice.items[slice.items.length - 1];
    if (!slice.more || !last) return items;
    after = next(last);
  }
}
