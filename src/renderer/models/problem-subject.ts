// Which named thing of a model file a problem's path points at: "parameters[17].expression" is p_CD to an analyst,
// who should not have to count rows. The id of the deepest list item on the path that has one (a parameter, a
// state, a strategy, a tree node, a scenario), or null.

const segment = /([^.[\]]+)|\[(\d+)\]/g;

export function problemSubject(document: unknown, path: string): string | null {
  let at: unknown = document;
  let subject: string | null = null;
  for (const [, key, index] of path.matchAll(segment)) {
    if (at === null || typeof at !== 'object') break;
    if (index !== undefined) {
      if (!Array.isArray(at)) break;
      at = at[Number(index)];
      const id = at !== null && typeof at === 'object' && !Array.isArray(at) ? (at as Record<string, unknown>).id : undefined;
      if (typeof id === 'string' && id !== '') subject = id;
    } else {
      at = Object.prototype.hasOwnProperty.call(at, key!) ? (at as Record<string, unknown>)[key!] : undefined;
    }
  }
  return subject;
}
