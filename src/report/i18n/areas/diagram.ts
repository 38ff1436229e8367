// The model diagram's titles (src/diagram/*; the report's structure figure and the Structure tab).
import { areaCatalogue } from '../area';

export const diagram = areaCatalogue({
  en: {
    'diagram.part.tree': 'Decision tree',
    'diagram.part.psm': 'Partitioned survival',
    'diagram.part.markov': 'State transitions',
    'diagram.part.submodel': 'Sub-model {id} ({kind})',
    'diagram.kind.psm': 'partitioned survival',
    'diagram.kind.markov': 'Markov',
    'diagram.modelStructure': 'Model structure',
  },
  fr: {
    'diagram.part.tree': 'Arbre de décision',
    'diagram.part.psm': 'Survie partitionnée',
    'diagram.part.markov': 'Transitions entre états',
    'diagram.part.submodel': 'Sous-modèle {id} ({kind})',
    'diagram.kind.psm': 'survie partitionnée',
    'diagram.kind.markov': 'Markov',
    'diagram.modelStructure': 'Structure du modèle',
  },
  nl: {
    'diagram.part.tree': 'Beslisboom',
    'diagram.part.psm': 'Gepartitioneerde overleving',
    'diagram.part.markov': 'Overgangen tussen toestanden',
    'diagram.part.submodel': 'Deelmodel {id} ({kind})',
    'diagram.kind.psm': 'gepartitioneerde overleving',
    'diagram.kind.markov': 'Markov',
    'diagram.modelStructure': 'Modelstructuur',
  },
});
