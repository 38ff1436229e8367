import type { StateReference } from '../../engine/model/structure-edits';
import type { MessageKey, Translate } from '../../report/i18n/translate';

/** What goes with a removed state, in the display language (e.g. "transition Healthy → Sick"). */
export function stateReferenceText(reference: StateReference, t: Translate): string {
  return t(`structure.stateRef.${reference.kind}` as MessageKey, reference.at);
}
