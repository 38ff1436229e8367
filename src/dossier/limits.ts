// Size caps for dossiers and files: generous for real work, small enough that a hostile file cannot
// exhaust memory or freeze the UI. One place so the schema, the import check and the docs agree.

/**
 * Largest dossier file accepted, in bytes (the UI should check File.size before reading). Since format version 2 a
 * dossier file carries its models' stored runs: a 10,000-draw PSA with its parameter draws is about 5–10 MB.
 */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;
/** Largest workspace backup accepted: a backup holds every dossier and every snapshot, so it may be much larger. */
export const MAX_BACKUP_FILE_BYTES = 200 * 1024 * 1024;
/** Deepest nesting of JSON arrays/objects accepted in a file (a dossier needs about 8). */
export const MAX_JSON_DEPTH = 64;
/** Import reports at most this many problems, then says how many more there were. */
export const MAX_REPORTED_PROBLEMS = 200;

export const MAX_ID = 100;
export const MAX_SHORT_TEXT = 1_000;
export const MAX_LONG_TEXT = 200_000;

export const MAX_PICOS = 100;
export const MAX_LIST_ITEMS = 200;
export const MAX_ELEMENTS_PER_DOMAIN = 500;
export const MAX_EVIDENCE = 5_000;
export const MAX_ASSESSORS = 200;
export const MAX_MODEL_LINKS = 500;
export const MAX_STATUS_EVENTS = 1_000;
export const MAX_LINKED_EVIDENCE = 1_000;
/** 2×2 tables in one evidence item (one per index test, alteration, setting, …). */
export const MAX_TWO_BY_TWO = 200;

export const MAX_BACKUP_DOSSIERS = 10_000;
export const MAX_BACKUP_SNAPSHOTS = 50_000;
export const MAX_BACKUP_HISTORY = 1_000_000;

/** Models carried by one dossier file or workspace backup, and what each model may hold. */
export const MAX_MODELS = 1_000;
export const MAX_MODEL_VERSIONS = 10_000;
export const MAX_MODEL_HISTORY = 1_000_000;
export const MAX_RUNS = 10_000;
