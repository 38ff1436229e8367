// What a problem with a file says, as data: a stable code and the values its English message is built from, with
// nested pieces (the expected type, the value found) as details of their own. The pure modules that read files
// (dossier and backup files, model files, JSON text) keep their English `message` for the CLI and attach this, so a
// screen can word the problem in the display language (src/report/file-problems.ts). Pure: no DOM, no Node.

export interface ProblemDetail {
  /** Stable kind, e.g. "text-too-long", "expected-got", "json-syntax". */
  code: string;
  /** The values the message is built from (numbers stay numbers, for the reader's number format). */
  values?: Record<string, string | number>;
  /** Pieces worded on their own (a list is joined with "or"). */
  parts?: Record<string, ProblemDetail | readonly ProblemDetail[]>;
}

/** A chosen file above the size limit, in English and as data (the renderer's and the main process's file pickers). */
export function fileTooLarge(file: string, size: number, maxBytes: number): { message: string; detail: ProblemDetail } {
  return { message: `${file} is ${size} bytes; the limit is ${maxBytes} bytes.`, detail: { code: 'file-larger-than-limit', values: { file, size, maximum: maxBytes } } };
}
