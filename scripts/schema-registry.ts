// Every JSON Schema the project ships: add one entry per file format (add an import and a line; keep it sorted).
export interface SchemaFile {
  fileName: string;
  build: () => unknown;
}

export const schemaFiles: SchemaFile[] = [
];
