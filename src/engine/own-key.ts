// Records keyed by names the user chose (parameters, strategies, states, scenarios, curves, outcome counts) are
// plain objects: `record[name]` would also find Object.prototype members for names such as toString or
// constructor. Read them through this, which sees own keys only.

export function ownValue<T>(record: Readonly<Record<string, T>> | null | undefined, key: string): T | undefined {
  return record != null && Object.hasOwn(record, key) ? record[key] : undefined;
}
