// resources/examples/liquid-biopsy-nsclc.htad.json is generated from the bundled example dossier and its model file
// (npm run examples); this test fails when the committed file no longer matches its sources.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedExampleFiles } from '../../scripts/example-files';
import { parseDossierFile } from '../../src/dossier/parse-file';
import { exampleDossier } from '../../src/dossier/examples/liquid-biopsy-nsclc';
import { EXAMPLE_MODEL_ID } from '../../src/dossier/examples/example-dossier-file';

const examples = resolve(__dirname, '..', '..', 'resources', 'examples');

describe('example dossier file', () => {
  for (const file of generatedExampleFiles()) {
    it(`${file.fileName} is current (run "npm run examples" after changing its sources)`, () => {
      expect(readFileSync(resolve(examples, file.fileName), 'utf8')).toBe(file.content);
    });
  }

  it('is a valid dossier file whose model link points at the model inside it', () => {
    const parsed = parseDossierFile(readFileSync(resolve(examples, 'liquid-biopsy-nsclc.htad.json'), 'utf8'));
    if (!parsed.ok) throw new Error(parsed.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
    expect(parsed.file.dossier.modelLinks[0]!.modelId).toBe(EXAMPLE_MODEL_ID);
    expect(parsed.file.models.map((m) => m.model.id)).toEqual([EXAMPLE_MODEL_ID]);
    expect(parsed.file.models[0]!.model.document).toEqual(JSON.parse(readFileSync(resolve(examples, 'liquid-biopsy-nsclc.json'), 'utf8')));
    const { modelLinks: _links, ...rest } = parsed.file.dossier;
    const { modelLinks: _source, ...expected } = exampleDossier();
    expect(rest).toEqual(expected);
  });
});
